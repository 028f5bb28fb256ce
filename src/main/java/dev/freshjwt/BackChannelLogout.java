package dev.freshjwt;

import dev.freshjwt.internal.revocation.Revocations;
import dev.freshjwt.internal.token.LogoutToken;
import dev.freshjwt.internal.token.LogoutTokenVerifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;

/**
 * OpenID Connect Back-Channel Logout 1.0: when a user's session ends at the OpenID provider (Keycloak, …), the provider
 * POSTs a signed {@code logout_token} to the application; this bean verifies it and revokes that session's tokens, on every
 * instance sharing the {@link RevocationStore}, at once: the provider's access tokens carrying that {@code sid} get
 * {@code 401 invalid_token} from the next request on. A logout token without {@code sid} ends every session of its
 * {@code sub}: every token of that subject issued before the current second is revoked.
 *
 * <p>freshjwt registers no endpoint of its own; the application exposes one, at the URL it registers at the provider
 * (Keycloak: the client's <em>Backchannel logout URL</em>):
 *
 * <pre>{@code
 * @Path("backchannel-logout")
 * public class BackChannelLogoutResource {
 *
 *     @Inject BackChannelLogout backChannelLogout;
 *
 *     @POST @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
 *     public Response logOut(@Encoded MultivaluedMap<String, String> form) {
 *         String token = form == null ? null : form.getFirst("logout_token");
 *         backChannelLogout.logOut(decoded(token)); // URLDecoder, a bad escape: 400; else 400 InvalidLogoutTokenException
 *         return Response.ok().header(HttpHeaders.CACHE_CONTROL, "no-store").build();
 *     }
 * }
 * }</pre>
 *
 * Not {@code @FormParam}, and decoded by the application: Jersey (Payara) answers a {@code @FormParam} request without
 * {@code Content-Type} with a 500, RESTEasy (WildFly, Open Liberty) a malformed escape; the demo's
 * {@code BackChannelLogoutResource} answers both with a 400.
 *
 * <p>The logout token is verified as §2.6 of the specification demands: its signature by the keys the application
 * trusts for the provider's tokens ({@code mp.jwt.verify.publickey.location}, the provider's JWKS, or
 * {@code mp.jwt.verify.publickey}; never {@code alg: none} or a shared secret), {@code iss} equal to
 * {@code mp.jwt.verify.issuer}, {@code aud} containing {@value FreshJwtConfig#PROVIDER_CLIENT_ID} (default:
 * {@code mp.jwt.verify.audiences}), {@code iat} present, not in the future beyond {@code mp.jwt.verify.clock.skew} and
 * at most five minutes old, {@code exp} if present, the back-channel logout member of {@code events}, no
 * {@code nonce}, a {@code sid} or a {@code sub}, and a {@code jti} not presented before. Where this bean is injected,
 * a missing issuer, client id or key fails the deployment, naming the key to set.
 *
 * <p>What the provider sees: nothing (the resource's 200) on success; an {@link InvalidLogoutTokenException}, a complete
 * {@code 400} with {@code {"error":"invalid_request","error_description":"…"}}, for any token that does not pass, and
 * nothing is revoked then; a {@link RevocationUnavailableException} ({@code 503}) when the store cannot record the
 * revocation. Thread-safe.
 */
@ApplicationScoped
public class BackChannelLogout {

    private static final Logger LOG = Logger.getLogger(BackChannelLogout.class.getName());

    private final LogoutTokenVerifier verifier;
    private final Revocations revocations;

    /** For the CDI proxy only. */
    protected BackChannelLogout() {
        this.verifier = null;
        this.revocations = null;
    }

    @Inject
    BackChannelLogout(Config config, Instance<Clock> clock, Revocations revocations) {
        this(LogoutTokenVerifier.load(config, Thread.currentThread().getContextClassLoader(),
                clock.isResolvable() ? clock.get() : Clock.systemUTC()), revocations);
    }

    BackChannelLogout(LogoutTokenVerifier verifier, Revocations revocations) {
        this.verifier = verifier;
        this.revocations = revocations;
    }

    /**
     * Verifies a logout token and revokes what it names: the session ({@code sid}) when it names one, else every token
     * of the subject ({@code sub}) issued before the current second.
     *
     * @param logoutToken the {@code logout_token} form parameter as received; {@code null} when it is missing
     * @throws InvalidLogoutTokenException (400) when it is missing, not a valid logout token, or replayed
     * @throws RevocationUnavailableException (503) when the revocation store cannot record the logout
     */
    public void logOut(String logoutToken) {
        LogoutToken token = verifier.verify(logoutToken);
        if (revocations.logoutTokenSeen(token.tokenId())) {
            throw new InvalidLogoutTokenException("The logout token has been used before");
        }
        // revoked before its jti is recorded: should recording fail, the provider's retry is not taken for a replay
        if (token.sessionId() != null) {
            revocations.revokeSession(token.sessionId(), token.subject());
        } else {
            revocations.revokeSubject(token.subject());
        }
        if (!revocations.rememberLogoutToken(token.tokenId(), token.rememberUntil())) {
            throw new InvalidLogoutTokenException("The logout token has been used before");
        }
        LOG.fine(() -> "Back-channel logout revoked " + (token.sessionId() != null ? "session " + token.sessionId()
                : "every earlier token of " + token.subject()));
    }
}
