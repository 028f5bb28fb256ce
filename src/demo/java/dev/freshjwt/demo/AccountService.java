package dev.freshjwt.demo;

import dev.freshjwt.FreshRequired;
import jakarta.ejb.Stateless;

/** An EJB whose operation demands a recent credential login. */
@Stateless
public class AccountService {

    /** Pretends to change the password: a fresh token from a login at most five minutes ago is required. */
    @FreshRequired(maxAge = 300)
    public String changePassword(String user) {
        return "Password of " + user + " changed";
    }
}
