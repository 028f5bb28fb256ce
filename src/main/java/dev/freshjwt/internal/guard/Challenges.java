package dev.freshjwt.internal.guard;

import dev.freshjwt.TokenRejectedException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/**
 * Writes a {@link Rejection} as the client sees it: {@code 401} with an RFC 6750 / RFC 9470
 * {@code WWW-Authenticate: Bearer} challenge (or {@code 403} without one for a failed CSRF check), and an RFC 9457
 * {@code application/problem+json} body whose {@code type} is {@value #PROBLEM_BASE} followed by the reason.
 */
public final class Challenges {

    /** Base of the stable problem type URIs. */
    public static final String PROBLEM_BASE = "https://freshjwt.dev/problems/";

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

    /** The problem+json body. */
    public static String problemJson(Rejection rejection) {
        Rejection.Reason reason = rejection.reason();
        StringBuilder json = new StringBuilder(256)
                .append("{\"type\":\"").append(PROBLEM_BASE).append(reason.problemSlug())
                .append("\",\"title\":\"").append(escape(reason.title()))
                .append("\",\"status\":").append(reason.status())
                .append(",\"detail\":\"").append(escape(rejection.description())).append('"');
        if (reason.errorCode() != null) {
            json.append(",\"error\":\"").append(reason.errorCode()).append('"');
        }
        if (!rejection.acrValues().isEmpty()) {
            json.append(",\"acr_values\":\"").append(escape(acrValues(rejection))).append('"');
        }
        if (rejection.maxAge() >= 0) {
            json.append(",\"max_age\":").append(rejection.maxAge());
        }
        return json.append('}').toString();
    }

    /** The complete JAX-RS response. */
    public static Response response(Rejection rejection) {
        Response.ResponseBuilder response = Response.status(rejection.reason().status());
        if (rejection.reason().challenges()) {
            response.header(HttpHeaders.WWW_AUTHENTICATE, wwwAuthenticate(rejection));
        }
        return response
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .type(PROBLEM_JSON)
                .entity(problemJson(rejection))
                .build();
    }

    /** The exception that carries {@link #response}, for code that cannot return a response. */
    public static TokenRejectedException exception(Rejection rejection) {
        return new TokenRejectedException(rejection.description(), response(rejection));
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
