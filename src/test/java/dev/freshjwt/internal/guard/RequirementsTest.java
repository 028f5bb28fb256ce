package dev.freshjwt.internal.guard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.freshjwt.AccessTokenRequired;
import dev.freshjwt.FreshRequired;
import dev.freshjwt.RefreshTokenRequired;
import java.lang.reflect.Method;
import java.util.List;
import org.junit.jupiter.api.Test;

class RequirementsTest {

    @AccessTokenRequired
    static class Annotated {
        public void inherited() {
        }

        @FreshRequired(maxAge = 60)
        public void fresh() {
        }

        @RefreshTokenRequired
        public void refresh() {
        }

        @FreshRequired
        @AccessTokenRequired
        public void both() {
        }

        @RefreshTokenRequired
        @AccessTokenRequired
        public void contradictory() {
        }

        @FreshRequired(acr = {"mfa", "hwk"}, maxAge = 300)
        public void transfer() {
        }
    }

    static class Subclass extends Annotated {
    }

    static class Plain {
        public void open() {
        }
    }

    @Test
    void classAnnotationAppliesToUnannotatedMethods() throws Exception {
        assertEquals(Requirement.ACCESS, of(Annotated.class, "inherited"));
    }

    @Test
    void methodAnnotationWinsOverClassAnnotation() throws Exception {
        assertEquals(Requirement.fresh(60), of(Annotated.class, "fresh"));
        assertEquals(Requirement.REFRESH, of(Annotated.class, "refresh"));
    }

    @Test
    void acrValuesAreReadInTheirOrder() throws Exception {
        assertEquals(Requirement.fresh(300, List.of("mfa", "hwk")), of(Annotated.class, "transfer"));
    }

    @Test
    void freshRequiredWinsOverAccessTokenRequiredOnOneElement() throws Exception {
        assertEquals(Requirement.fresh(-1), of(Annotated.class, "both"));
    }

    @Test
    void classAnnotationsAreInheritedBySubclasses() throws Exception {
        assertEquals(Requirement.ACCESS, Requirements.of(Subclass.class, Annotated.class.getMethod("inherited")));
    }

    @Test
    void unannotatedMethodsOnlyRefuseRefreshTokens() throws Exception {
        assertEquals(Requirement.NONE, of(Plain.class, "open"));
    }

    @Test
    void askingForBothTokenTypesIsADeploymentError() {
        assertThrows(IllegalStateException.class, () -> of(Annotated.class, "contradictory"));
    }

    private static Requirement of(Class<?> type, String method) throws Exception {
        Method m = type.getMethod(method);
        return Requirements.of(type, m);
    }
}
