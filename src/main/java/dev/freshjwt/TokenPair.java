package dev.freshjwt;

import java.util.Objects;

/**
 * What {@link TokenIssuer#login} returns: a fresh access token and the refresh token that will buy
 * non-fresh access tokens later. Immutable.
 *
 * @param accessToken the compact JWS of the fresh access token
 * @param refreshToken the compact JWS of the refresh token
 */
public record TokenPair(String accessToken, String refreshToken) {

    /**
     * @throws NullPointerException if a token is {@code null}
     */
    public TokenPair {
        Objects.requireNonNull(accessToken, "accessToken");
        Objects.requireNonNull(refreshToken, "refreshToken");
    }

    @Override
    public String toString() {
        return "TokenPair[tokens hidden]";
    }
}
