package dev.freshjwt.demo;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;

/**
 * The {@code POST /account/password} body, {@code {"current_password": "…", "new_password": "…"}}, and the rule a new
 * password must meet. Read leniently: an unreadable body is not refused here but carries its {@link #problem()}, so
 * that {@link AccountService} refuses it only after {@code @FreshRequired} has judged the token (a stale token gets the
 * step-up challenge first, whatever the body).
 *
 * @param currentPassword the password the user types to prove it is still them
 * @param newPassword the password to store
 * @param problem why the body cannot be used (a 400's detail), or {@code null}
 */
record PasswordChange(String currentPassword, String newPassword, String problem) {

    /** The shortest new password accepted. */
    static final int MIN_LENGTH = 8;
    private static final String SHAPE = "The body must be a JSON object with \"current_password\" and \"new_password\"";

    static PasswordChange read(String body) {
        try {
            JsonObject object = JsonBody.object(body, SHAPE);
            if (object.get("current_password") instanceof JsonString current
                    && object.get("new_password") instanceof JsonString next) {
                return new PasswordChange(current.getString(), next.getString(), null);
            }
            return unusable(SHAPE);
        } catch (JsonBody.Unusable e) {
            return unusable(e.getMessage());
        }
    }

    /**
     * Why {@code user} may not take the new password, naming the rule, or {@code null} when it is acceptable: at least
     * {@value #MIN_LENGTH} characters, neither the user name nor the current password.
     */
    String weakness(String user) {
        if (newPassword.codePointCount(0, newPassword.length()) < MIN_LENGTH) {
            return "The new password must have at least " + MIN_LENGTH + " characters";
        }
        if (newPassword.equalsIgnoreCase(user)) {
            return "The new password must not be the user name";
        }
        if (newPassword.equals(currentPassword)) {
            return "The new password must differ from the current one";
        }
        return null;
    }

    private static PasswordChange unusable(String problem) {
        return new PasswordChange(null, null, problem);
    }
}
