package dev.freshjwt.internal.liberty;

import dev.freshjwt.internal.cookie.CookieBridge;
import dev.freshjwt.internal.guard.BearerAdmission;
import dev.freshjwt.internal.token.MpJwtVerifier;
import jakarta.security.auth.message.AuthException;
import jakarta.security.auth.message.AuthStatus;
import jakarta.security.auth.message.MessageInfo;
import jakarta.security.auth.message.MessagePolicy;
import jakarta.security.auth.message.callback.CallerPrincipalCallback;
import jakarta.security.auth.message.callback.GroupPrincipalCallback;
import jakarta.security.auth.message.module.ServerAuthModule;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.Principal;
import java.util.Map;
import java.util.Set;
import javax.security.auth.Subject;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.CallbackHandler;
import javax.security.auth.callback.UnsupportedCallbackException;

/**
 * Authenticates every request of the application on Open Liberty when token cookies are on: the token of the
 * {@code Authorization: Bearer} header, else the cookie the {@link CookieBridge} presents, verified as MicroProfile JWT
 * verifies it ({@link MpJwtVerifier}), becomes the caller, with its {@code groups}. Liberty authenticates a cookie only
 * on URLs with a security constraint and cannot let freshjwt drop a bad one first; and once an application has its own
 * authentication module Liberty's MP JWT steps aside for it, so this module verifies header tokens too. A token it
 * cannot verify leaves the request anonymous; {@code BearerAdmissionFilter} then answers a bad bearer header with 401
 * {@code invalid_token}, as on the other servers, while a bad cookie only keeps its reason for the endpoints that
 * require a token.
 */
public final class LibertyAuthModule implements ServerAuthModule {

    private static final String MANDATORY = "jakarta.security.auth.message.MessagePolicy.isMandatory";
    private static final String AUTH_TYPE = "jakarta.servlet.http.authType";
    private static final String PREFIX = BearerAdmission.SCHEME + " ";

    private final MpJwtVerifier verifier;
    private CallbackHandler handler;

    public LibertyAuthModule(MpJwtVerifier verifier) {
        this.verifier = verifier;
    }

    @Override
    public void initialize(MessagePolicy request, MessagePolicy response, CallbackHandler handler,
            @SuppressWarnings("rawtypes") Map options) {
        this.handler = handler;
    }

    @Override
    public Class<?>[] getSupportedMessageTypes() {
        return new Class<?>[] {HttpServletRequest.class, HttpServletResponse.class};
    }

    @Override
    public AuthStatus validateRequest(MessageInfo message, Subject client, Subject service) throws AuthException {
        HttpServletRequest request = (HttpServletRequest) message.getRequestMessage();
        String token = presented(request);
        VerifiedToken caller = token == null || token.isEmpty() ? null
                : verifier.verify(token).map(claims -> new VerifiedToken(token, claims)).orElse(null);
        if (caller == null) {
            if (Boolean.parseBoolean(String.valueOf(message.getMap().get(MANDATORY)))) {
                return refuse((HttpServletResponse) message.getResponseMessage());
            }
            handle(new CallerPrincipalCallback(client, (Principal) null));
            return AuthStatus.SUCCESS;
        }
        Set<String> groups = caller.getGroups();
        handle(new CallerPrincipalCallback(client, caller),
                new GroupPrincipalCallback(client, groups == null ? new String[0] : groups.toArray(String[]::new)));
        @SuppressWarnings("unchecked")
        Map<String, Object> map = message.getMap();
        map.put(AUTH_TYPE, "MP-JWT");
        return AuthStatus.SUCCESS;
    }

    /** The bearer header's token (the header wins), else the cookie the bridge presents, else {@code null}. */
    private static String presented(HttpServletRequest request) {
        String authorization = request.getHeader("Authorization");
        if (authorization != null) {
            return authorization.startsWith(PREFIX) ? authorization.substring(PREFIX.length()).strip() : null;
        }
        CookieBridge bridge = CookieBridge.current().orElse(null);
        if (bridge == null || request.getHeader("Cookie") == null) {
            return null;
        }
        return bridge.present(request);
    }

    /** A URL with a security constraint and no usable token: the 401 that freshjwt's error page completes. */
    private static AuthStatus refuse(HttpServletResponse response) throws AuthException {
        try {
            response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
        } catch (IOException e) {
            throw (AuthException) new AuthException("Cannot send 401").initCause(e);
        }
        return AuthStatus.SEND_FAILURE;
    }

    private void handle(Callback... callbacks) throws AuthException {
        try {
            handler.handle(callbacks);
        } catch (IOException | UnsupportedCallbackException e) {
            throw (AuthException) new AuthException("Liberty refused the caller: " + e).initCause(e);
        }
    }

    @Override
    public AuthStatus secureResponse(MessageInfo message, Subject service) {
        return AuthStatus.SEND_SUCCESS;
    }

    @Override
    public void cleanSubject(MessageInfo message, Subject subject) {
        if (subject != null) {
            subject.getPrincipals().clear();
        }
    }
}
