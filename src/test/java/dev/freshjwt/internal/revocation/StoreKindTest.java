package dev.freshjwt.internal.revocation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class StoreKindTest {

    @Test
    void builtInStoresAreNamedAsTheConfigurationNamesThem() {
        assertEquals("memory", StoreKind.of(InMemoryRevocationStore.class.getName()));
        assertEquals("jcache", StoreKind.of(JCacheRevocationStore.class.getName()));
        assertEquals("jdbc", StoreKind.of(JdbcRevocationStore.class.getName()));
    }

    @Test
    void anApplicationsOwnStoreKeepsItsClassName() {
        assertEquals("com.example.RedisRevocations", StoreKind.of("com.example.RedisRevocations"));
    }
}
