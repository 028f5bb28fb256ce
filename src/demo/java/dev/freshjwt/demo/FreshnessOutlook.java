package dev.freshjwt.demo;

import dev.freshjwt.FreshJwtConfig;
import dev.freshjwt.FreshRequired;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * What the server will decide, for one access token, on each of the page's guarded operations, and until when: read
 * from the operations' own {@link FreshRequired} and the clock skew freshjwt grants on {@code maxAge}
 * ({@value FreshJwtConfig#MP_CLOCK_SKEW}, default 60 s), so the page never repeats the rules. For {@code GET /session}.
 */
public final class FreshnessOutlook {

    private static final long DEFAULT_SKEW = 60;

    /** The page's guarded operations, by path, and the methods whose {@code @FreshRequired} guards them. */
    private static final Map<String, FreshRequired> OPERATIONS = operations();

    private FreshnessOutlook() {
    }

    /**
     * One object per operation: {@code open} (whether a request now would pass), {@code until} (the epoch second until
     * which it stays open, at most the token's expiry; {@code null} when closed), {@code max_age}, {@code acr} (what the
     * operation asks for) and {@code reason} (why it is closed, else {@code null}).
     */
    public static JsonObjectBuilder of(boolean fresh, long authTime, String acr, long expiresAt, long now) {
        long skew = skew();
        JsonObjectBuilder outlook = Json.createObjectBuilder();
        OPERATIONS.forEach((path, rule) -> {
            List<String> acrs = Arrays.asList(rule.acr());
            long deadline = rule.maxAge() == FreshRequired.NO_MAX_AGE ? expiresAt
                    : Math.min(expiresAt, authTime + rule.maxAge() + skew);
            String reason = !fresh ? "needs a fresh login: this token was refreshed"
                    : !acrs.isEmpty() && !acrs.contains(acr) ? "needs a login with the password and a code"
                    : now > deadline ? (deadline == expiresAt ? "the token has expired"
                            : "the login is more than " + rule.maxAge() + " s (+ " + skew + " s clock skew) ago")
                    : null;
            JsonObjectBuilder operation = Json.createObjectBuilder().add("open", reason == null);
            if (reason == null) {
                operation.add("until", deadline).addNull("reason");
            } else {
                operation.addNull("until").add("reason", reason);
            }
            if (rule.maxAge() == FreshRequired.NO_MAX_AGE) {
                operation.addNull("max_age");
            } else {
                operation.add("max_age", rule.maxAge());
            }
            outlook.add(path, operation.add("acr", Json.createArrayBuilder(acrs)));
        });
        return outlook;
    }

    /** The clock skew, in seconds, freshjwt grants on {@code maxAge}. */
    public static long skew() {
        return ConfigProvider.getConfig().getOptionalValue(FreshJwtConfig.MP_CLOCK_SKEW, Long.class).orElse(DEFAULT_SKEW);
    }

    private static Map<String, FreshRequired> operations() {
        Map<String, FreshRequired> operations = new LinkedHashMap<>();
        operations.put("sensitive_operation", rule(DemoResource.class, "sensitiveOperation"));
        operations.put("account/password", rule(AccountService.class, "changePassword", String.class, PasswordChange.class));
        operations.put("transfer", rule(DemoResource.class, "transfer"));
        return Collections.unmodifiableMap(operations);
    }

    private static FreshRequired rule(Class<?> type, String method, Class<?>... parameters) {
        try {
            return type.getMethod(method, parameters).getAnnotation(FreshRequired.class);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(type.getSimpleName() + "." + method + " is gone", e);
        }
    }
}
