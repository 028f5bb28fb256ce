package dev.freshjwt.internal.cookie;

/**
 * Writes {@code Set-Cookie} header values byte for byte the same on every server (JAX-RS runtimes format
 * {@code NewCookie} differently: Jersey adds {@code Version=1}, not all write {@code SameSite}). Pure.
 */
public final class SetCookie {

    private SetCookie() {
    }

    /**
     * @param name the cookie name
     * @param value the value (a JWS or a CSRF value: base64url and dots, never quoted)
     * @param path the {@code Path}
     * @param maxAge seconds until the browser forgets it; {@code 0} deletes it
     * @param httpOnly whether page scripts are kept from reading it
     * @param settings {@code Secure} and {@code SameSite}
     */
    public static String format(String name, String value, String path, long maxAge, boolean httpOnly,
            CookieSettings settings) {
        StringBuilder header = new StringBuilder(name.length() + value.length() + 80)
                .append(name).append('=').append(value)
                .append("; Path=").append(path)
                .append("; Max-Age=").append(Math.max(0, maxAge));
        if (settings.secure()) {
            header.append("; Secure");
        }
        if (httpOnly) {
            header.append("; HttpOnly");
        }
        return header.append("; SameSite=").append(settings.sameSite()).toString();
    }
}
