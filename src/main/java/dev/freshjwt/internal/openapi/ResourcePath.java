package dev.freshjwt.internal.openapi;

import java.util.ArrayList;
import java.util.List;

/**
 * JAX-RS paths as OpenAPI documents spell them: {@code @ApplicationPath}, class {@code @Path} and method {@code @Path}
 * joined with single slashes, a leading slash, no trailing slash (the root alone is {@code /}), and templates without
 * their regular expressions ({@code {id: \d+}} becomes {@code {id}}).
 */
final class ResourcePath {

    private ResourcePath() {
    }

    /** Joins the parts (each may be {@code null}, empty, or slashed on either side) into one normalised path. */
    static String join(String... parts) {
        List<String> segments = new ArrayList<>();
        for (String part : parts) {
            if (part != null) {
                segments.addAll(segments(part));
            }
        }
        return "/" + String.join("/", segments);
    }

    /** {@code path} normalised as {@link #join} does. */
    static String normalise(String path) {
        return join(path);
    }

    /**
     * Whether {@code documented} (a path of the OpenAPI document) names the resource path {@code resource}: the same
     * path, or the same path below a prefix that some implementations add, such as the context root.
     */
    static boolean names(String documented, String resource) {
        String path = normalise(documented);
        if (path.equals(resource)) {
            return true;
        }
        return !"/".equals(resource) && path.endsWith(resource) && path.charAt(path.length() - resource.length()) == '/';
    }

    private static List<String> segments(String path) {
        List<String> segments = new ArrayList<>();
        StringBuilder segment = new StringBuilder();
        int depth = 0; // inside a {template}, where '/' may occur in the regular expression
        boolean inExpression = false;
        for (char c : path.toCharArray()) {
            if (c == '{') {
                depth++;
                if (depth == 1) {
                    inExpression = false;
                    segment.append(c);
                    continue;
                }
            } else if (c == '}') {
                depth--;
                if (depth == 0) {
                    segment.append(c);
                    inExpression = false;
                    continue;
                }
            }
            if (depth >= 1) {
                if (depth == 1 && c == ':') {
                    inExpression = true;
                } else if (!inExpression && !Character.isWhitespace(c)) {
                    segment.append(c);
                }
                continue;
            }
            if (c == '/') {
                if (!segment.isEmpty()) {
                    segments.add(segment.toString());
                    segment.setLength(0);
                }
            } else {
                segment.append(c);
            }
        }
        if (!segment.isEmpty()) {
            segments.add(segment.toString());
        }
        return segments;
    }
}
