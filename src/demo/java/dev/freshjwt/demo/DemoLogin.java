package dev.freshjwt.demo;

import dev.freshjwt.TokenIssuer;
import dev.freshjwt.TokenPair;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.ws.rs.WebApplicationException;
import java.util.List;

/**
 * How a login becomes tokens: the server's Jakarta Security {@link IdentityStoreHandler} checks the password against
 * the application's identity stores (the demo's is {@link DemoUserDatabase}), the store's caller and groups go into
 * the tokens, and how the user proved who they are into {@code acr} and {@code amr}. Only this step touches the
 * identity store: requests with a token are authenticated by MicroProfile JWT, with the groups of the token. Thread-safe.
 */
@ApplicationScoped
public class DemoLogin {

    private final IdentityStoreHandler identityStores;
    private final DemoUsers users;
    private final TokenIssuer issuer;

    /** For CDI proxies only. */
    protected DemoLogin() {
        this(null, null, null);
    }

    @Inject
    public DemoLogin(IdentityStoreHandler identityStores, DemoUsers users, TokenIssuer issuer) {
        this.identityStores = identityStores;
        this.users = users;
        this.issuer = issuer;
    }

    /**
     * Checks the password with the identity stores, then the authenticator code when the login has one, and mints the
     * tokens of a fresh login: subject and groups as the store returned them.
     *
     * @throws WebApplicationException the 401 {@code invalid-credentials} problem, the same for a wrong password, an
     *     unknown user and a wrong code (any result of the stores but {@code VALID})
     */
    public TokenPair tokens(LoginRequest login) {
        CredentialValidationResult result = identityStores.validate(
                new UsernamePasswordCredential(login.username(), login.password()));
        if (result.getStatus() != CredentialValidationResult.Status.VALID) {
            throw new WebApplicationException(Problems.invalidCredentials());
        }
        String subject = result.getCallerPrincipal().getName();
        if (login.hasOtp() && !users.verifyCode(subject, login.otp())) { // after the password: a wrong one uses no code
            throw new WebApplicationException(Problems.invalidCredentials());
        }
        return issuer.login(subject, result.getCallerGroups(), acr(login), amr(login));
    }

    /** {@code mfa} with a code, {@code password} without. */
    static String acr(LoginRequest login) {
        return login.hasOtp() ? DemoUsers.ACR_MFA : DemoUsers.ACR_PASSWORD;
    }

    /** {@code ["pwd","otp"]} with a code, {@code ["pwd"]} without (RFC 8176). */
    static List<String> amr(LoginRequest login) {
        return login.hasOtp() ? DemoUsers.AMR_PASSWORD_AND_CODE : DemoUsers.AMR_PASSWORD_ONLY;
    }
}
