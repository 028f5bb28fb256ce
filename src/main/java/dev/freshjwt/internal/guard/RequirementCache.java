package dev.freshjwt.internal.guard;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@link Requirements#of} resolved once per invoked class and method: reflection happens on the first call
 * only. Thread-safe; holds no strong reference that keeps a class loader alive.
 */
public final class RequirementCache {

    private final ClassValue<Map<Method, Requirement>> byType = new ClassValue<>() {
        @Override
        protected Map<Method, Requirement> computeValue(Class<?> type) {
            return new ConcurrentHashMap<>();
        }
    };

    /** The requirement of {@code method} invoked on an instance of {@code type}. */
    public Requirement of(Class<?> type, Method method) {
        Map<Method, Requirement> methods = byType.get(type);
        Requirement requirement = methods.get(method);
        return requirement != null ? requirement : methods.computeIfAbsent(method, m -> Requirements.of(type, m));
    }
}
