package dev.freshjwt.internal.keys;

import dev.freshjwt.FreshJwtConfig;
import dev.freshjwt.InvalidConfigurationException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads the text at a key location, as MicroProfile JWT reads {@code mp.jwt.verify.publickey.location}:
 * {@code classpath:name}, a URL ({@code file:}, {@code http:}, …), or a bare path tried as a classpath
 * resource first and then as a file.
 */
final class KeySource {

    private static final String CLASSPATH = "classpath:";

    private KeySource() {
    }

    static String read(String location, ClassLoader loader) {
        return read(FreshJwtConfig.SIGN_KEY_LOCATION, location, loader);
    }

    /** As {@link #read(String, ClassLoader)}, naming {@code key} when the location cannot be read. */
    static String read(String key, String location, ClassLoader loader) {
        try {
            if (location.startsWith(CLASSPATH)) {
                return resource(loader, location.substring(CLASSPATH.length()), key, location);
            }
            if (location.matches("^[a-zA-Z][a-zA-Z0-9+.-]+:.*")) {
                try (InputStream in = URI.create(location).toURL().openStream()) {
                    return new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
            URL resource = loader.getResource(stripSlash(location));
            if (resource != null) {
                return resource(loader, location, key, location);
            }
            return Files.readString(Path.of(location), StandardCharsets.UTF_8);
        } catch (IOException | IllegalArgumentException e) {
            throw unreadable(key, location, e);
        }
    }

    private static String resource(ClassLoader loader, String name, String key, String location) throws IOException {
        try (InputStream in = loader.getResourceAsStream(stripSlash(name))) {
            if (in == null) {
                throw unreadable(key, location, null);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String stripSlash(String name) {
        return name.startsWith("/") ? name.substring(1) : name;
    }

    private static InvalidConfigurationException unreadable(String key, String location, Exception cause) {
        return new InvalidConfigurationException(key + "=" + location
                + " cannot be read" + (cause == null ? ": no such resource" : ": " + cause), cause);
    }
}
