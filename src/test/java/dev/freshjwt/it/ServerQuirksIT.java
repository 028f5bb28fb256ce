package dev.freshjwt.it;

import static dev.freshjwt.it.DemoClient.bearer;
import static dev.freshjwt.testing.FreshJwtAssertions.assertInvalidToken;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/**
 * Where the servers' MicroProfile JWT implementations differ, a client still gets one answer. Each test names the
 * server whose own behaviour differs; docs/servers.md (Server quirks) lists the same rows.
 */
class ServerQuirksIT extends DemoIT {

    private static final String NOT_VERIFIED = "The bearer token is malformed, expired or not trusted";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.demo();
    }

    /** Payara and WildFly refuse it before the application runs, Liberty lets it through: the same body from all. */
    @Test
    void forgedTokenGetsTheSameCompleteAnswerWhoeverRefusesIt() {
        String forged = bearer(Deployments.freshAccess(Instant.now()).forged().sign());
        String expected = Json.createObjectBuilder()
                .add("type", PROBLEM_BASE + "invalid-token").add("title", "Invalid token").add("status", 401)
                .add("detail", NOT_VERIFIED).add("error", "invalid_token").build().toString();
        for (String path : new String[] {"protected", "sensitive_operation", ".well-known/jwks.json"}) {
            HttpResponse<String> response = client.get(path, forged);
            assertInvalidToken(response);
            assertEquals("Bearer error=\"invalid_token\", error_description=\"" + NOT_VERIFIED + "\"",
                    response.headers().firstValue("WWW-Authenticate").orElseThrow());
            assertEquals(expected, response.body());
        }
    }

    /** Liberty answers an unmatched URL with 404 (and its own challenge) where Payara and WildFly refuse the token. */
    @Test
    void badTokenIsRefusedEvenWhereNoEndpointMatches() {
        assertEquals(NOT_VERIFIED, DemoClient.json(assertInvalid(client.get("no/such/endpoint", "Bearer garbage"))).getString("detail"));
        HttpResponse<String> anonymous = client.get("no/such/endpoint", null);
        assertEquals(404, anonymous.statusCode());
        assertTrue(anonymous.headers().allValues("WWW-Authenticate").isEmpty());
    }

    /** WildFly reads {@code bearer} and {@code BEARER} too; Payara and Liberty read only {@code Bearer}. */
    @Test
    void otherSpellingsOfTheSchemeAreRefusedEvenWithAValidToken() {
        String token = client.login().getString("access_token");
        for (String scheme : new String[] {"bearer ", "BEARER "}) {
            for (String path : new String[] {"protected", ".well-known/jwks.json", "no/such/endpoint"}) {
                HttpResponse<String> response = client.get(path, scheme + token);
                assertEquals("The authorization scheme must be spelled 'Bearer'",
                        DemoClient.json(assertInvalid(response)).getString("detail"), scheme + path);
            }
        }
        assertEquals(200, client.get("protected", bearer(token)).statusCode());
    }

    /** Payara demands {@code iss sub exp iat jti}; WildFly accepts a token without jti or sub, Liberty one without iat. */
    @Test
    void validlySignedTokenWithoutJtiSubOrIatIsRefusedEverywhere() {
        for (String claim : new String[] {"jti", "sub", "iat"}) {
            String incomplete = bearer(Deployments.freshAccess(Instant.now()).without(claim).sign());
            for (String path : new String[] {"protected", ".well-known/jwks.json"}) {
                assertEquals(NOT_VERIFIED, DemoClient.json(assertInvalid(client.get(path, incomplete))).getString("detail"),
                        "without " + claim + " at " + path);
            }
        }
    }

    /** Liberty adds {@code WWW-Authenticate} to anonymous responses whenever an Authorization header came. */
    @Test
    void requestWithAnotherSchemeGetsNoChallengeOnAnOpenEndpoint() {
        HttpResponse<String> response = client.get(".well-known/jwks.json", "Basic dGVzdDp0ZXN0");
        assertEquals(200, response.statusCode());
        assertEquals(List.of(), response.headers().allValues("WWW-Authenticate"));
    }

    /** Liberty ignores mp.jwt.verify.clock.skew and allows 5 minutes; its server.xml sets the same 60 s. */
    @Test
    void expiryIsJudgedWithTheSameSixtySecondsOfClockSkew() {
        long now = Instant.now().getEpochSecond();
        String withinSkew = bearer(Deployments.freshAccess(Instant.now()).claim("iat", now - 900).claim("exp", now - 20).sign());
        String beyondSkew = bearer(Deployments.freshAccess(Instant.now()).claim("iat", now - 900).claim("exp", now - 100).sign());
        assertEquals(200, client.get("protected", withinSkew).statusCode());
        assertInvalid(client.get("protected", beyondSkew));
    }

    /**
     * What freshjwt leaves to each server, shown rather than hidden: its own headers on every response. Payara Micro
     * adds {@code Server} and {@code X-Frame-Options}, Open Liberty {@code Content-Language}, WildFly none. Apart from
     * those and the connection-level ones, a response carries exactly freshjwt's (or the application's) headers.
     */
    @Test
    void onlyEachServersOwnHeadersDiffer() {
        Set<String> own = Map.of("payara-micro", Set.of("server", "x-frame-options"), "wildfly", Set.<String>of(),
                "liberty", Set.of("content-language")).get(System.getProperty("arquillian.launch"));
        String forged = bearer(Deployments.freshAccess(Instant.now()).forged().sign());
        assertEquals(union(own, "www-authenticate", "cache-control", "content-type"),
                headerNames(client.get("protected", forged)));
        assertEquals(union(own, "www-authenticate", "cache-control", "content-type"), headerNames(client.get("protected", null)));
        assertEquals(union(own, "cache-control", "content-type"),
                headerNames(client.get("protected", bearer(client.login().getString("access_token")))));
    }

    /**
     * WildFly's Undertow throws on any cookie byte outside printable ASCII (an HTML 500 on every URL): freshjwt answers
     * a 400 problem there. Payara Micro's Grizzly answers 400 itself, Open Liberty reads the request. Never a 5xx.
     */
    @Test
    void aCookieByteOutsideAsciiIsNeverAServerError() throws IOException {
        byte[][] cookies = {"other=\u00e9".getBytes(StandardCharsets.UTF_8), "other=\u00e9".getBytes(StandardCharsets.ISO_8859_1)};
        for (String path : List.of("", "protected", "no-such-file.txt")) {
            for (byte[] cookie : cookies) {
                RawResponse response = RawResponse.get(client.base().resolve(path), cookie);
                assertTrue(response.status() < 500, path + ": " + response);
                if ("wildfly".equals(System.getProperty("arquillian.launch"))) {
                    assertEquals(400, response.status(), response.toString());
                    assertTrue(response.head().toLowerCase(Locale.ROOT).contains("content-type: " + PROBLEM_JSON), response.toString());
                    assertTrue(response.body().contains(PROBLEM_BASE + "invalid-cookie-header"), response.toString());
                }
            }
        }
    }

    /** One request over a plain socket: the JDK's client refuses to send such header bytes. */
    private record RawResponse(int status, String head, String body) {

        static RawResponse get(URI uri, byte[] cookie) throws IOException {
            try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
                socket.setSoTimeout(30_000);
                OutputStream out = socket.getOutputStream();
                out.write(("GET " + uri.getRawPath() + " HTTP/1.1\r\nHost: " + uri.getHost() + ":" + uri.getPort()
                        + "\r\nConnection: close\r\nCookie: ").getBytes(StandardCharsets.ISO_8859_1));
                out.write(cookie);
                out.write("\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
                String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
                int end = response.indexOf("\r\n\r\n");
                String head = end < 0 ? response : response.substring(0, end);
                return new RawResponse(Integer.parseInt(head.substring(9, 12)), head, end < 0 ? "" : response.substring(end + 4));
            }
        }
    }

    private static Set<String> headerNames(HttpResponse<String> response) {
        Set<String> names = new TreeSet<>();
        response.headers().map().keySet().forEach(name -> names.add(name.toLowerCase(Locale.ROOT)));
        names.removeAll(Set.of("date", "content-length", "transfer-encoding", "connection", "keep-alive"));
        return names;
    }

    private static Set<String> union(Set<String> own, String... names) {
        Set<String> all = new TreeSet<>(own);
        all.addAll(List.of(names));
        return all;
    }

    private static HttpResponse<String> assertInvalid(HttpResponse<String> response) {
        assertInvalidToken(response);
        return response;
    }
}
