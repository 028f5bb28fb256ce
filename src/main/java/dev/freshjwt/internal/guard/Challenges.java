package dev.freshjwt.internal.guard;

import dev.freshjwt.TokenRefusal;
import dev.freshjwt.TokenRejectedException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.function.Function;

/**
 * Writes a {@link Rejection} as the client sees it: {@code 401} with an RFC 6750 / RFC 9470
 * {@code WWW-Authenticate: Bearer} challenge (or {@code 403} without one for a failed CSRF check, {@code 503} with
 * {@code Retry-After} when revocations cannot be checked), and an RFC 9457
 * {@code application/problem+json} body whose {@code type} is {@value #PROBLEM_BASE} followed by the reason.
 */
public final class Challenges {

    /** Base of the stable problem type URIs. */
    public static final String PROBLEM_BASE = "https://freshjwt.dev/problems/";

    /** The {@code Retry-After} of a 503 for an unavailable revocation store, in seconds. */
    public static final String RETRY_AFTER_SECONDS = "60";

    /** The media type of problem bodies. */
    public static final String PROBLEM_JSON = "application/problem+json";

    private Challenges() {
    }

    /** The value of the {@code WWW-Authenticate} header. */
    public static String wwwAuthenticate(Rejection rejection) {
        Rejection.Reason reason = rejection.reason();
        if (reason.errorCode() == null) {
            return "Bearer";
        }
        StringBuilder challenge = new StringBuilder("Bearer error=\"").append(reason.errorCode())
                .append("\", error_description=\"").append(rejection.description().replace('"', '\'')).append('"');
        if (!rejection.acrValues().isEmpty()) {
            challenge.append(", acr_values=\"").append(acrValues(rejection)).append('"');
        }
        if (rejection.maxAge() >= 0) {
            challenge.append(", max_age=\"").append(rejection.maxAge()).append('"');
        }
        return challenge.toString();
    }

    /** The problem+json body, as no observer changed it. */
    public static String problemJson(Rejection rejection) {
        return problemJson(rejection, null);
    }

    /** The problem+json body, with the detail and members {@link TokenRefusal} observers set. */
    public static String problemJson(Rejection rejection, TokenRefusal refusal) {
        Rejection.Reason reason = rejection.reason();
        StringBuilder json = new StringBuilder(256)
                .append("{\"type\":\"").append(PROBLEM_BASE).append(reason.problemSlug())
                .append("\",\"title\":\"").append(escape(reason.title()))
                .append("\",\"status\":").append(reason.status())
                .append(",\"detail\":\"").append(escape(refusal == null ? rejection.description() : refusal.detail()))
                .append('"');
        if (reason.errorCode() != null) {
            json.append(",\"error\":\"").append(reason.errorCode()).append('"');
        }
        if (!rejection.acrValues().isEmpty()) {
            json.append(",\"acr_values\":\"").append(escape(acrValues(rejection))).append('"');
        }
        if (rejection.maxAge() >= 0) {
            json.append(",\"max_age\":").append(rejection.maxAge());
        }
        if (refusal != null) {
            refusal.problemMembers().forEach((name, value) -> {
                json.append(",\"").append(escape(name)).append("\":");
                if (value instanceof String text) {
                    json.append('"').append(escape(text)).append('"');
                } else if (value instanceof Double || value instanceof Float) {
                    double number = ((Number) value).doubleValue();
                    json.append(Double.isFinite(number) ? String.valueOf(number) : "null");
                } else {
                    json.append(value); // an integral Number or a Boolean
                }
            });
        }
        return json.append('}').toString();
    }

    /**
     * Announces the refusal to the application's {@link TokenRefusal} observers and returns the complete JAX-RS
     * response.
     *
     * @param requirement what the endpoint required, or {@code null}
     * @param claims the refused token's claims when readable, or {@code null}
     */
    public static Response refuse(Rejection rejection, Requirement requirement, Function<String, Object> claims) {
        return response(rejection, Refusals.announce(rejection, requirement, claims));
    }

    /** As {@link #refuse}, as an exception, for code that cannot return a response. */
    public static TokenRejectedException rejected(Rejection rejection, Requirement requirement,
            Function<String, Object> claims) {
        return new TokenRejectedException(rejection.description(), refuse(rejection, requirement, claims));
    }

    /** The complete JAX-RS response, as no observer changed it. */
    public static Response response(Rejection rejection) {
        return response(rejection, null);
    }

    private static Response response(Rejection rejection, TokenRefusal refusal) {
        Response.ResponseBuilder response = Response.status(rejection.reason().status());
        if (rejection.reason().challenges()) {
            response.header(HttpHeaders.WWW_AUTHENTICATE, wwwAuthenticate(rejection));
        }
        if (rejection.reason() == Rejection.Reason.REVOCATION_UNAVAILABLE) {
            response.header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
        }
        return response
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .type(PROBLEM_JSON)
                .entity(problemJson(rejection, refusal))
                .build();
    }

    /** RFC 9470 §3: space-separated, preferred first; quotes and backslashes cannot break the header. */
    private static String acrValues(Rejection rejection) {
        return String.join(" ", rejection.acrValues()).replace('"', '\'').replace('\\', '/');
    }

    private static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
