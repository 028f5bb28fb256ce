package dev.freshjwt.demo;

import dev.freshjwt.FreshRequired;
import dev.freshjwt.TokenRevoker;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.ws.rs.core.Response;

/** An EJB for users only, whose password change demands a recent credential login. */
@Stateless
@RolesAllowed(DemoUsers.ROLE)
public class AccountService {

    /** What a password change came to: {@code 200} when the password was changed, else the refusal's status and detail. */
    public record Outcome(Response.Status status, String detail) {

        boolean changed() {
            return status == Response.Status.OK;
        }
    }

    @Resource
    SessionContext context;

    @Inject
    IdentityStoreHandler identityStores;

    @Inject
    DemoUserDatabase database;

    @Inject
    TokenRevoker revoker;

    /**
     * Changes the password of {@code user}: a fresh token from a login at most five minutes ago is required (else the
     * step-up challenge, whatever the body), then the current password, checked by the identity store, and a new one
     * that meets {@link PasswordChange#weakness the rule}. Revokes every token of the user first, so that no other
     * session outlives the old password; the caller mints the current session's next tokens.
     *
     * <p>No transaction: the revocation store and the user database each commit their own write.
     */
    @FreshRequired(maxAge = 300)
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Outcome changePassword(String user, PasswordChange change) {
        if (change.problem() != null) {
            return new Outcome(Response.Status.BAD_REQUEST, change.problem());
        }
        String weakness = change.weakness(user);
        if (weakness != null) {
            return new Outcome(Response.Status.BAD_REQUEST, weakness);
        }
        CredentialValidationResult current = identityStores.validate(
                new UsernamePasswordCredential(user, change.currentPassword()));
        if (current.getStatus() != CredentialValidationResult.Status.VALID
                || !user.equals(current.getCallerPrincipal().getName())) {
            return new Outcome(Response.Status.FORBIDDEN, "The current password is wrong");
        }
        revoker.revokeAllFor(user);
        database.replacePassword(user, change.newPassword());
        return new Outcome(Response.Status.OK, "Password of " + user + " changed; every other session of " + user
                + " is logged out");
    }

    /** The caller as the EJB container sees it: the container's own {@code @RolesAllowed} let them in. */
    public String caller() {
        return context.getCallerPrincipal().getName();
    }
}
