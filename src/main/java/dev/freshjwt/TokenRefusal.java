package dev.freshjwt;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * A CDI event fired, synchronously, for every request freshjwt refuses: a missing, invalid, revoked or wrong-type
 * token, a token that is not fresh, too old or not strong enough ({@code acr}), a reused refresh token, a failed CSRF
 * check. It carries why, what was required, and the subject and {@code jti} when known, never the token itself.
 * Observe it for audit logs, metrics or alerts:
 *
 * <pre>{@code
 * void audit(@Observes TokenRefusal refusal) {
 *     log.info(() -> "refused " + refusal.reason() + " for " + refusal.subject().orElse("-")
 *             + " at " + refusal.requirement().orElse("-"));
 *     refusal.addProblemMember("trace_id", currentTraceId());     // added to the problem+json body
 * }
 * }</pre>
 *
 * <p>An observer may change the problem's {@code detail} and add members to the problem body; the status, the
 * {@code WWW-Authenticate} challenge and the standard members stay as they are. Observers are notified one by one,
 * in their {@code @Priority} order; one that throws is logged and skipped (the others still see the event), and the
 * client still gets its 401 (or 403), never a 500. Not thread-safe: one event per refusal, observed
 * on the request's thread.
 */
public final class TokenRefusal {

    /** Why the request was refused. */
    public enum Reason {
        /** No token where one is required: 401, plain {@code Bearer} challenge. */
        MISSING_TOKEN,
        /** A malformed, forged, expired or foreign token, or one the server could not verify: 401 {@code invalid_token}. */
        INVALID_TOKEN,
        /** A revoked token (logout, session revoked, {@code revokeAllFor}): 401 {@code invalid_token}. */
        REVOKED_TOKEN,
        /** A refresh token where an access token is required, or the reverse: 401 {@code invalid_token}. */
        WRONG_TOKEN_TYPE,
        /** A valid access token that is not fresh: 401 {@code insufficient_user_authentication}. */
        NOT_FRESH,
        /** A login older than {@code maxAge} (or of unknown age): 401 {@code insufficient_user_authentication}. */
        LOGIN_TOO_OLD,
        /** A login of another {@code acr} than required: 401 {@code insufficient_user_authentication}. */
        ACR_NOT_MET,
        /** A rotated refresh token presented again: its session is revoked; 401 {@code invalid_token}. */
        REFRESH_TOKEN_REUSED,
        /** A state-changing request authenticated by a cookie without its token's CSRF value: 403. */
        CSRF_FAILED,
        /**
         * Whether the token is revoked cannot be known: the revocation store has been unreadable for longer than
         * {@code freshjwt.revocation.max-staleness}. 503 {@code revocation-unavailable} with {@code Retry-After}, no
         * challenge: the token is not at fault.
         */
        REVOCATION_UNAVAILABLE
    }

    private static final Set<String> STANDARD = Set.of("type", "title", "status", "detail", "instance", "error",
            "acr_values", "max_age");

    private final Reason reason;
    private final int status;
    private final String description;
    private final String requirement;
    private final String subject;
    private final String tokenId;
    private final List<String> acrValues;
    private final long maxAge;
    private final Map<String, Object> members = new LinkedHashMap<>();
    private String detail;

    /**
     * Created by freshjwt; public for tests of observers.
     *
     * @param reason why
     * @param status the HTTP status the client gets (401, 403 or 503)
     * @param description the sentence the client gets ({@code error_description}, problem {@code detail})
     * @param requirement what the endpoint required, such as {@code @FreshRequired(maxAge = 300)}; {@code null} when
     *     the refusal came before any endpoint
     * @param subject the token's {@code sub}, or {@code null}
     * @param tokenId the token's {@code jti}, or {@code null}
     * @param acrValues the {@code acr} values the challenge names
     * @param maxAge the {@code max_age} the challenge names, or a negative number
     */
    public TokenRefusal(Reason reason, int status, String description, String requirement, String subject,
            String tokenId, List<String> acrValues, long maxAge) {
        this.reason = Objects.requireNonNull(reason, "reason");
        this.status = status;
        this.description = description;
        this.detail = description;
        this.requirement = requirement;
        this.subject = subject;
        this.tokenId = tokenId;
        this.acrValues = List.copyOf(acrValues);
        this.maxAge = maxAge;
    }

    /** Why the request was refused. */
    public Reason reason() {
        return reason;
    }

    /**
     * The HTTP status the client gets: 401, 403 for {@link Reason#CSRF_FAILED}, 503 for
     * {@link Reason#REVOCATION_UNAVAILABLE}.
     */
    public int status() {
        return status;
    }

    /** The sentence freshjwt gives the client (the challenge's {@code error_description}). */
    public String description() {
        return description;
    }

    /**
     * What the endpoint required, as its annotation reads ({@code @FreshRequired(maxAge = 300, acr = {"mfa"})},
     * {@code @AccessTokenRequired}, {@code @RefreshTokenRequired}, or a token {@code TokenIssuer} was handed); empty when
     * the request was refused before any endpoint (a token the server could not verify).
     */
    public Optional<String> requirement() {
        return Optional.ofNullable(requirement);
    }

    /** The subject ({@code sub}) of the refused token, when it was verified or readable. */
    public Optional<String> subject() {
        return Optional.ofNullable(subject);
    }

    /** The {@code jti} of the refused token, when it was verified or readable. */
    public Optional<String> tokenId() {
        return Optional.ofNullable(tokenId);
    }

    /** The {@code acr} values the step-up challenge names, preferred first; empty for none. */
    public List<String> acrValues() {
        return acrValues;
    }

    /** The {@code max_age} the step-up challenge names. */
    public OptionalLong maxAge() {
        return maxAge >= 0 ? OptionalLong.of(maxAge) : OptionalLong.empty();
    }

    /** The problem body's {@code detail}: {@link #description()} unless an observer changed it. */
    public String detail() {
        return detail;
    }

    /** Changes the problem body's {@code detail} (the challenge keeps the original description). */
    public void setDetail(String detail) {
        this.detail = Objects.requireNonNull(detail, "detail");
    }

    /**
     * Adds a member to the problem+json body.
     *
     * @param value a {@code String}, {@code Number} or {@code Boolean}
     * @throws IllegalArgumentException for a standard member ({@code type}, {@code status}, {@code error}, …) or another
     *     kind of value
     */
    public void addProblemMember(String name, Object value) {
        if (name == null || STANDARD.contains(name)) {
            throw new IllegalArgumentException("'" + name + "' is a standard problem member freshjwt writes itself");
        }
        if (!(value instanceof String || value instanceof Number || value instanceof Boolean)) {
            throw new IllegalArgumentException("A problem member must be a String, Number or Boolean, not " + value);
        }
        members.put(name, value);
    }

    /** The members observers added, in order. */
    public Map<String, Object> problemMembers() {
        return Collections.unmodifiableMap(members);
    }

    @Override
    public String toString() {
        return "TokenRefusal[" + reason + ", " + status + ", subject=" + subject + ", jti=" + tokenId + ", requirement="
                + requirement + "]";
    }
}
