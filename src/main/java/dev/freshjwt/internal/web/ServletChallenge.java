package dev.freshjwt.internal.web;

import dev.freshjwt.TokenRefusal;
import dev.freshjwt.internal.guard.Challenges;
import dev.freshjwt.internal.guard.Refusals;
import dev.freshjwt.internal.guard.Rejection;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Writes a {@link Rejection} to a servlet response byte for byte as JAX-RS sends {@link Challenges#response}: the
 * same status, {@code WWW-Authenticate}, {@code Cache-Control} and body, and a {@code Content-Type} without a
 * {@code charset} parameter (JSON is UTF-8 by definition; a writer would make the container add one).
 */
final class ServletChallenge {

    private ServletChallenge() {
    }

    /**
     * Replaces any challenge already on the response (Liberty sets its own before the application runs); a 403 goes
     * without one.
     */
    static void write(HttpServletResponse response, Rejection rejection, JsonWebToken token) throws IOException {
        write(response, rejection, Challenges.wwwAuthenticate(rejection), token);
    }

    static void write(HttpServletResponse response, Rejection rejection, String challenge) throws IOException {
        write(response, rejection, challenge, null);
    }

    /**
     * Announces the refusal to the application's {@code TokenRefusal} observers, then writes it.
     *
     * @param token the request's verified token, whose {@code sub} and {@code jti} observers see, or {@code null}
     */
    static void write(HttpServletResponse response, Rejection rejection, String challenge, JsonWebToken token)
            throws IOException {
        TokenRefusal refusal = Refusals.announce(rejection, null, token == null ? null : token::getClaim);
        byte[] body = Challenges.problemJson(rejection, refusal).getBytes(StandardCharsets.UTF_8);
        response.setStatus(rejection.reason().status());
        response.setHeader("WWW-Authenticate", rejection.reason().challenges() ? challenge : null);
        response.setHeader("Cache-Control", "no-store");
        response.setContentType(Challenges.PROBLEM_JSON);
        response.setContentLength(body.length);
        try (OutputStream out = response.getOutputStream()) {
            out.write(body);
        }
    }
}
