package dev.freshjwt.internal.cookie;

import java.util.Enumeration;

/**
 * Reads one cookie from the {@code Cookie} request header as browsers send it ({@code a=1; b=2}, RFC 6265 §4.2),
 * without the container's cookie parser: Payara's still expects RFC 2109 ({@code $Version=}), and servers disagree
 * on quotes and odd characters. Pure; never throws on odd input.
 */
public final class CookieHeader {

    private CookieHeader() {
    }

    /**
     * @param headers every {@code Cookie} header of the request (HTTP/2 may split them), or {@code null}
     * @param name the cookie's exact name
     * @return the value of the first cookie of that name (the browser sends the most specific path first), without
     *     surrounding double quotes; {@code null} when absent or empty
     */
    public static String value(Enumeration<String> headers, String name) {
        if (headers == null) {
            return null;
        }
        while (headers.hasMoreElements()) {
            String value = value(headers.nextElement(), name);
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    /** As {@link #value(Enumeration, String)}, for one header value. */
    public static String value(String header, String name) {
        if (header == null || header.length() <= name.length()) {
            return null;
        }
        int at = 0;
        while (at < header.length()) {
            int end = header.indexOf(';', at);
            if (end < 0) {
                end = header.length();
            }
            int start = at;
            while (start < end && header.charAt(start) == ' ') {
                start++;
            }
            int equals = start + name.length();
            if (equals < end && header.charAt(equals) == '=' && header.startsWith(name, start)) {
                String value = header.substring(equals + 1, end).strip();
                if (value.length() >= 2 && value.charAt(0) == '"' && value.charAt(value.length() - 1) == '"') {
                    value = value.substring(1, value.length() - 1);
                }
                return value.isEmpty() ? null : value;
            }
            at = end + 1;
        }
        return null;
    }
}
