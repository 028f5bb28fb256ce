package dev.freshjwt.testing;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A refusal as freshjwt wrote it, returned by {@link FreshJwtAssertions} once it has checked the status, the
 * challenge and the problem type: for further assertions on the challenge's parameters ({@code acr_values},
 * {@code max_age}) or the problem's members (including those a {@link dev.freshjwt.TokenRefusal} observer added).
 *
 * @param status the HTTP status
 * @param challenge the {@code WWW-Authenticate} header, or {@code null} (a 403)
 * @param problem the members of the {@code application/problem+json} body: strings, {@code Long} or {@code Double}
 *     numbers, booleans, lists and maps
 */
public record Refusal(int status, String challenge, Map<String, Object> problem) {

    private static final Pattern PARAMETER = Pattern.compile("([A-Za-z0-9_]+)=\"([^\"]*)\"");

    public Refusal {
        problem = Collections.unmodifiableMap(new LinkedHashMap<>(problem));
    }

    /** The parameter {@code name} of the challenge ({@code error}, {@code max_age}, ...), or {@code null}. */
    public String challengeParameter(String name) {
        if (challenge == null) {
            return null;
        }
        Matcher parameter = PARAMETER.matcher(challenge);
        while (parameter.find()) {
            if (parameter.group(1).equals(name)) {
                return parameter.group(2);
            }
        }
        return null;
    }

    /** The problem's {@code type} URI. */
    public String problemType() {
        return (String) problem.get("type");
    }
}
