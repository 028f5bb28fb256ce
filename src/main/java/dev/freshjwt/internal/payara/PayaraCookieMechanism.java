package dev.freshjwt.internal.payara;

import dev.freshjwt.internal.cookie.CookieBridge;
import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import jakarta.security.enterprise.AuthenticationException;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContextWrapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Lets Payara's MicroProfile JWT read a token from a browser cookie. Payara's own cookie mode expects RFC 2109 cookie
 * syntax that no browser sends, and a servlet filter runs after authentication; so this mechanism stands in front of
 * Payara's (an enabled alternative wins the by-type lookup of Jakarta Security) and calls it with a request whose
 * {@code Authorization} header is {@code Bearer <cookie>} when the {@link CookieBridge} presents a cookie. Payara then
 * verifies the token as always, and the caller is the same in every layer: {@code JsonWebToken}, {@code SecurityContext},
 * {@code @RolesAllowed} on resources and EJBs. Should Payara still refuse the cookie's token, the request goes on
 * anonymously instead of a 401 (the cookie came by itself, the client did not choose it).
 *
 * <p>A bean only on Payara and with cookies on: {@code FreshJwtExtension} adds it then, {@code @ApplicationScoped}; it has
 * no bean-defining annotation of its own, so that no other server discovers it.
 */
@Alternative
@Priority(Interceptor.Priority.LIBRARY_BEFORE)
public class PayaraCookieMechanism implements HttpAuthenticationMechanism {

    private final BeanManager beans;
    private volatile HttpAuthenticationMechanism payara;

    /** For the CDI proxy only. */
    protected PayaraCookieMechanism() {
        this.beans = null;
    }

    /**
     * Only the built-in {@code BeanManager} is injected: a type an extension adds may not see the library's own beans
     * (Payara puts it in a bean archive of its own), so the bridge comes from {@link CookieBridge#current()}.
     */
    @Inject
    PayaraCookieMechanism(BeanManager beans) {
        this.beans = beans;
    }

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
            HttpMessageContext context) throws AuthenticationException {
        // No bridge yet while CDI starts: nothing is served then.
        String token = CookieBridge.current().map(bridge -> bridge.present(request)).orElse(null);
        if (token == null) {
            return payara().validateRequest(request, response, context);
        }
        HttpServletRequest withBearer = new BearerRequest(request, "Bearer " + token);
        AuthenticationStatus status = payara().validateRequest(withBearer, response, new QuietRefusal(context, withBearer));
        return status == AuthenticationStatus.SEND_FAILURE ? context.doNothing() : status;
    }

    @Override
    public AuthenticationStatus secureResponse(HttpServletRequest request, HttpServletResponse response,
            HttpMessageContext context) throws AuthenticationException {
        return payara().secureResponse(request, response, context);
    }

    @Override
    public void cleanSubject(HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        payara().cleanSubject(request, response, context);
    }

    private HttpAuthenticationMechanism payara() {
        HttpAuthenticationMechanism current = payara;
        if (current == null) {
            for (Bean<?> bean : beans.getBeans(HttpAuthenticationMechanism.class, Any.Literal.INSTANCE)) {
                if (!PayaraCookieMechanism.class.isAssignableFrom(bean.getBeanClass())) {
                    current = (HttpAuthenticationMechanism) beans.getReference(bean, HttpAuthenticationMechanism.class,
                            beans.createCreationalContext(bean));
                    break;
                }
            }
            if (current == null) {
                throw new IllegalStateException("freshjwt found no MicroProfile JWT mechanism to hand cookies to: is"
                        + " @LoginConfig(authMethod = \"MP-JWT\") on a CDI bean (an @ApplicationScoped Application)?");
            }
            payara = current;
        }
        return current;
    }

    /** The request as Payara's mechanism sees it: with the cookie's token as its bearer header. */
    static final class BearerRequest extends HttpServletRequestWrapper {

        private static final String AUTHORIZATION = "Authorization";
        private final String authorization;

        BearerRequest(HttpServletRequest request, String authorization) {
            super(request);
            this.authorization = authorization;
        }

        @Override
        public String getHeader(String name) {
            return AUTHORIZATION.equalsIgnoreCase(name) ? authorization : super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            return AUTHORIZATION.equalsIgnoreCase(name) ? Collections.enumeration(Set.of(authorization)) : super.getHeaders(name);
        }

        @Override
        public Enumeration<String> getHeaderNames() {
            Set<String> names = new LinkedHashSet<>(Collections.list(super.getHeaderNames()));
            names.add(AUTHORIZATION);
            return Collections.enumeration(names);
        }
    }

    /** Payara's refusal of a cookie's token becomes a plain failure, without its {@code sendError(401)}. */
    static final class QuietRefusal extends HttpMessageContextWrapper {

        private final HttpServletRequest request;

        QuietRefusal(HttpMessageContext context, HttpServletRequest request) {
            super(context);
            this.request = request;
        }

        @Override
        public HttpServletRequest getRequest() {
            return request;
        }

        @Override
        public AuthenticationStatus responseUnauthorized() {
            return AuthenticationStatus.SEND_FAILURE;
        }
    }
}
