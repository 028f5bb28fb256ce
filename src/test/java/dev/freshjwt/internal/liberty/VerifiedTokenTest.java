package dev.freshjwt.internal.liberty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.List;
import java.util.Set;
import org.jose4j.jwt.JwtClaims;
import org.junit.jupiter.api.Test;

/** The caller principal on Open Liberty with cookies on: claims as Liberty's own MP JWT handed them out. */
class VerifiedTokenTest {

    @Test
    void claimsComeAsLibertysMpJwtGaveThem() throws Exception {
        JwtClaims claims = JwtClaims.parse("{\"iss\":\"i\",\"sub\":\"s\",\"upn\":\"alice\",\"groups\":[\"user\",\"admin\"],"
                + "\"aud\":\"api\",\"exp\":1796021850,\"auth_time\":1796020950,\"fresh\":true,\"csrf\":\"c\"}");
        VerifiedToken token = new VerifiedToken("raw.token.here", claims);
        assertEquals("alice", token.getName());
        assertEquals("raw.token.here", token.getRawToken());
        assertEquals(Set.of("user", "admin"), token.getGroups());
        assertEquals(Set.of("api"), token.getAudience());
        assertEquals(1796021850L, token.getExpirationTime());
        assertEquals(Long.valueOf(1796020950L), token.<Long>getClaim("auth_time"));
        assertEquals(Boolean.TRUE, token.getClaim("fresh"));
        assertTrue(token.getClaimNames().containsAll(List.of("raw_token", "groups", "csrf")));
        assertNull(token.getClaim("missing"));

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(token);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            assertEquals(token, in.readObject());
        }
    }

    @Test
    void theNameFallsBackToPreferredUsernameThenSubject() throws Exception {
        assertEquals("bob", new VerifiedToken("r", JwtClaims.parse("{\"sub\":\"s\",\"preferred_username\":\"bob\"}")).getName());
        assertEquals("s", new VerifiedToken("r", JwtClaims.parse("{\"sub\":\"s\"}")).getName());
    }
}
