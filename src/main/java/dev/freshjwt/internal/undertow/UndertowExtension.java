package dev.freshjwt.internal.undertow;

import dev.freshjwt.internal.cookie.CookieSettings;
import io.undertow.server.HttpServerExchange;
import io.undertow.servlet.ServletExtension;
import io.undertow.servlet.api.DeploymentInfo;
import io.undertow.servlet.handlers.ServletRequestContext;
import io.undertow.util.Headers;
import io.undertow.util.StatusCodes;
import jakarta.servlet.ServletContext;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * freshjwt's handlers on WildFly, an Undertow extension (registered in {@code META-INF/services}, ignored by other
 * servers). The first, on every request before the servlet request exists, answers a {@code Cookie} header Undertow
 * cannot parse with a 400 problem ({@link CookieHeaderCheck}) instead of WildFly's 500. The second runs around
 * security: before it, the {@link UndertowCookieBridge} presents a token cookie as the bearer header (with token
 * cookies on). After it: WildFly answers a bearer token it has no key for ({@link UnknownKeyCheck}) with
 * {@code sendError(500)}, which Undertow only records until the handlers return; that answer becomes the 401 WildFly
 * gives every token it cannot verify, which freshjwt's error page completes with its challenge and problem body.
 */
public class UndertowExtension implements ServletExtension {

    private static final Logger LOG = Logger.getLogger(UndertowExtension.class.getName());

    @Override
    public void handleDeployment(DeploymentInfo deployment, ServletContext context) {
        Config config = ConfigProvider.getConfig(deployment.getClassLoader());
        boolean cookies;
        try {
            cookies = CookieSettings.load(config).cookie();
        } catch (RuntimeException e) {
            // A bad setting fails the deployment in FreshJwtExtension, with the key named.
            LOG.log(Level.FINE, "freshjwt cookie settings unreadable here; the CDI extension reports them", e);
            cookies = false;
        }
        Optional<UnknownKeyCheck> unknownKeys = UnknownKeyCheck.load(config, deployment.getClassLoader());
        // Before the servlet request exists: Undertow throws on such a cookie from the first request listener on.
        deployment.addInitialHandlerChainWrapper(next -> exchange -> {
            if (CookieHeaderCheck.unparsable(exchange)) {
                CookieHeaderCheck.refuse(exchange);
            } else {
                next.handleRequest(exchange);
            }
        });
        if (!cookies && unknownKeys.isEmpty()) {
            return;
        }
        boolean presentCookies = cookies;
        deployment.addOuterHandlerChainWrapper(next -> exchange -> {
            if (presentCookies) {
                UndertowCookieBridge.present(exchange);
            }
            boolean noKey = unknownKeys.isPresent()
                    && unknownKeys.get().noKeyFor(exchange.getRequestHeaders().getFirst(Headers.AUTHORIZATION));
            next.handleRequest(exchange);
            if (noKey) {
                unauthorizedInsteadOfServerError(exchange);
            }
        });
    }

    private static void unauthorizedInsteadOfServerError(HttpServerExchange exchange) {
        ServletRequestContext servlet = exchange.getAttachment(ServletRequestContext.ATTACHMENT_KEY);
        if (servlet != null && servlet.getErrorCode() == StatusCodes.INTERNAL_SERVER_ERROR && !exchange.isResponseStarted()) {
            servlet.setError(StatusCodes.UNAUTHORIZED, null);
            exchange.setStatusCode(StatusCodes.UNAUTHORIZED);
        }
    }
}
