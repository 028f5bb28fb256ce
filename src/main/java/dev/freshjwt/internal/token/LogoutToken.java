package dev.freshjwt.internal.token;

import java.time.Instant;

/**
 * What a verified back-channel logout token asks for ({@link LogoutTokenVerifier}). Immutable.
 *
 * @param tokenId its {@code jti}
 * @param sessionId the {@code sid} whose session ended, or {@code null}
 * @param subject the {@code sub} whose sessions ended (all of them when there is no {@code sid}), or {@code null}
 * @param rememberUntil until when its {@code jti} must be remembered to refuse a replay
 */
public record LogoutToken(String tokenId, String sessionId, String subject, Instant rememberUntil) {
}
