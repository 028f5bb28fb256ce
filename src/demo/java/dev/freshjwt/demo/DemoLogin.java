package dev.freshjwt.demo;

import dev.freshjwt.TokenIssuer;
import dev.freshjwt.TokenPair;
import jakarta.ws.rs.WebApplicationException;
import java.util.List;

/** How a checked login becomes tokens: how the user proved who they are goes into {@code acr} and {@code amr}. */
final class DemoLogin {

    private DemoLogin() {
    }

    /**
     * Checks the password, and the code when the login has one, and mints the tokens of a fresh login.
     *
     * @throws WebApplicationException the 401 {@code invalid-credentials} problem, the same for a wrong password and a
     *     wrong code
     */
    static TokenPair tokens(TokenIssuer issuer, DemoUsers users, LoginRequest login) {
        if (!users.authenticate(login.username(), login.password(), login.otp())) {
            throw new WebApplicationException(Problems.invalidCredentials());
        }
        return issuer.login(login.username(), List.of(DemoUsers.ROLE), acr(login), amr(login));
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
