package dev.freshjwt.internal.undertow;

import dev.freshjwt.internal.cookie.CookieBridge;
import dev.freshjwt.internal.cookie.CookieHeader;
import dev.freshjwt.internal.cookie.CookieSettings;
import dev.freshjwt.internal.cookie.TokenSource;
import io.undertow.server.HttpServerExchange;
import io.undertow.servlet.ServletExtension;
import io.undertow.servlet.api.DeploymentInfo;
import io.undertow.servlet.handlers.ServletRequestContext;
import io.undertow.util.HeaderMap;
import io.undertow.util.HeaderValues;
import io.undertow.util.Headers;
import jakarta.servlet.ServletContext;
import java.util.Collections;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Lets WildFly's MicroProfile JWT read a token from a browser cookie. WildFly's own cookie mode reads only the cookie
 * (a header is ignored while a cookie is present) and answers a bad cookie with 401 on every URL; so instead this
 * Undertow extension (registered in {@code META-INF/services}, ignored by other servers) adds a handler that runs on
 * every request before security and, when the {@link CookieBridge} presents a cookie, sets the request's
 * {@code Authorization} header to {@code Bearer <cookie>}. WildFly then verifies the token as always, and the caller is
 * the same in every layer.
 */
public class UndertowCookieBridge implements ServletExtension {

    private static final Logger LOG = Logger.getLogger(UndertowCookieBridge.class.getName());

    @Override
    public void handleDeployment(DeploymentInfo deployment, ServletContext context) {
        CookieSettings settings;
        try {
            settings = CookieSettings.load(ConfigProvider.getConfig(deployment.getClassLoader()));
        } catch (RuntimeException e) {
            // A bad setting fails the deployment in FreshJwtExtension, with the key named.
            LOG.log(Level.FINE, "freshjwt cookie settings unreadable here; the CDI extension reports them", e);
            return;
        }
        if (settings.cookie()) {
            deployment.addOuterHandlerChainWrapper(next -> exchange -> {
                present(exchange);
                next.handleRequest(exchange);
            });
        }
    }

    private static void present(HttpServerExchange exchange) {
        CookieBridge bridge = CookieBridge.current().orElse(null);
        if (bridge == null) {
            return; // CDI has not started yet: the application is not serving
        }
        HeaderMap headers = exchange.getRequestHeaders();
        HeaderValues cookies = headers.get(Headers.COOKIE);
        if (cookies == null) {
            return;
        }
        CookieBridge.Decision decision = bridge.decide(exchange.getRequestMethod().toString(),
                headers.getFirst(Headers.AUTHORIZATION), name -> CookieHeader.value(Collections.enumeration(cookies), name),
                headers.getFirst(bridge.settings().csrfHeader()));
        if (decision.token() != null) {
            headers.put(Headers.AUTHORIZATION, "Bearer " + decision.token());
        } else if (decision.refusal() != null) {
            ServletRequestContext servlet = exchange.getAttachment(ServletRequestContext.ATTACHMENT_KEY);
            if (servlet != null) {
                servlet.getServletRequest().setAttribute(TokenSource.COOKIE_REFUSAL, decision.refusal());
            }
        }
    }
}
