package dev.freshjwt.internal.guard;

import dev.freshjwt.TokenRefusal;
import dev.freshjwt.TokenType;
import dev.freshjwt.internal.config.TokenLocation;
import dev.freshjwt.internal.revocation.Revocations;
import java.util.List;
import java.util.Optional;

/**
 * Why a request was refused. Immutable.
 *
 * @param reason the kind of refusal, which decides the challenge and problem type
 * @param description a sentence for the client ({@code error_description} and problem {@code detail})
 * @param maxAge the {@code max_age} to announce for a step-up, or a negative number for none
 * @param acrValues the {@code acr_values} to announce for a step-up, preferred first; empty for none
 * @param cause the finer reason {@link TokenRefusal} observers see
 */
public record Rejection(Reason reason, String description, long maxAge, List<String> acrValues, TokenRefusal.Reason cause) {

    /** Without {@code acr_values}, the cause the reason implies. */
    public Rejection(Reason reason, String description, long maxAge) {
        this(reason, description, maxAge, List.of());
    }

    /** The cause the reason implies. */
    public Rejection(Reason reason, String description, long maxAge, List<String> acrValues) {
        this(reason, description, maxAge, acrValues, switch (reason) {
            case MISSING_TOKEN -> TokenRefusal.Reason.MISSING_TOKEN;
            case INVALID_TOKEN -> TokenRefusal.Reason.INVALID_TOKEN;
            case INSUFFICIENT_USER_AUTHENTICATION -> TokenRefusal.Reason.NOT_FRESH;
            case CSRF_FAILED -> TokenRefusal.Reason.CSRF_FAILED;
            case REVOCATION_UNAVAILABLE -> TokenRefusal.Reason.REVOCATION_UNAVAILABLE;
        });
    }

    /** Copies {@code acrValues}. */
    public Rejection {
        acrValues = List.copyOf(acrValues);
    }

    /** The same answer to the client, with a finer cause for observers. */
    public Rejection because(TokenRefusal.Reason finer) {
        return new Rejection(reason, description, maxAge, acrValues, finer);
    }

    /** The kinds of refusal, each with its RFC 6750 / RFC 9470 error code and problem type. */
    public enum Reason {
        /** No token came with the request (RFC 6750 §3.1: no error code). */
        MISSING_TOKEN(401, null, "missing-token", "Authentication required"),
        /** A token came but cannot be used here. */
        INVALID_TOKEN(401, "invalid_token", "invalid-token", "Invalid token"),
        /** A valid token, but the user authenticated too long ago or not freshly (RFC 9470). */
        INSUFFICIENT_USER_AUTHENTICATION(401, "insufficient_user_authentication", "insufficient-user-authentication",
                "Fresh authentication required"),
        /**
         * A state-changing request authenticated by a token cookie did not repeat the token's CSRF value: 403, since
         * the credential is fine and logging in again would not help; no challenge.
         */
        CSRF_FAILED(403, null, "csrf-failed", "CSRF check failed"),
        /**
         * Whether the token is revoked cannot be known now (the revocation store cannot be read, for longer than
         * {@code freshjwt.revocation.max-staleness}): 503 with {@code Retry-After}, no challenge, since the token is
         * not at fault and logging in again would not help.
         */
        REVOCATION_UNAVAILABLE(503, null, "revocation-unavailable", "Revocation unavailable");

        private final int status;
        private final String errorCode;
        private final String problemSlug;
        private final String title;

        Reason(int status, String errorCode, String problemSlug, String title) {
            this.status = status;
            this.errorCode = errorCode;
            this.problemSlug = problemSlug;
            this.title = title;
        }

        /** The HTTP status: 401, 403 for {@link #CSRF_FAILED}, 503 for {@link #REVOCATION_UNAVAILABLE}. */
        public int status() {
            return status;
        }

        /** Whether the response carries a {@code WWW-Authenticate: Bearer} challenge: every 401. */
        public boolean challenges() {
            return status == 401;
        }

        /** The {@code error} parameter of the challenge, or {@code null}. */
        public String errorCode() {
            return errorCode;
        }

        /** The last segment of the problem {@code type} URI. */
        public String problemSlug() {
            return problemSlug;
        }

        /** The problem {@code title}. */
        public String title() {
            return title;
        }
    }

    /**
     * The refusal for a request without a verified token: {@code invalid_token} when a bearer token came
     * (the container could not verify it), else a plain challenge.
     */
    public static Rejection unauthenticated(boolean bearerSent) {
        return bearerSent
                ? invalid("The bearer token is malformed, expired or not trusted")
                : new Rejection(Reason.MISSING_TOKEN, "A bearer token is required", -1);
    }

    /**
     * The refusal for a request that carried no token at all where one is required. Its description names what the
     * application reads: a bearer token; with token cookies on, the caller is not signed in (no cookie of the token
     * type, and no bearer token where the header is read too).
     *
     * @param type the kind of token the endpoint wants: its cookie is the access or the refresh cookie
     * @param location where the application reads tokens
     */
    public static Rejection missing(TokenType type, TokenLocation location) {
        if (!location.cookie()) {
            return unauthenticated(false);
        }
        String cookie = type == TokenType.REFRESH ? "refresh token cookie" : "access token cookie";
        return new Rejection(Reason.MISSING_TOKEN,
                "Not signed in: no " + cookie + (location.header() ? " and no bearer token" : ""), -1);
    }

    /** Whether an {@code Authorization} header value uses the Bearer scheme (any letter case). */
    public static boolean isBearer(String authorization) {
        if (authorization == null) {
            return false;
        }
        String value = authorization.stripLeading();
        return value.regionMatches(true, 0, "Bearer", 0, 6) && (value.length() == 6 || value.charAt(6) == ' ');
    }

    public static Rejection invalid(String description) {
        return new Rejection(Reason.INVALID_TOKEN, description, -1);
    }

    /**
     * The refusal a token's revocation status calls for: none when it is not revoked, {@code invalid_token} when it is,
     * 503 {@code revocation-unavailable} when that cannot be known.
     */
    public static Optional<Rejection> of(Revocations.Status status) {
        return switch (status) {
            case NOT_REVOKED -> Optional.empty();
            case REVOKED -> Optional.of(invalid("The token has been revoked").because(TokenRefusal.Reason.REVOKED_TOKEN));
            case UNKNOWN -> Optional.of(new Rejection(Reason.REVOCATION_UNAVAILABLE, "Whether the token has been revoked"
                    + " cannot be checked now: the revocation store is unavailable; try again later", -1));
        };
    }

    /** A cookie-authenticated unsafe request without the right CSRF header. */
    public static Rejection csrf(String description) {
        return new Rejection(Reason.CSRF_FAILED, description, -1);
    }

    static Rejection stale(String description, long maxAge, List<String> acrValues) {
        return new Rejection(Reason.INSUFFICIENT_USER_AUTHENTICATION, description, maxAge, acrValues);
    }
}
