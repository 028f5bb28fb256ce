package dev.freshjwt.internal.liberty;

import java.io.Serial;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.jwt.Claims;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jose4j.jwt.JwtClaims;

/**
 * The caller principal of a token freshjwt verified on Open Liberty: a {@link JsonWebToken}, so that Liberty's own
 * {@code @Inject JsonWebToken} producer (which looks for one among the caller's principals), {@code SecurityContext} and
 * {@code @RolesAllowed} see it. Claims as Liberty's MP JWT handed them out: {@code groups} and {@code aud} as
 * {@code Set<String>}, times as {@code Long}, booleans as {@code Boolean}. Immutable; serializable for the server's
 * subject.
 */
public final class VerifiedToken implements JsonWebToken, Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    private final String raw;
    private final HashMap<String, Object> claims;

    VerifiedToken(String raw, JwtClaims claims) {
        this.raw = raw;
        this.claims = new HashMap<>(claims.getClaimsMap());
    }

    @Override
    public String getName() {
        for (String claim : new String[] {Claims.upn.name(), Claims.preferred_username.name(), Claims.sub.name()}) {
            if (claims.get(claim) instanceof String name) {
                return name;
            }
        }
        return null;
    }

    @Override
    public Set<String> getClaimNames() {
        Set<String> names = new LinkedHashSet<>(claims.keySet());
        names.add(Claims.raw_token.name());
        return names;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T getClaim(String name) {
        if (Claims.raw_token.name().equals(name)) {
            return (T) raw;
        }
        Object value = claims.get(name);
        if ((Claims.groups.name().equals(name) || Claims.aud.name().equals(name)) && value != null) {
            return (T) strings(value);
        }
        if (value instanceof Number number && !(value instanceof Long)) {
            return (T) Long.valueOf(number.longValue());
        }
        return (T) value;
    }

    private static Set<String> strings(Object value) {
        Collection<?> values = value instanceof Collection<?> collection ? collection : List.of(value);
        Set<String> strings = new LinkedHashSet<>();
        for (Object item : new ArrayList<>(values)) {
            strings.add(String.valueOf(item));
        }
        return strings;
    }

    @Override
    public String toString() {
        return "JsonWebToken[" + getName() + "]";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof VerifiedToken token && token.raw.equals(raw);
    }

    @Override
    public int hashCode() {
        return raw.hashCode();
    }
}
