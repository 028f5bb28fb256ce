package dev.freshjwt.internal.guard;

/**
 * Every answer to a request that carried a token depends on that token, so no cache may keep it: a shared cache would
 * hand one caller's data to another, and a browser's history would show it again after the logout (the Back button).
 * freshjwt therefore sends {@code Cache-Control: no-store} with every response to a request that carried a bearer
 * token, a token cookie or a verified token, and with its own refusals, unless the application set a
 * {@code Cache-Control} of its own. The servlet filter sets the header before the application runs (so that servlets,
 * static files and the container's error pages carry it too); JAX-RS responses that set their own keep theirs alone.
 */
public final class CachePolicy {

    /** The header value for answers that depend on the caller's token. */
    public static final String NO_STORE = "no-store";

    /**
     * The request attribute (a JAX-RS request property too) that marks a request whose servlet response already
     * carries {@link #NO_STORE}, set before the application ran.
     */
    public static final String PRESET = "dev.freshjwt.no-store-preset";

    private CachePolicy() {
    }
}
