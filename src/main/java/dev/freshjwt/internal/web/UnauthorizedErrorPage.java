package dev.freshjwt.internal.web;

import dev.freshjwt.internal.guard.Challenges;
import dev.freshjwt.internal.guard.Rejection;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The error page for {@code 401} (declared in the library's {@code web-fragment.xml}). Payara and WildFly
 * refuse a bad bearer token themselves, before JAX-RS runs, with {@code sendError(401)}: an HTML page and no
 * {@code WWW-Authenticate}. This page turns that into the same challenge and problem+json body freshjwt
 * sends everywhere else. A challenge already set by the container is kept.
 */
public class UnauthorizedErrorPage extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) == null) {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND); // only reachable as an error page
            return;
        }
        Rejection rejection = Rejection.unauthenticated(Rejection.isBearer(request.getHeader("Authorization")));
        if (!response.containsHeader("WWW-Authenticate")) {
            response.setHeader("WWW-Authenticate", Challenges.wwwAuthenticate(rejection));
        }
        response.setHeader("Cache-Control", "no-store");
        response.setContentType(Challenges.PROBLEM_JSON);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(Challenges.problemJson(rejection));
    }
}
