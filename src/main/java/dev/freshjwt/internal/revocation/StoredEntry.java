package dev.freshjwt.internal.revocation;

/**
 * A stored value and when it expires (epoch seconds). Written as {@code "value,expiresAt"} where a store keeps
 * strings, so that any cache can hold it without sharing classes between cluster members.
 *
 * @param value the value
 * @param expiresAt epoch second from which the entry is gone
 */
record StoredEntry(long value, long expiresAt) {

    boolean isLive(long nowSeconds) {
        return nowSeconds < expiresAt;
    }

    String encode() {
        return value + "," + expiresAt;
    }

    static StoredEntry decode(String text) {
        int comma = text.indexOf(',');
        return new StoredEntry(Long.parseLong(text.substring(0, comma)), Long.parseLong(text.substring(comma + 1)));
    }
}
