package dev.freshjwt.it;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceResponse;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.metrics.v1.AggregationTemporality;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.metrics.v1.NumberDataPoint;
import io.opentelemetry.proto.metrics.v1.ResourceMetrics;
import io.opentelemetry.proto.metrics.v1.ScopeMetrics;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.zip.GZIPInputStream;

/**
 * An OpenTelemetry collector as far as a server exporting metrics over OTLP/HTTP (protobuf) can tell: it answers
 * {@code POST /v1/metrics} (and accepts traces and logs), on 127.0.0.1 at the port the build reserved, and keeps what
 * arrived for one instrumentation scope, as a dashboard would show it: the latest value of each series.
 */
final class OtlpReceiver implements AutoCloseable {

    private final HttpServer server;
    private final BlockingQueue<ExportMetricsServiceRequest> requests = new LinkedBlockingQueue<>();

    private OtlpReceiver(HttpServer server) {
        this.server = server;
    }

    /** Listens on 127.0.0.1 at {@code port}. */
    static OtlpReceiver start(int port) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
            OtlpReceiver receiver = new OtlpReceiver(server);
            server.createContext("/", receiver::handle);
            server.start();
            return receiver;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on 127.0.0.1:" + port, e);
        }
    }

    /** The port the build reserved for the receiver, which the server configuration names too. */
    static int reservedPort() {
        String port = System.getProperty("otlp.port");
        if (port == null) {
            throw new IllegalStateException("otlp.port is not set: run the integration tests through 'mvn verify'");
        }
        return Integer.parseInt(port);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange; InputStream body = exchange.getRequestBody()) {
            InputStream content = "gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))
                    ? new GZIPInputStream(body) : body;
            byte[] answer = new byte[0];
            if ("POST".equals(exchange.getRequestMethod()) && exchange.getRequestURI().getPath().endsWith("/v1/metrics")) {
                requests.add(ExportMetricsServiceRequest.parseFrom(content));
                answer = ExportMetricsServiceResponse.getDefaultInstance().toByteArray();
            } else {
                content.readAllBytes();
            }
            exchange.getResponseHeaders().add("Content-Type", "application/x-protobuf");
            exchange.sendResponseHeaders(200, answer.length == 0 ? -1 : answer.length);
            exchange.getResponseBody().write(answer);
        }
    }

    /**
     * Takes in what the server exports until {@code until} holds for what arrived so far.
     *
     * @throws AssertionError when it does not hold within {@code timeout}, with what arrived
     */
    Exported await(Exported exported, Predicate<Exported> until, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (!until.test(exported)) {
            long left = Duration.between(Instant.now(), deadline).toMillis();
            ExportMetricsServiceRequest request;
            try {
                request = left <= 0 ? null : requests.poll(left, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
            if (request == null) {
                throw new AssertionError("not exported within " + timeout + "; received so far: " + exported);
            }
            exported.add(request);
        }
        return exported;
    }

    @Override
    public void close() {
        server.stop(0);
    }

    /** One series: a metric and one combination of attribute values. */
    record Series(String metric, Map<String, Object> attributes) {

        Series {
            attributes = new TreeMap<>(attributes);
        }

        @Override
        public String toString() {
            return metric + attributes;
        }
    }

    /**
     * What arrived for one instrumentation scope: the latest value of each series (cumulative sums are replaced, delta
     * sums added up), each metric's unit and kind; and the names of every other metric, to tell "nothing exported" from
     * "not ours".
     */
    static final class Exported {

        private final String scope;
        private final Map<Series, Double> values = new LinkedHashMap<>();
        private final Map<String, String> units = new TreeMap<>();
        private final Map<String, String> kinds = new TreeMap<>();
        private final Set<String> otherMetrics = new TreeSet<>();
        private int requests;

        Exported(String scope) {
            this.scope = scope;
        }

        void add(ExportMetricsServiceRequest request) {
            requests++;
            for (ResourceMetrics resource : request.getResourceMetricsList()) {
                for (ScopeMetrics scopeMetrics : resource.getScopeMetricsList()) {
                    boolean ours = scope.equals(scopeMetrics.getScope().getName());
                    for (Metric metric : scopeMetrics.getMetricsList()) {
                        if (ours) {
                            take(metric);
                        } else {
                            otherMetrics.add(metric.getName());
                        }
                    }
                }
            }
        }

        private void take(Metric metric) {
            units.put(metric.getName(), metric.getUnit());
            switch (metric.getDataCase()) {
                case SUM -> {
                    kinds.put(metric.getName(), metric.getSum().getIsMonotonic() ? "counter" : "updowncounter");
                    boolean delta = metric.getSum().getAggregationTemporality()
                            == AggregationTemporality.AGGREGATION_TEMPORALITY_DELTA;
                    for (NumberDataPoint point : metric.getSum().getDataPointsList()) {
                        Series series = new Series(metric.getName(), attributes(point.getAttributesList()));
                        values.merge(series, number(point), (old, now) -> delta ? old + now : now);
                    }
                }
                case GAUGE -> {
                    kinds.put(metric.getName(), "gauge");
                    for (NumberDataPoint point : metric.getGauge().getDataPointsList()) {
                        values.put(new Series(metric.getName(), attributes(point.getAttributesList())), number(point));
                    }
                }
                default -> kinds.put(metric.getName(), metric.getDataCase().toString());
            }
        }

        /** The latest value of a series; empty when it never arrived. */
        Optional<Double> value(String metric, Map<String, Object> attributes) {
            return Optional.ofNullable(values.get(new Series(metric, attributes)));
        }

        /** The latest value of a series, 0 when it never arrived (a counter nothing has counted yet). */
        double count(String metric, Map<String, Object> attributes) {
            return value(metric, attributes).orElse(0.0);
        }

        /** Every series of a metric. */
        Map<Map<String, Object>, Double> series(String metric) {
            Map<Map<String, Object>, Double> series = new LinkedHashMap<>();
            values.forEach((key, value) -> {
                if (key.metric().equals(metric)) {
                    series.put(key.attributes(), value);
                }
            });
            return series;
        }

        Optional<String> unit(String metric) {
            return Optional.ofNullable(units.get(metric));
        }

        Optional<String> kind(String metric) {
            return Optional.ofNullable(kinds.get(metric));
        }

        Set<String> metrics() {
            return units.keySet();
        }

        /** A copy of the values so far, to count from. */
        Map<Series, Double> snapshot() {
            return Map.copyOf(values);
        }

        @Override
        public String toString() {
            return requests + " export requests; scope " + scope + ": " + values + " units " + units + "; other metrics: "
                    + otherMetrics;
        }

        private static double number(NumberDataPoint point) {
            return point.getValueCase() == NumberDataPoint.ValueCase.AS_INT ? point.getAsInt() : point.getAsDouble();
        }

        private static Map<String, Object> attributes(List<KeyValue> attributes) {
            Map<String, Object> map = new TreeMap<>();
            for (KeyValue attribute : attributes) {
                map.put(attribute.getKey(), value(attribute.getValue()));
            }
            return map;
        }

        private static Object value(AnyValue value) {
            return switch (value.getValueCase()) {
                case STRING_VALUE -> value.getStringValue();
                case BOOL_VALUE -> value.getBoolValue();
                case INT_VALUE -> value.getIntValue();
                case DOUBLE_VALUE -> value.getDoubleValue();
                default -> value.toString();
            };
        }
    }
}
