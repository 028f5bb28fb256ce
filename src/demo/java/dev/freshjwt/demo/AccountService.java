package dev.freshjwt.demo;

import dev.freshjwt.FreshRequired;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;

/** An EJB for users only, whose password change demands a recent credential login. */
@Stateless
@RolesAllowed(DemoUsers.ROLE)
public class AccountService {

    @Resource
    SessionContext context;

    /** Pretends to change the password: a fresh token from a login at most five minutes ago is required. */
    @FreshRequired(maxAge = 300)
    public String changePassword(String user) {
        return "Password of " + user + " changed";
    }

    /** The caller as the EJB container sees it: the container's own {@code @RolesAllowed} let them in. */
    public String caller() {
        return context.getCallerPrincipal().getName();
    }
}
