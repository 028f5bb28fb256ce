package dev.freshjwt.internal.cookie;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/** The CSRF values minted into tokens, and their comparison. Thread-safe. */
public final class Csrf {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int BYTES = 24;

    private Csrf() {
    }

    /** A new random value: 192 bits, base64url. */
    public static String newValue() {
        byte[] bytes = new byte[BYTES];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Whether the header repeats the token's claim, compared in constant time; {@code false} when either is missing. */
    public static boolean matches(String claim, String header) {
        if (claim == null || claim.isEmpty() || header == null) {
            return false;
        }
        return MessageDigest.isEqual(claim.getBytes(StandardCharsets.UTF_8), header.strip().getBytes(StandardCharsets.UTF_8));
    }

    /** Whether requests of this method change state and need the CSRF header: all but GET, HEAD, OPTIONS and TRACE. */
    public static boolean isUnsafe(String method) {
        return !("GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method) || "TRACE".equals(method));
    }
}
