package dev.freshjwt;

import dev.freshjwt.internal.keys.SigningKey;
import dev.freshjwt.internal.token.OwnTokenVerifier;
import dev.freshjwt.testing.TestKeys;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.lang.JoseException;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Minting and verifying with freshjwt against jose4j alone, with the same claims, key and algorithm: what
 * freshjwt's claim assembly adds to the signature's cost.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class MintBenchmark {

    private static final List<String> GROUPS = List.of("user", "admin");

    @Param({"RS256", "ES256"})
    public String algorithm;

    private KeyPair keys;
    private TokenIssuer issuer;
    private String refreshToken;
    private JwtConsumer rawConsumer;
    private OwnTokenVerifier verifier;

    @Setup
    public void setUp() {
        keys = "RS256".equals(algorithm) ? TestKeys.rsa() : TestKeys.ec("secp256r1");
        issuer = BenchIssuers.issuer(keys, algorithm);
        refreshToken = issuer.login("alice", GROUPS).refreshToken();
        rawConsumer = new JwtConsumerBuilder().setVerificationKey(keys.getPublic())
                .setExpectedIssuer(BenchIssuers.ISSUER).setRequireExpirationTime().setRequireSubject()
                .setAllowedClockSkewInSeconds(60).setSkipDefaultAudienceValidation().build();
        verifier = new OwnTokenVerifier(BenchIssuers.settings(),
                new SigningKey(keys.getPrivate(), keys.getPublic(), "bench-key", algorithm), Clock.systemUTC());
    }

    @Benchmark
    public String freshjwtAccessToken() {
        return issuer.accessToken("alice").groups(GROUPS).fresh(true).sign();
    }

    /** The same token with jose4j alone: the claims freshjwt writes, the same header. */
    @Benchmark
    public String joseAccessToken() throws JoseException {
        Instant now = Instant.now();
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(BenchIssuers.ISSUER);
        claims.setSubject("alice");
        claims.setClaim("upn", "alice");
        claims.setIssuedAt(NumericDate.fromSeconds(now.getEpochSecond()));
        claims.setExpirationTime(NumericDate.fromSeconds(now.getEpochSecond() + 900));
        claims.setJwtId(UUID.randomUUID().toString());
        claims.setClaim("type", "access");
        claims.setClaim("auth_time", now.getEpochSecond());
        claims.setClaim("fresh", true);
        claims.setStringListClaim("groups", GROUPS);
        return sign(claims, keys.getPrivate(), algorithm);
    }

    /** Signs claims with jose4j alone, with the header freshjwt writes. */
    public static String sign(JwtClaims claims, PrivateKey key, String algorithm) throws JoseException {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(key);
        jws.setAlgorithmHeaderValue(algorithm);
        jws.setKeyIdHeaderValue("bench-key");
        jws.setHeader("typ", "JWT");
        return jws.getCompactSerialization();
    }

    @Benchmark
    public TokenPair freshjwtLogin() {
        return issuer.login("alice", GROUPS);
    }

    /** Verify the refresh token, check revocation, mint the access token. */
    @Benchmark
    public String freshjwtRefreshFromString() {
        return issuer.refresh(refreshToken);
    }

    @Benchmark
    public Optional<JwtClaims> freshjwtVerify() {
        return verifier.verify(refreshToken);
    }

    @Benchmark
    public JwtClaims joseVerify() throws Exception {
        return rawConsumer.processToClaims(refreshToken);
    }
}
