package dev.freshjwt.unit;

import dev.freshjwt.TokenRefusal;
import dev.freshjwt.TokenType;
import dev.freshjwt.internal.metrics.ApplicationMetrics;
import dev.freshjwt.internal.metrics.Metrics;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The application's metrics during each test ({@code @RegisterExtension}): what freshjwt recorded, one line each, such
 * as {@code "refusal NOT_FRESH 401"}, {@code "issued ACCESS fresh"}, {@code "reuse"}, {@code "revoked SESSION"}.
 */
public final class RecordingMetrics implements Metrics, BeforeEachCallback, AfterEachCallback {

    private final List<String> recorded = new CopyOnWriteArrayList<>();

    /** What was recorded, in order. */
    public List<String> recorded() {
        return List.copyOf(recorded);
    }

    /** Forgets what was recorded so far. */
    public void clear() {
        recorded.clear();
    }

    @Override
    public void refusal(TokenRefusal.Reason reason, int status) {
        recorded.add("refusal " + reason + " " + status);
    }

    @Override
    public void issued(TokenType type, boolean fresh) {
        recorded.add("issued " + type + (type == TokenType.ACCESS ? fresh ? " fresh" : " stale" : ""));
    }

    @Override
    public void refreshTokenReused() {
        recorded.add("reuse");
    }

    @Override
    public void revoked(RevocationKind kind) {
        recorded.add("revoked " + kind);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        ApplicationMetrics.install(this);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        ApplicationMetrics.install(null);
    }
}
