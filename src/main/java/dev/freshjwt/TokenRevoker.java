package dev.freshjwt;

import dev.freshjwt.internal.revocation.Revocations;
import dev.freshjwt.internal.token.ClaimValues;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Revokes tokens: one (logout), a whole session (a login and every token refreshed from it), or everything a
 * subject holds (after a password change). A revoked token gets {@code 401 invalid_token} on every request,
 * checked after the container has verified its signature. Revocations live in the {@link RevocationStore}
 * (shared by a Payara cluster) and are forgotten once the tokens they name would have expired anyway. One subject
 * holds at most {@code freshjwt.revocation.max-per-subject} token and session revocations; one more revokes all of
 * its tokens instead, so no user can fill the store for others. When the store
 * cannot record a revocation (full, or unreachable), nothing is revoked and a {@link RevocationUnavailableException}
 * tells the client so (503), never a 500.
 *
 * <pre>{@code
 * @POST @Path("logout") @AccessTokenRequired
 * public void logout() { revoker.revoke(caller); }
 *
 * @POST @Path("password") @FreshRequired(maxAge = 300)
 * public void changePassword(...) { ...; revoker.revokeAllFor(caller.getSubject()); }
 * }</pre>
 *
 * Thread-safe.
 */
@ApplicationScoped
public class TokenRevoker {

    private final Revocations revocations;

    /** For the CDI proxy only. */
    protected TokenRevoker() {
        this.revocations = null;
    }

    @Inject
    TokenRevoker(Revocations revocations) {
        this.revocations = revocations;
    }

    /**
     * Revokes one token until it expires: the caller's, to log out.
     *
     * @throws IllegalArgumentException when the token has no {@code jti} or {@code exp} to revoke it by
     */
    public void revoke(JsonWebToken token) {
        String tokenId = ClaimValues.text(token.getClaim("jti"));
        long expiresAt = ClaimValues.epochSeconds(token.getClaim("exp"));
        if (tokenId == null || expiresAt == ClaimValues.ABSENT) {
            throw new IllegalArgumentException("A token without jti or exp cannot be revoked one by one");
        }
        revocations.revokeToken(tokenId, Instant.ofEpochSecond(expiresAt), ClaimValues.text(token.getClaim("sub")));
    }

    /**
     * Revokes the token's whole session: the login it came from, its refresh tokens and every access token
     * refreshed from them.
     *
     * @throws IllegalArgumentException when the token has no {@code sid}
     */
    public void revokeSession(JsonWebToken token) {
        String session = ClaimValues.text(token.getClaim(FreshJwtClaims.SESSION_ID));
        if (session == null) {
            throw new IllegalArgumentException("The token belongs to no session (no sid claim)");
        }
        revocations.revokeSession(session, ClaimValues.text(token.getClaim("sub")));
    }

    /**
     * Revokes every token of {@code subject} issued before the current second: access and refresh tokens, on
     * every instance. Tokens minted afterwards (a new login) are not affected.
     */
    public void revokeAllFor(String subject) {
        revocations.revokeSubject(subject);
    }
}
