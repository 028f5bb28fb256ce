package dev.freshjwt.internal.openapi;

import dev.freshjwt.FreshJwtException;
import dev.freshjwt.internal.cookie.CookieSettings;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AfterBeanDiscovery;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessAnnotatedType;
import jakarta.enterprise.inject.spi.WithAnnotations;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.Path;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Finds the JAX-RS root resource classes and the {@code @ApplicationPath} while CDI discovers the application, and
 * publishes their resource methods with freshjwt's requirements ({@link GuardedOperations}) for the OpenAPI filter,
 * which sees only the OpenAPI model. Resource classes are found when CDI discovers them: with
 * {@code bean-discovery-mode="annotated"} they need a bean-defining annotation such as {@code @RequestScoped}.
 */
public class OpenApiRegistrar implements Extension {

    private static final Logger LOG = Logger.getLogger(OpenApiRegistrar.class.getName());

    // Containers may fire ProcessAnnotatedType from several threads (Weld's concurrent deployment).
    private final Set<Class<?>> resources = ConcurrentHashMap.newKeySet();
    private final Set<String> applicationPaths = ConcurrentHashMap.newKeySet();

    void findApplicationPath(@Observes @WithAnnotations(ApplicationPath.class) ProcessAnnotatedType<?> event) {
        ApplicationPath path = event.getAnnotatedType().getJavaClass().getAnnotation(ApplicationPath.class);
        if (path != null) {
            applicationPaths.add(ResourcePath.normalise(path.value()));
        }
    }

    void findResource(@Observes @WithAnnotations(Path.class) ProcessAnnotatedType<?> event) {
        Class<?> type = event.getAnnotatedType().getJavaClass();
        if (type.isAnnotationPresent(Path.class) && !type.isInterface() && !Modifier.isAbstract(type.getModifiers())) {
            resources.add(type);
        }
    }

    void publish(@Observes AfterBeanDiscovery event) {
        // With several Application subclasses the paths cannot be told apart here; the filter then matches the end of
        // each documented path instead.
        String applicationPath = applicationPaths.size() == 1 ? applicationPaths.iterator().next() : null;
        List<GuardedOperation> operations = new ArrayList<>();
        for (Class<?> resource : resources) {
            operations.addAll(ResourceOperations.of(applicationPath, resource));
        }
        CookieSettings cookies = cookieSettings();
        GuardedOperations.publish(new GuardedOperations(operations, cookies.cookie(), cookies.csrfHeader()));
        LOG.fine(() -> "freshjwt found " + operations.size() + " resource methods for OpenAPI");
    }

    private static CookieSettings cookieSettings() {
        try {
            return CookieSettings.load(ConfigProvider.getConfig());
        } catch (FreshJwtException e) {
            return CookieSettings.HEADER_ONLY; // the deployment fails anyway, naming the key (FreshJwtExtension)
        }
    }
}
