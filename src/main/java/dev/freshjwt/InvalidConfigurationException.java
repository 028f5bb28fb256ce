package dev.freshjwt;

/**
 * A required configuration key is missing, or a value (a duration, a key file, an algorithm) is unusable.
 * Raised at deployment, so the application does not start with an insecure or broken setup. The message
 * names the key to fix.
 */
public class InvalidConfigurationException extends FreshJwtException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what is wrong, naming the configuration key
     */
    public InvalidConfigurationException(String message) {
        super(message);
    }

    /**
     * @param message what is wrong, naming the configuration key
     * @param cause the underlying failure
     */
    public InvalidConfigurationException(String message, Throwable cause) {
        super(message, cause);
    }
}
