package dev.freshjwt.internal.revocation;

/** How the operator names a revocation store: as {@code freshjwt.revocation.store} names the built-in ones. */
public final class StoreKind {

    private StoreKind() {
    }

    /**
     * @param storeClass the class name a {@link RevocationHealth} reports
     * @return {@code memory}, {@code jcache} or {@code jdbc} for the built-in stores, else {@code storeClass} (an
     *     application's own {@link dev.freshjwt.RevocationStore})
     */
    public static String of(String storeClass) {
        if (InMemoryRevocationStore.class.getName().equals(storeClass)) {
            return "memory";
        }
        if (JCacheRevocationStore.class.getName().equals(storeClass)) {
            return "jcache";
        }
        if (JdbcRevocationStore.class.getName().equals(storeClass)) {
            return "jdbc";
        }
        return storeClass;
    }
}
