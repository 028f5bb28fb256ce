package dev.freshjwt.bench;

import dev.freshjwt.BenchIssuers;
import dev.freshjwt.MintBenchmark;
import dev.freshjwt.TokenIssuer;
import dev.freshjwt.TokenPair;
import dev.freshjwt.testing.TestKeys;
import java.security.KeyPair;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.lang.JoseException;

/** Sizes of freshjwt's tokens against the smallest token MicroProfile JWT accepts, as a Markdown table. */
final class TokenSizes {

    private TokenSizes() {
    }

    static String table() throws JoseException {
        StringBuilder out = new StringBuilder("| token | RS256 bytes | ES256 bytes |\n|---|---:|---:|\n");
        KeyPair rsa = TestKeys.rsa();
        KeyPair ec = TestKeys.ec("secp256r1");
        TokenPair rsaPair = BenchIssuers.issuer(rsa, "RS256").login("alice", "user");
        TokenPair ecPair = BenchIssuers.issuer(ec, "ES256").login("alice", "user");
        TokenIssuer rsaIssuer = BenchIssuers.issuer(rsa, "RS256");
        TokenIssuer ecIssuer = BenchIssuers.issuer(ec, "ES256");
        row(out, "minimal MP-JWT (iss sub upn groups iat exp jti)", minimal(rsa, "RS256"), minimal(ec, "ES256"));
        row(out, "freshjwt access token from login (fresh, with sid)", rsaPair.accessToken(), ecPair.accessToken());
        row(out, "freshjwt access token, createAccessToken(sub, true)", rsaIssuer.createAccessToken("alice", true),
                ecIssuer.createAccessToken("alice", true));
        row(out, "freshjwt refresh token from login", rsaPair.refreshToken(), ecPair.refreshToken());
        return out.toString();
    }

    private static void row(StringBuilder out, String name, String rsa, String ec) {
        out.append("| ").append(name).append(" | ").append(rsa.length()).append(" | ").append(ec.length()).append(" |\n");
    }

    private static String minimal(KeyPair keys, String algorithm) throws JoseException {
        Instant now = Instant.now();
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(BenchIssuers.ISSUER);
        claims.setSubject("alice");
        claims.setClaim("upn", "alice");
        claims.setStringListClaim("groups", List.of("user"));
        claims.setIssuedAt(NumericDate.fromSeconds(now.getEpochSecond()));
        claims.setExpirationTime(NumericDate.fromSeconds(now.getEpochSecond() + 900));
        claims.setJwtId(UUID.randomUUID().toString());
        return MintBenchmark.sign(claims, keys.getPrivate(), algorithm);
    }
}
