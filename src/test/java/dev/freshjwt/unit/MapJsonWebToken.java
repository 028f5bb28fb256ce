package dev.freshjwt.unit;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * A {@link JsonWebToken} over a map of claim values, for unit tests of claim reading only: integration tests
 * use the container's own tokens.
 */
public class MapJsonWebToken implements JsonWebToken {

    private final String raw;
    private final Map<String, Object> claims;

    public MapJsonWebToken(String raw, Map<String, Object> claims) {
        this.raw = raw;
        this.claims = new HashMap<>(claims);
    }

    @Override
    public String getName() {
        return (String) claims.get("sub");
    }

    @Override
    public String getRawToken() {
        return raw;
    }

    @Override
    public Set<String> getClaimNames() {
        return claims.keySet();
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T getClaim(String claimName) {
        return (T) claims.get(claimName);
    }
}
