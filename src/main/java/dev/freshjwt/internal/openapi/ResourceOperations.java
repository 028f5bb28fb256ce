package dev.freshjwt.internal.openapi;

import dev.freshjwt.internal.guard.Requirement;
import dev.freshjwt.internal.guard.Requirements;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Lists the resource methods of a JAX-RS resource class with their HTTP method, full path and {@link Requirement}.
 * JAX-RS annotations are inherited from a superclass or interface method when the method itself has none; sub-resource
 * locators (a {@code @Path} without an HTTP method) are left out.
 */
final class ResourceOperations {

    private static final Logger LOG = Logger.getLogger(ResourceOperations.class.getName());

    private ResourceOperations() {
    }

    /**
     * @param applicationPath the {@code @ApplicationPath} value, or {@code null} when unknown
     * @param type a class annotated with {@code @Path}
     */
    static List<GuardedOperation> of(String applicationPath, Class<?> type) {
        Path classPath = type.getAnnotation(Path.class);
        List<GuardedOperation> operations = new ArrayList<>();
        for (Method method : type.getMethods()) {
            if (method.isBridge() || method.isSynthetic() || Modifier.isStatic(method.getModifiers())) {
                continue;
            }
            Optional<Method> declaration = jaxRsDeclaration(type, method);
            if (declaration.isEmpty()) {
                continue;
            }
            String httpMethod = httpMethod(declaration.get());
            if (httpMethod == null) {
                continue; // a sub-resource locator
            }
            Path methodPath = declaration.get().getAnnotation(Path.class);
            String path = ResourcePath.join(applicationPath, classPath == null ? null : classPath.value(),
                    methodPath == null ? null : methodPath.value());
            try {
                operations.add(new GuardedOperation(httpMethod, path, Requirements.of(type, method)));
            } catch (IllegalStateException contradictory) {
                LOG.warning("freshjwt leaves " + httpMethod + " " + path + " out of the OpenAPI document: "
                        + contradictory.getMessage());
            }
        }
        return operations;
    }

    /** The method itself if it carries JAX-RS annotations, else the first overridden declaration that does. */
    private static Optional<Method> jaxRsDeclaration(Class<?> type, Method method) {
        if (isResourceMethod(method)) {
            return Optional.of(method);
        }
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            Optional<Method> found = declared(c, method).filter(ResourceOperations::isResourceMethod);
            if (found.isPresent()) {
                return found;
            }
            for (Class<?> contract : c.getInterfaces()) {
                found = declared(contract, method).filter(ResourceOperations::isResourceMethod);
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<Method> declared(Class<?> owner, Method method) {
        try {
            return Optional.of(owner.getDeclaredMethod(method.getName(), method.getParameterTypes()));
        } catch (NoSuchMethodException e) {
            return Optional.empty();
        }
    }

    private static boolean isResourceMethod(Method method) {
        return method.isAnnotationPresent(Path.class) || httpMethod(method) != null;
    }

    /** The value of the method's {@code @GET}, {@code @POST}, … (any annotation annotated {@code @HttpMethod}). */
    private static String httpMethod(Method method) {
        for (Annotation annotation : method.getAnnotations()) {
            HttpMethod http = annotation.annotationType().getAnnotation(HttpMethod.class);
            if (http != null) {
                return http.value().toUpperCase(java.util.Locale.ROOT);
            }
        }
        return null;
    }
}
