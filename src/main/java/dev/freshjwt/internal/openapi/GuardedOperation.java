package dev.freshjwt.internal.openapi;

import dev.freshjwt.internal.guard.Requirement;

/**
 * One JAX-RS resource method as a client calls it, and what freshjwt demands of its token. Immutable.
 *
 * @param method the HTTP method, upper case ({@code GET}, {@code POST}, …)
 * @param path the full path within the application, normalised ({@link ResourcePath})
 * @param requirement what the method's annotations demand ({@link Requirement#NONE} when unguarded)
 */
record GuardedOperation(String method, String path, Requirement requirement) {

    /** Whether a client must send a token. */
    boolean guarded() {
        return requirement.tokenRequired();
    }

    /** Whether a request with this method changes state, so a cookie-authenticated one must carry the CSRF value. */
    boolean changesState() {
        return switch (method) {
            case "POST", "PUT", "PATCH", "DELETE" -> true;
            default -> false;
        };
    }
}
