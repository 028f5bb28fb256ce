package dev.freshjwt.internal.web;

import dev.freshjwt.internal.config.TokenLocation;
import dev.freshjwt.internal.cookie.CookieBridge;
import dev.freshjwt.internal.guard.BearerAdmission;
import dev.freshjwt.internal.guard.Challenges;
import dev.freshjwt.internal.guard.Rejection;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The error page for {@code 401} (declared in the library's {@code web-fragment.xml}). Payara and WildFly
 * refuse a bearer token they cannot verify themselves, before any filter or servlet runs, with
 * {@code sendError(401)}: an HTML page and no {@code WWW-Authenticate}. This page turns that into the answer
 * {@link BearerAdmissionFilter} gives on Open Liberty, where the container lets such a request through: the same
 * challenge and problem+json body. A challenge of another scheme that the application set before its own
 * {@code sendError(401)} is kept.
 */
public class UnauthorizedErrorPage extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) == null) {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND); // only reachable as an error page
            return;
        }
        TokenLocation location = CookieBridge.current().map(bridge -> bridge.settings().location())
                .orElse(TokenLocation.HEADER);
        Rejection rejection = BearerAdmission.containerRefusal(request.getHeader("Authorization"), location);
        String challenge = response.getHeader("WWW-Authenticate");
        // A Bearer challenge of the container's own wording is rewritten; another scheme's (the application's) kept.
        boolean foreign = challenge != null && !Rejection.isBearer(challenge);
        ServletChallenge.write(response, rejection, foreign ? challenge : Challenges.wwwAuthenticate(rejection));
    }
}
