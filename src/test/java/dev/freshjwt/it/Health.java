package dev.freshjwt.it;

import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * MicroProfile Health as an orchestrator sees it, wherever the server under test serves it: Payara Micro and Open
 * Liberty on their HTTP port ({@code /health/ready}, {@code /health/live}), WildFly on its management interface
 * ({@code http://127.0.0.1:<9990 + port offset>/health/ready}). The server is the one the Maven profile chose
 * (system property {@code arquillian.launch}). Readiness answers 200 when every check is UP, 503 otherwise.
 */
public final class Health {

    /** The name of freshjwt's readiness check. */
    public static final String FRESHJWT = "freshjwt";

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
    /** WildFly's default HTTP and management ports, which a port offset moves together. */
    private static final int WILDFLY_HTTP = 8080;
    private static final int WILDFLY_MANAGEMENT = 9990;

    private Health() {
    }

    /** {@code GET /health/ready} of the server {@code deployment} (the URL Arquillian injects) runs on. */
    public static HttpResponse<String> readiness(URL deployment) {
        return get(server(deployment).resolve("/health/ready"));
    }

    /** {@code GET /health/live} of the server {@code deployment} (the URL Arquillian injects) runs on. */
    public static HttpResponse<String> liveness(URL deployment) {
        return get(server(deployment).resolve("/health/live"));
    }

    /**
     * {@code GET /health/ready} of a server that serves health on its HTTP port, at {@code server} (e.g.
     * {@link PayaraMicroProcess#base()}): for servers a test starts itself, whatever the Maven profile.
     */
    public static HttpResponse<String> readinessAt(URI server) {
        return get(server.resolve("/health/ready"));
    }

    /** {@code GET /health/live} of a server that serves health on its HTTP port, at {@code server}. */
    public static HttpResponse<String> livenessAt(URI server) {
        return get(server.resolve("/health/live"));
    }

    /**
     * The check named {@code name} in a health response ({@code {"name": …, "status": "UP", "data": {…}}}).
     *
     * @throws AssertionError (showing the response) when there is none or more than one
     */
    public static JsonObject check(HttpResponse<String> response, String name) {
        List<JsonObject> found = checks(response, name);
        if (found.size() != 1) {
            throw new AssertionError(found.size() + " checks named " + name + " in " + response.statusCode() + " "
                    + response.body());
        }
        return found.get(0);
    }

    /** The check named {@code name} in a health response, if it has one. */
    public static Optional<JsonObject> findCheck(HttpResponse<String> response, String name) {
        return checks(response, name).stream().findFirst();
    }

    /**
     * A whole number in a check's {@code data}: a JSON number, or a string of digits as Payara Micro 6 writes every data
     * value.
     *
     * @throws AssertionError (showing the check) when there is none
     */
    public static long number(JsonObject check, String key) {
        JsonValue value = check.getJsonObject("data").get(key);
        if (value instanceof JsonNumber number) {
            return number.longValueExact();
        }
        if (value instanceof JsonString text && text.getString().matches("-?\\d+")) {
            return Long.parseLong(text.getString());
        }
        throw new AssertionError("no number " + key + " in " + check);
    }

    private static List<JsonObject> checks(HttpResponse<String> response, String name) {
        JsonObject health;
        try {
            health = Json.createReader(new StringReader(response.body())).readObject();
        } catch (RuntimeException e) {
            throw new AssertionError("not a health response: " + response.statusCode() + " " + response.body(), e);
        }
        return health.getJsonArray("checks").stream().map(JsonValue::asJsonObject)
                .filter(check -> name.equals(check.getString("name", null))).toList();
    }

    /** Where the server of {@code deployment} serves health: servers listen on loopback, so only the port is used. */
    private static URI server(URL deployment) {
        int port = deployment.getPort();
        if ("wildfly".equals(System.getProperty("arquillian.launch"))) {
            port = port - WILDFLY_HTTP + WILDFLY_MANAGEMENT;
        }
        return URI.create("http://127.0.0.1:" + port + "/");
    }

    private static HttpResponse<String> get(URI uri) {
        HttpRequest request = HttpRequest.newBuilder(uri).header("Accept", "application/json")
                .timeout(Duration.ofSeconds(30)).GET().build();
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(uri.toString(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
