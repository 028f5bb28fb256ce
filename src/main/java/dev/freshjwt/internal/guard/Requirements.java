package dev.freshjwt.internal.guard;

import dev.freshjwt.AccessTokenRequired;
import dev.freshjwt.FreshRequired;
import dev.freshjwt.RefreshTokenRequired;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.util.List;

/**
 * Reads an endpoint's {@link Requirement} from its annotations: the method's own annotations win over its
 * class's; on one element {@code @FreshRequired} wins over {@code @AccessTokenRequired}.
 */
public final class Requirements {

    private Requirements() {
    }

    /**
     * @param type the class whose instance is invoked (class annotations are {@code @Inherited})
     * @param method the invoked method
     * @throws IllegalStateException when one element asks for both a refresh token and an access token
     */
    public static Requirement of(Class<?> type, Method method) {
        Requirement onMethod = declaredOn(method);
        if (onMethod != null) {
            return onMethod;
        }
        Requirement onType = declaredOn(type);
        return onType != null ? onType : Requirement.NONE;
    }

    private static Requirement declaredOn(AnnotatedElement element) {
        FreshRequired fresh = element.getAnnotation(FreshRequired.class);
        boolean refresh = element.isAnnotationPresent(RefreshTokenRequired.class);
        if (refresh && (fresh != null || element.isAnnotationPresent(AccessTokenRequired.class))) {
            throw new IllegalStateException(element + " requires both a refresh token and an access token;"
                    + " no token can satisfy both");
        }
        if (refresh) {
            return Requirement.REFRESH;
        }
        if (fresh != null) {
            return Requirement.fresh(fresh.maxAge(), List.of(fresh.acr()));
        }
        return element.isAnnotationPresent(AccessTokenRequired.class) ? Requirement.ACCESS : null;
    }
}
