package dev.freshjwt.testing;

import dev.freshjwt.TokenRevoker;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Test deployments only ({@link TestIssuer#configure} adds it): {@code POST} {@value #PATH} with a bearer token revokes
 * that token ({@link TokenRevoker#revoke}) and answers 204; without a token the server accepted, 401. Never put it in
 * a production WAR. A {@code web.xml} with {@code metadata-complete="true"} hides it: map it there, or revoke through
 * your own logout endpoint.
 */
@WebServlet(RevocationServlet.PATH)
public class RevocationServlet extends HttpServlet {

    /** Where the servlet listens, relative to the application's context root. */
    public static final String PATH = "/freshjwt-testing/revoke";

    private static final long serialVersionUID = 1L;

    @Inject
    private transient TokenRevoker revoker;

    @Inject
    private transient Instance<JsonWebToken> caller;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) {
        JsonWebToken token = caller.get();
        if (token == null || token.getRawToken() == null) {
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            return;
        }
        revoker.revoke(token);
        response.setStatus(HttpServletResponse.SC_NO_CONTENT);
    }
}
