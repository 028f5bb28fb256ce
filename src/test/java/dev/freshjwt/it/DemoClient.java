package dev.freshjwt.it;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** HTTP calls to the deployed demo, as curl would make them. */
final class DemoClient {

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();

    private final URI base;

    DemoClient(URI base) {
        this.base = base;
    }

    /** Servers listen on loopback only; containers may report the machine's address, so only their port is used. */
    static DemoClient at(URL deployment) {
        try {
            return new DemoClient(new URI(deployment.getProtocol(), null, "127.0.0.1", deployment.getPort(),
                    deployment.getPath(), null, null));
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(deployment.toString(), e);
        }
    }

    /** The demo's root URL, ending in {@code /}. */
    URI base() {
        return base;
    }

    HttpResponse<String> get(String path, String authorization) {
        return send(request(path, authorization).GET());
    }

    /** A {@code GET} that asks for JSON ({@code Accept: application/json}). */
    HttpResponse<String> getJson(String path, String authorization) {
        return send(request(path, authorization).header("Accept", "application/json").GET());
    }

    HttpResponse<String> post(String path, String authorization, String contentType, String body) {
        HttpRequest.Builder request = request(path, authorization)
                .POST(body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return send(request);
    }

    /** Asks {@code /login} for {@code test}'s tokens, whatever the answer. */
    HttpResponse<String> postLogin() {
        return post("login", null, "application/json", "{\"username\":\"test\",\"password\":\"test\"}");
    }

    /** Logs {@code test} in and returns the token response. */
    JsonObject login() {
        HttpResponse<String> response = postLogin();
        if (response.statusCode() != 200) {
            throw new AssertionError("login failed: " + response.statusCode() + " " + response.body());
        }
        return json(response);
    }

    static String bearer(String token) {
        return "Bearer " + token;
    }

    static JsonObject json(HttpResponse<String> response) {
        return Json.createReader(new StringReader(response.body())).readObject();
    }

    static JsonArray jsonArray(HttpResponse<String> response) {
        return Json.createReader(new StringReader(response.body())).readArray();
    }

    private HttpRequest.Builder request(String path, String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return request;
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
