package dev.freshjwt.internal.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.freshjwt.AccessTokenRequired;
import dev.freshjwt.FreshRequired;
import dev.freshjwt.RefreshTokenRequired;
import dev.freshjwt.internal.guard.Requirement;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResourceOperationsTest {

    interface Contract {
        @PUT
        @Path("{id: \\d+}")
        void update(long id);
    }

    @Path("/items/")
    @AccessTokenRequired
    public static class Items implements Contract {

        @GET
        public String list() {
            return "";
        }

        @POST
        @Path("/{id}/approve")
        @FreshRequired(maxAge = 300)
        public void approve(long id) {
        }

        @POST
        @Path("refresh")
        @RefreshTokenRequired
        public void refresh() {
        }

        @Override
        public void update(long id) {
        }

        @Path("sub")
        public Object locator() {
            return null;
        }

        public void notAResourceMethod() {
        }
    }

    @Path("open")
    public static class Open {
        @DELETE
        public void remove() {
        }
    }

    @Test
    void everyResourceMethodIsListedWithItsFullPathAndRequirement() {
        List<GuardedOperation> operations = ResourceOperations.of("/api", Items.class).stream()
                .sorted(Comparator.comparing(GuardedOperation::path).thenComparing(GuardedOperation::method)).toList();
        assertEquals(List.of(
                new GuardedOperation("GET", "/api/items", Requirement.ACCESS),
                new GuardedOperation("POST", "/api/items/refresh", Requirement.REFRESH),
                new GuardedOperation("PUT", "/api/items/{id}", Requirement.ACCESS),
                new GuardedOperation("POST", "/api/items/{id}/approve", Requirement.fresh(300))), operations);
    }

    @Test
    void unannotatedMethodsAreListedAsUnguarded() {
        List<GuardedOperation> operations = ResourceOperations.of(null, Open.class);
        assertEquals(List.of(new GuardedOperation("DELETE", "/open", Requirement.NONE)), operations);
        assertEquals(false, operations.get(0).guarded());
        assertEquals(true, operations.get(0).changesState());
    }
}
