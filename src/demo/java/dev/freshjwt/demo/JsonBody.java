package dev.freshjwt.demo;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.StringReader;

/**
 * Reads the demo's small JSON request bodies ({@link LoginRequest}, {@link PasswordChange}) the same way: blank, too long,
 * not JSON or not an object is an {@link Unusable} whose message is the 400 problem's detail, never a 500.
 */
final class JsonBody {

    /** Longer bodies are refused before parsing. */
    static final int MAX_LENGTH = 4096;

    private JsonBody() {
    }

    /**
     * @param body the request body
     * @param shape the detail for a body that is empty or not a JSON object, naming the members it must have
     * @return the body's JSON object
     * @throws Unusable when the body cannot be used, with the reason as its message
     */
    static JsonObject object(String body, String shape) {
        if (body == null || body.isBlank()) {
            throw new Unusable(shape);
        }
        if (body.length() > MAX_LENGTH) {
            throw new Unusable("The body is longer than " + MAX_LENGTH + " characters");
        }
        JsonValue value;
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            value = reader.readValue();
        } catch (RuntimeException e) { // JsonException, and Parsson's plain RuntimeException on deep nesting
            throw new Unusable("The body is not valid JSON");
        }
        if (!(value instanceof JsonObject object)) {
            throw new Unusable(shape);
        }
        return object;
    }

    /** A body that cannot be used; the message says why, in words fit for a problem's detail. */
    static final class Unusable extends RuntimeException {

        private static final long serialVersionUID = 1L;

        Unusable(String detail) {
            super(detail, null, false, false);
        }
    }
}
