package dev.freshjwt.internal.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ResourcePathTest {

    @Test
    void partsAreJoinedWithSingleSlashesAndNoTrailingSlash() {
        assertEquals("/protected", ResourcePath.join("/", "/", "protected"));
        assertEquals("/api/session/refresh", ResourcePath.join("api/", "/session/", "/refresh/"));
        assertEquals("/.well-known/jwks.json", ResourcePath.join("/", "/.well-known/jwks.json", null));
        assertEquals("/", ResourcePath.join("/", "", null));
        assertEquals("/", ResourcePath.join());
    }

    @Test
    void templatesLoseTheirRegularExpressions() {
        assertEquals("/users/{id}/orders/{order}", ResourcePath.join("users", "{id: \\d+}/orders/{ order }"));
        assertEquals("/files/{path}", ResourcePath.join("files", "{path: .+/[a-z]{2,3}}"));
    }

    @Test
    void documentedPathNamesTheResourcePathExactlyOrBelowAPrefix() {
        assertTrue(ResourcePath.names("/session/refresh", "/session/refresh"));
        assertTrue(ResourcePath.names("/ROOT/session/refresh/", "/session/refresh"));
        assertTrue(ResourcePath.names("/session/refresh", "/refresh"));
        assertFalse(ResourcePath.names("/session/xrefresh", "/refresh"));
        assertFalse(ResourcePath.names("/session", "/"));
        assertTrue(ResourcePath.names("/", "/"));
    }
}
