package dev.freshjwt.it;

import jakarta.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The demo as a browser's fetch sees it: a cookie jar that keeps what {@code Set-Cookie} says (by name and path,
 * {@code Max-Age=0} deletes) and sends the cookies whose path matches. Unlike {@code java.net.CookieManager} it sends
 * {@code Secure} cookies over http://127.0.0.1, as browsers do for loopback.
 */
final class CookieClient {

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();

    private final URI base;
    /** name → the cookie last set under that name. */
    private final Map<String, SetCookie> jar = new LinkedHashMap<>();

    CookieClient(URI base) {
        this.base = base;
    }

    /** One {@code Set-Cookie} header, parsed: name, value and attributes (lower-case names). */
    record SetCookie(String name, String value, Map<String, String> attributes) {

        static SetCookie parse(String header) {
            String[] parts = header.split(";");
            int equals = parts[0].indexOf('=');
            Map<String, String> attributes = new LinkedHashMap<>();
            for (int i = 1; i < parts.length; i++) {
                String[] attribute = parts[i].strip().split("=", 2);
                attributes.put(attribute[0].toLowerCase(Locale.ROOT), attribute.length > 1 ? attribute[1] : "");
            }
            return new SetCookie(parts[0].substring(0, equals).strip(), parts[0].substring(equals + 1).strip(), attributes);
        }

        String path() {
            return attributes.getOrDefault("path", "/");
        }

        long maxAge() {
            String maxAge = attributes.get("max-age");
            return maxAge == null ? -1 : Long.parseLong(maxAge);
        }
    }

    /** Every {@code Set-Cookie} of a response, by cookie name. */
    static Map<String, SetCookie> setCookies(HttpResponse<?> response) {
        return response.headers().allValues("Set-Cookie").stream().map(SetCookie::parse)
                .collect(Collectors.toMap(SetCookie::name, c -> c, (a, b) -> b, LinkedHashMap::new));
    }

    /** The value of a cookie in the jar, or {@code null}. */
    String cookie(String name) {
        SetCookie cookie = jar.get(name);
        return cookie == null ? null : cookie.value();
    }

    /** Puts a cookie in the jar as a server would have set it (path {@code /}). */
    CookieClient with(String name, String value) {
        jar.put(name, new SetCookie(name, value, Map.of("path", "/")));
        return this;
    }

    HttpResponse<String> get(String path, String... headers) {
        return send(path, "GET", null, headers);
    }

    HttpResponse<String> post(String path, String json, String... headers) {
        return send(path, "POST", json, headers);
    }

    HttpResponse<String> delete(String path, String... headers) {
        return send(path, "DELETE", null, headers);
    }

    /** Logs {@code test} in with cookies: {@code POST session}. */
    HttpResponse<String> login() {
        return login("test", "test");
    }

    /** Logs a user in with cookies: {@code POST session}, which must succeed. */
    HttpResponse<String> login(String username, String password) {
        HttpResponse<String> response = tryLogin(username, password);
        if (response.statusCode() != 200) {
            throw new AssertionError("login failed: " + response.statusCode() + " " + response.body());
        }
        return response;
    }

    /** {@code POST session} with these credentials, whatever the answer. */
    HttpResponse<String> tryLogin(String username, String password) {
        return post("session", Json.createObjectBuilder().add("username", username).add("password", password).build()
                .toString(), "Content-Type", "application/json");
    }

    private HttpResponse<String> send(String path, String method, String body, String... headers) {
        URI uri = base.resolve(path);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).method(method,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        String cookies = jar.values().stream().filter(c -> uri.getPath().startsWith(c.path()))
                .map(c -> c.name() + "=" + c.value()).collect(Collectors.joining("; "));
        if (!cookies.isEmpty()) {
            request.header("Cookie", cookies);
        }
        HttpResponse<String> response;
        try {
            response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        for (SetCookie cookie : setCookies(response).values()) {
            if (cookie.maxAge() == 0) {
                jar.remove(cookie.name());
            } else {
                jar.put(cookie.name(), cookie);
            }
        }
        return response;
    }

    /** The names of the cookies in the jar. */
    List<String> names() {
        return List.copyOf(jar.keySet());
    }
}
