package dev.freshjwt.demo;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.OptionalLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * One user's RFC 6238 time-based one-time passwords, as authenticator apps compute them: HMAC-SHA1, 6 digits,
 * 30-second steps counted from the Unix epoch. Immutable and thread-safe (each call uses its own {@link Mac}).
 */
final class Totp {

    static final int DIGITS = 6;
    static final long STEP_SECONDS = 30;
    /** Steps accepted either side of the current one: a phone's clock may be a little off. */
    static final int DRIFT_STEPS = 1;

    private static final int MODULUS = 1_000_000; // 10^DIGITS

    private final SecretKeySpec key;

    /** @param base32Secret the shared secret as the user's app shows it */
    Totp(String base32Secret) {
        this.key = new SecretKeySpec(Base32.decode(base32Secret), "HmacSHA1");
    }

    /** The step {@code instant} falls in. */
    static long step(Instant instant) {
        return Math.floorDiv(instant.getEpochSecond(), STEP_SECONDS);
    }

    /** The code of {@code step} (RFC 4226 HOTP with the step as counter), zero-padded to 6 digits. */
    String code(long step) {
        byte[] hash;
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(key);
            hash = mac.doFinal(ByteBuffer.allocate(Long.BYTES).putLong(step).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 is part of every Java runtime", e);
        }
        int offset = hash[hash.length - 1] & 0x0F; // dynamic truncation
        int binary = ((hash[offset] & 0x7F) << 24) | ((hash[offset + 1] & 0xFF) << 16)
                | ((hash[offset + 2] & 0xFF) << 8) | (hash[offset + 3] & 0xFF);
        return String.format("%0" + DIGITS + "d", binary % MODULUS);
    }

    /**
     * The step, within {@link #DRIFT_STEPS} of {@code now}'s, whose code is {@code code}; empty if none. Every step
     * of the window is computed and compared in constant time, so the answer takes as long whichever step matched.
     */
    OptionalLong match(String code, Instant now) {
        byte[] given = code.getBytes(StandardCharsets.US_ASCII);
        long current = step(now);
        long matched = Long.MIN_VALUE;
        for (long step = current - DRIFT_STEPS; step <= current + DRIFT_STEPS; step++) {
            if (MessageDigest.isEqual(code(step).getBytes(StandardCharsets.US_ASCII), given)) {
                matched = step;
            }
        }
        return matched == Long.MIN_VALUE ? OptionalLong.empty() : OptionalLong.of(matched);
    }
}
