package dev.freshjwt.demo;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.stream.Stream;

/**
 * The second factor of the demo's one user, {@code test}: an authenticator app (RFC 6238 TOTP, secret
 * {@value #TOTP_SECRET}). The password, {@code test} as in the classic example, lives in {@link DemoUserDatabase}.
 * Stands in for your second-factor store. Thread-safe.
 */
@ApplicationScoped
public class DemoUsers {

    /** The group every demo user belongs to. */
    public static final String ROLE = "user";

    /** The {@code acr} of a login with the password alone. */
    public static final String ACR_PASSWORD = "password";
    /** The {@code acr} of a login with the password and a code of the authenticator app: what a transfer requires. */
    public static final String ACR_MFA = "mfa";
    /** RFC 8176 {@code amr} values: a password, a one-time password. */
    public static final String AMR_PASSWORD = "pwd";
    public static final String AMR_OTP = "otp";
    /** The amr of a password login. */
    public static final List<String> AMR_PASSWORD_ONLY = List.of(AMR_PASSWORD);
    /** The amr of a password-and-code login. */
    public static final List<String> AMR_PASSWORD_AND_CODE = List.of(AMR_PASSWORD, AMR_OTP);

    /** The second-factor secret of {@code test}, base32, printed in docs/demo.md for authenticator apps. */
    public static final String TOTP_SECRET = "JBSWY3DPEHPK3PXP";

    private static final Map<String, Totp> SECOND_FACTORS = Map.of("test", new Totp(TOTP_SECRET));

    private final Clock clock = Clock.systemUTC();
    /** user → the steps whose codes they already used, only those still within the accepted window. */
    private final ConcurrentMap<String, List<Long>> usedSteps = new ConcurrentHashMap<>();

    /**
     * Whether {@code code} is the user's authenticator code of now, of the step before or of the step after; and
     * whether it is the first time the user presents that step's code (RFC 6238 §5.2: a code is good once, so one
     * seen over a shoulder or in a log cannot be replayed). Accepting a code records its step; a wrong code records
     * nothing.
     */
    public boolean verifyCode(String username, String code) {
        Totp totp = SECOND_FACTORS.get(username);
        if (totp == null) {
            return false;
        }
        Instant now = clock.instant();
        OptionalLong step = totp.match(code, now);
        if (step.isEmpty()) {
            return false;
        }
        long oldestAccepted = Totp.step(now) - Totp.DRIFT_STEPS; // older steps no longer match: forget them
        boolean[] first = {false};
        // compute() runs atomically per user: two requests with the same code cannot both see it unused.
        usedSteps.compute(username, (user, used) -> {
            List<Long> kept = used == null ? List.of()
                    : used.stream().filter(s -> s >= oldestAccepted).toList();
            if (kept.contains(step.getAsLong())) {
                return kept;
            }
            first[0] = true;
            return Stream.concat(kept.stream(), Stream.of(step.getAsLong())).toList();
        });
        return first[0];
    }
}
