package dev.freshjwt.demo;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.NotSupportedException;

/**
 * The {@code /login} and {@code POST /session} body, {@code {"username": "…", "password": "…", "otp": "123456"}}, read
 * strictly: anything else is a 400 with a problem+json body, never a 500.
 *
 * @param username the user name
 * @param password the password
 * @param otp the code of the authenticator app, six digits, or {@code null} when the body has no {@code "otp"}
 */
record LoginRequest(String username, String password, String otp) {

    /**
     * @param contentType the request's {@code Content-Type}: a body without one is refused (415) on every server —
     *     Jersey (Payara) would read it as JSON, RESTEasy (WildFly, Liberty) refuses it — which also keeps a cross-site
     *     form from logging a victim in (a body without {@code Content-Type} needs no CORS preflight)
     * @param body the request body
     */
    static LoginRequest parse(String contentType, String body) {
        if (contentType == null) {
            throw new NotSupportedException();
        }
        JsonObject object;
        try {
            object = JsonBody.object(body, "The body must be a JSON object with \"username\" and \"password\"");
        } catch (JsonBody.Unusable e) {
            throw invalid(e.getMessage());
        }
        return new LoginRequest(text(object, "username"), text(object, "password"), otp(object));
    }

    /** Whether the body carried a code: then the login needs it right too. */
    boolean hasOtp() {
        return otp != null;
    }

    /** Absent is fine; present, it must be a string of exactly six ASCII digits (no number, no null, no spaces). */
    private static String otp(JsonObject object) {
        if (!object.containsKey("otp")) {
            return null;
        }
        if (object.get("otp") instanceof JsonString string && string.getString().matches("[0-9]{" + Totp.DIGITS + "}")) {
            return string.getString();
        }
        throw invalid("\"otp\" must be a string of " + Totp.DIGITS + " digits");
    }

    private static String text(JsonObject object, String name) {
        if (!(object.get(name) instanceof JsonString string) || string.getString().isEmpty()) {
            throw invalid("\"" + name + "\" must be a non-empty string");
        }
        return string.getString();
    }

    private static BadRequestException invalid(String detail) {
        return new BadRequestException(detail, Problems.badRequest(detail));
    }
}
