package dev.freshjwt.demo;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;

/** The demo's one user, {@code test} / {@code test}, as in the classic example. Stands in for your user store. */
@ApplicationScoped
public class DemoUsers {

    /** The group every demo user belongs to. */
    public static final String ROLE = "user";

    private static final Map<String, byte[]> PASSWORDS = Map.of("test", "test".getBytes(StandardCharsets.UTF_8));

    /** Whether the password is right, compared in constant time. */
    public boolean authenticate(String username, String password) {
        byte[] expected = PASSWORDS.get(username);
        byte[] given = password.getBytes(StandardCharsets.UTF_8);
        return expected != null & MessageDigest.isEqual(expected == null ? given : expected, given);
    }
}
