package dev.freshjwt.internal.guard;

import dev.freshjwt.FreshRequired;
import dev.freshjwt.TokenType;
import java.util.ArrayList;
import java.util.List;

/**
 * What an endpoint demands of the caller's token. Immutable.
 *
 * @param tokenRequired whether a token must be present at all
 * @param type the kind of token accepted (when one is present)
 * @param fresh whether the access token must be fresh
 * @param maxAge the most seconds since {@code auth_time}, or {@link FreshRequired#NO_MAX_AGE}
 * @param acr the acceptable {@code acr} values, preferred first; empty for any
 */
public record Requirement(boolean tokenRequired, TokenType type, boolean fresh, long maxAge, List<String> acr) {

    /** Without an {@code acr} requirement. */
    public Requirement(boolean tokenRequired, TokenType type, boolean fresh, long maxAge) {
        this(tokenRequired, type, fresh, maxAge, List.of());
    }

    /** Copies {@code acr}. */
    public Requirement {
        acr = List.copyOf(acr);
    }

    /** Unannotated endpoints: no token needed, but a refresh token is still refused. */
    public static final Requirement NONE = new Requirement(false, TokenType.ACCESS, false, FreshRequired.NO_MAX_AGE);

    /** {@code @AccessTokenRequired}. */
    public static final Requirement ACCESS = new Requirement(true, TokenType.ACCESS, false, FreshRequired.NO_MAX_AGE);

    /** {@code @RefreshTokenRequired}. */
    public static final Requirement REFRESH = new Requirement(true, TokenType.REFRESH, false, FreshRequired.NO_MAX_AGE);

    /** {@code @FreshRequired(maxAge = …)}. */
    public static Requirement fresh(long maxAge) {
        return fresh(maxAge, List.of());
    }

    /** {@code @FreshRequired(maxAge = …, acr = …)}. */
    public static Requirement fresh(long maxAge, List<String> acr) {
        return new Requirement(true, TokenType.ACCESS, true, maxAge < 0 ? FreshRequired.NO_MAX_AGE : maxAge, acr);
    }

    /**
     * This requirement as its annotation reads, such as {@code @FreshRequired(maxAge = 300, acr = {"mfa"})}; {@code null}
     * for {@link #NONE}.
     */
    public String annotation() {
        if (!tokenRequired) {
            return null;
        }
        if (type == TokenType.REFRESH) {
            return "@RefreshTokenRequired";
        }
        if (!fresh) {
            return "@AccessTokenRequired";
        }
        List<String> members = new ArrayList<>();
        if (hasMaxAge()) {
            members.add("maxAge = " + maxAge);
        }
        if (!acr.isEmpty()) {
            members.add("acr = {\"" + String.join("\", \"", acr) + "\"}");
        }
        return "@FreshRequired" + (members.isEmpty() ? "" : "(" + String.join(", ", members) + ")");
    }

    /** Whether this demands a positive {@code maxAge}. */
    public boolean hasMaxAge() {
        return maxAge != FreshRequired.NO_MAX_AGE;
    }
}
