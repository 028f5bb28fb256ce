package dev.freshjwt.internal.cdi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class FreshJwtExtensionTest {

    @Test
    void theReadinessCheckIsAddedWhereMicroProfileHealthIsVisible() {
        assertEquals("dev.freshjwt.internal.health.FreshJwtReadinessCheck",
                FreshJwtExtension.readinessCheck(getClass().getClassLoader()).orElseThrow().getName());
    }

    @Test
    void withoutMicroProfileHealthNothingIsAddedAndNothingFails() {
        assertTrue(FreshJwtExtension.readinessCheck(new WithoutHealth(getClass().getClassLoader())).isEmpty());
    }

    /** A server without MicroProfile Health, as the application sees it (Open Liberty without mpHealth). */
    private static final class WithoutHealth extends ClassLoader {

        WithoutHealth(ClassLoader parent) {
            super(parent);
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (name.startsWith("org.eclipse.microprofile.health.")) {
                throw new ClassNotFoundException(name);
            }
            return super.loadClass(name, resolve);
        }
    }
}
