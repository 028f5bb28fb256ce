package dev.freshjwt.internal.openapi;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The application's resource methods as the CDI extension found them, and whether tokens also travel in cookies.
 * Immutable. The OpenAPI implementation instantiates the filter itself, outside CDI, so the extension publishes the
 * value here, once per deployment: freshjwt's classes live in the application's {@code WEB-INF/lib}, so each
 * application has its own.
 *
 * @param operations every resource method found, guarded or not
 * @param cookies whether tokens may come in cookies ({@code freshjwt.token.location} includes {@code cookie})
 * @param csrfHeader the header that must repeat the CSRF value of a cookie-authenticated state-changing request
 */
record GuardedOperations(List<GuardedOperation> operations, boolean cookies, String csrfHeader) {

    static final GuardedOperations NONE = new GuardedOperations(List.of(), false, "X-CSRF-TOKEN");

    private static volatile GuardedOperations published = NONE;

    GuardedOperations {
        operations = List.copyOf(operations);
    }

    static void publish(GuardedOperations found) {
        published = found;
    }

    static GuardedOperations published() {
        return published;
    }

    /**
     * The resource method behind an operation of the OpenAPI document: the one with the same path, else the one whose
     * path ends the documented path at a segment boundary (the implementation added a prefix such as the context
     * root), the longest first.
     */
    Optional<GuardedOperation> find(String httpMethod, String documentedPath) {
        String method = httpMethod.toUpperCase(Locale.ROOT);
        String path = ResourcePath.normalise(documentedPath);
        return operations.stream()
                .filter(operation -> operation.method().equals(method) && ResourcePath.names(path, operation.path()))
                .max(Comparator.comparingInt((GuardedOperation operation) -> operation.path().equals(path) ? 1 : 0)
                        .thenComparingInt(operation -> operation.path().length()));
    }
}
