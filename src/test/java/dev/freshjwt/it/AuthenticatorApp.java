package dev.freshjwt.it;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.time.Instant;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The demo user's authenticator app, in the test: RFC 6238 codes (HMAC-SHA1, 6 digits, 30-second steps) for the
 * secret docs/demo.md prints, {@code JBSWY3DPEHPK3PXP}. The key is written out as bytes, not decoded from base32 here,
 * so the demo's own base32 decoder is checked too: those 16 characters are {@code "Hello!"} and {@code DE AD BE EF}.
 */
final class AuthenticatorApp {

    private static final byte[] KEY = {'H', 'e', 'l', 'l', 'o', '!', (byte) 0xDE, (byte) 0xAD, (byte) 0xBE, (byte) 0xEF};

    private AuthenticatorApp() {
    }

    /** The 30-second step of this moment. */
    static long currentStep() {
        return Instant.now().getEpochSecond() / 30;
    }

    /** The code the app shows during {@code step}. */
    static String code(long step) {
        return code(KEY, step);
    }

    /** The code an app with the secret {@code key} (its bytes, not base32) shows during {@code step}. */
    static String code(byte[] key, long step) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(key, "HmacSHA1"));
            byte[] hash = mac.doFinal(ByteBuffer.allocate(8).putLong(step).array());
            int offset = hash[19] & 0x0F;
            int value = ByteBuffer.wrap(hash, offset, 4).getInt() & 0x7FFF_FFFF;
            return String.format("%06d", value % 1_000_000);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A well-formed code the demo refuses now: the code of a step long past (five minutes ago), unless it happens to
     * equal a code the demo would accept around now (one chance in about 200,000), then an older one.
     */
    static String expiredCode() {
        long now = currentStep();
        for (long step = now - 10; ; step--) {
            String code = code(step);
            boolean acceptable = false;
            for (long near = now - 2; near <= now + 2; near++) {
                acceptable |= code.equals(code(near));
            }
            if (!acceptable) {
                return code;
            }
        }
    }
}
