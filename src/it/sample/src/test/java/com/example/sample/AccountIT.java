package com.example.sample;

import static dev.freshjwt.testing.FreshJwtAssertions.assertInvalidToken;
import static dev.freshjwt.testing.FreshJwtAssertions.assertStepUpRequired;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.freshjwt.testing.Refusal;
import dev.freshjwt.testing.TestIssuer;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.jose4j.json.JsonUtil;
import org.jose4j.jwt.JwtClaims;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The sample's WAR, as {@code mvn package} built it, on Payara Micro, tested with freshjwt's test kit. */
@ExtendWith(ArquillianExtension.class)
class AccountIT {

    private static final TestIssuer ISSUER = TestIssuer.create();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Deployment(testable = false)
    static WebArchive deployment() {
        WebArchive war = ShrinkWrap.create(ZipImporter.class, "ROOT.war")
                .importFrom(new File("target/freshjwt-sample.war")).as(WebArchive.class);
        return ISSUER.configure(war);
    }

    @ArquillianResource
    URL deployment;

    private URI base;

    @BeforeEach
    void loopback() {
        // The server listens on 127.0.0.1 only; the container may report the machine's name.
        base = URI.create("http://127.0.0.1:" + deployment.getPort() + deployment.getPath());
    }

    @Test
    void theIdentityStoreChecksThePasswordAndTheTokensCarryItsGroups() throws Exception {
        HttpResponse<String> login = login("alice", Users.SAMPLE_PASSWORD);
        assertEquals(200, login.statusCode(), login.body());
        String accessToken = (String) JsonUtil.parseJson(login.body()).get("access_token");
        JwtClaims claims = JwtClaims.parse(
                new String(Base64.getUrlDecoder().decode(accessToken.split("\\.")[1]), StandardCharsets.UTF_8));
        assertEquals("alice", claims.getSubject());
        assertEquals(List.of("user"), claims.getStringListClaimValue("groups"));
        assertEquals(Boolean.TRUE, claims.getClaimValue("fresh"));
        assertEquals(List.of("pwd"), claims.getStringListClaimValue("amr"));
        assertEquals(200, send("POST", "account/email", "Bearer " + accessToken).statusCode());
    }

    @Test
    void aWrongPasswordAndAnUnknownUserGetTheSame401() throws Exception {
        HttpResponse<String> wrong = login("alice", "wrong");
        HttpResponse<String> unknown = login("mallory", Users.SAMPLE_PASSWORD);
        assertEquals(401, wrong.statusCode());
        assertEquals(wrong.body(), unknown.body());
        assertEquals("application/problem+json", wrong.headers().firstValue("Content-Type").orElse(""));
    }

    @Test
    void aFreshTokenChangesTheEmailAndARefreshedOneIsAskedToLogInAgain() throws Exception {
        assertEquals(200, send("POST", "account/email", ISSUER.accessToken("alice").groups("user").bearer()).statusCode());
        assertStepUpRequired(send("POST", "account/email", ISSUER.accessToken("alice").groups("user").notFresh().bearer()));
    }

    @Test
    void aLoginTenMinutesAgoIsTooOldForTheEmailButFineForTheAccount() throws Exception {
        String tenMinutes = ISSUER.accessToken("alice").groups("user").authenticatedAgo(Duration.ofMinutes(10)).bearer();
        Refusal refusal = assertStepUpRequired(send("POST", "account/email", tenMinutes));
        assertEquals("300", refusal.challengeParameter("max_age"));
        assertEquals(200, send("GET", "account", tenMinutes).statusCode());
    }

    @Test
    void expiredForgedRefreshAndRevokedTokensAreInvalid() throws Exception {
        assertInvalidToken(send("GET", "account", ISSUER.accessToken("alice").groups("user").expired().bearer()));
        assertInvalidToken(send("GET", "account", ISSUER.accessToken("alice").groups("user").forged().bearer()));
        assertInvalidToken(send("GET", "account", ISSUER.refreshToken("alice").groups("user").bearer()));
        String revoked = ISSUER.accessToken("alice").groups("user").sign();
        ISSUER.revoke(base.toURL(), revoked);
        assertInvalidToken(send("GET", "account", "Bearer " + revoked));
    }

    private HttpResponse<String> login(String username, String password) throws IOException, InterruptedException {
        String body = "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}";
        return HTTP.send(HttpRequest.newBuilder(base.resolve("login")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> send(String method, String path, String authorization)
            throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(base.resolve(path)).header("Authorization", authorization)
                .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }
}
