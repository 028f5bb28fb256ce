package dev.freshjwt;

/**
 * The root of freshjwt's own exceptions: something is wrong on the server side (configuration, keys).
 * Client mistakes are never reported this way; they get a {@link TokenRejectedException}, a complete 401.
 */
public class FreshJwtException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what went wrong and, where it helps, the key to fix
     */
    public FreshJwtException(String message) {
        super(message);
    }

    /**
     * @param message what went wrong and, where it helps, the key to fix
     * @param cause the underlying failure
     */
    public FreshJwtException(String message, Throwable cause) {
        super(message, cause);
    }
}
