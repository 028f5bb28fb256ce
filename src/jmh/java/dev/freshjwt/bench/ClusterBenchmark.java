package dev.freshjwt.bench;

import dev.freshjwt.it.PayaraMicroCluster;
import dev.freshjwt.it.PayaraMicroProcess;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Issue 9, section 1: what the per-request revocation check costs a clustered member against a single instance, and
 * how fast a revocation made on one member reaches the other ({@link RevocationPropagation}).
 *
 * <p>Three Payara Micro JVMs run the same demo WAR with the same key and heap: a single instance with the in-memory
 * store, and two members clustered over loopback with the JCache store in the data grid. All three stay up for the
 * whole run, and one at a time is loaded: {@code GET /protected} with one access token, keep-alive, the client of
 * {@link HttpBenchmark}. After a warm-up that lasts until none of them gets faster, each round loads the single
 * instance, member A and member B, in an order that rotates from round to round. The CPU every JVM used while each
 * one was loaded shows what the idle ones took from the two cores.
 */
final class ClusterBenchmark {

    static final int ROUNDS = 5;
    private static final Duration WARMUP_PASS = Duration.ofSeconds(10);
    private static final int MIN_WARMUP_PASSES = 4;
    private static final int MAX_WARMUP_PASSES = 12;
    private static final Duration START = Duration.ofMinutes(4);
    private static final List<String> NAMES = List.of("single instance, memory store", "cluster member A, JCache store",
            "cluster member B, JCache store");

    private ClusterBenchmark() {
    }

    static String report(Path workDir) throws Exception {
        Path dir = workDir.resolve("cluster");
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        try (PayaraMicroCluster cluster = new PayaraMicroCluster(dir, "freshjwt.revocation.store=jcache");
                PayaraMicroProcess single = new PayaraMicroProcess(dir.resolve("single.log"), singleOptions(cluster),
                        PayaraMicroProcess.singleInstance(), cluster.war())) {
            List<PayaraMicroProcess> servers = List.of(single, cluster.member(0), cluster.member(1));
            cluster.awaitReady(START);
            single.awaitReady(() -> HttpBenchmark.login(client, single.base()) != null, START);
            RevocationPropagation propagation = new RevocationPropagation(client, cluster.base(0), cluster.base(1));
            propagation.awaitDataGrid(START);

            String token = HttpBenchmark.login(client, cluster.base(0));
            List<HttpRequest> requests = servers.stream()
                    .map(server -> HttpBenchmark.authorized(server.base().resolve("protected"), token)).toList();
            int[] warmUpPasses = warmUp(requests);
            List<Side> sides = List.of(new Side(), new Side(), new Side());
            for (int round = 0; round < ROUNDS; round++) {
                for (int i = 0; i < servers.size(); i++) {
                    int loaded = (round + i) % servers.size();
                    HttpBenchmark.load(requests.get(loaded), HttpBenchmark.WARMUP);
                    Duration[] before = cpuTimes(servers);
                    long start = System.nanoTime();
                    long[] latencies = HttpBenchmark.load(requests.get(loaded), HttpBenchmark.MEASURE);
                    sides.get(loaded).add(latencies, System.nanoTime() - start, before, cpuTimes(servers));
                    System.err.printf(Locale.ROOT, "cluster round %d/%d, %s: %.0f req/s%n", round + 1, ROUNDS,
                            NAMES.get(loaded), perSecond(latencies, HttpBenchmark.MEASURE));
                }
            }
            return throughputTable(sides, warmUpPasses) + "\n" + propagation.table();
        }
    }

    /**
     * Loads each JVM in turn for {@link #WARMUP_PASS} until none gets faster: its last two passes each at most 5 %
     * above its best earlier pass, after {@value #MIN_WARMUP_PASSES} passes at least and {@value #MAX_WARMUP_PASSES}
     * at most. A fresh Payara Micro needs a minute or more of load before its throughput stops rising (the JIT), and
     * longer the busier the machine: a fixed warm-up would be too short there, or wasted on a quiet machine.
     *
     * @return the passes each JVM took
     */
    private static int[] warmUp(List<HttpRequest> requests) throws Exception {
        List<List<Double>> rates = new ArrayList<>();
        requests.forEach(request -> rates.add(new ArrayList<>()));
        int[] passes = new int[requests.size()];
        boolean warming = true;
        while (warming) {
            warming = false;
            for (int i = 0; i < requests.size(); i++) {
                if (!warm(rates.get(i))) {
                    double rate = perSecond(HttpBenchmark.load(requests.get(i), WARMUP_PASS), WARMUP_PASS);
                    rates.get(i).add(rate);
                    passes[i] = rates.get(i).size();
                    System.err.printf(Locale.ROOT, "cluster warm-up %d, %s: %.0f req/s%n", passes[i], NAMES.get(i),
                            rate);
                    warming |= !warm(rates.get(i));
                }
            }
        }
        return passes;
    }

    private static boolean warm(List<Double> rates) {
        int n = rates.size();
        if (n >= MAX_WARMUP_PASSES) {
            return true;
        }
        if (n < MIN_WARMUP_PASSES) {
            return false;
        }
        double best = rates.subList(0, n - 2).stream().mapToDouble(Double::doubleValue).max().orElseThrow();
        return rates.get(n - 2) <= 1.05 * best && rates.get(n - 1) <= 1.05 * best;
    }

    /** Requests completed in a window, per second of the window (as {@link HttpBenchmark} counts them). */
    private static double perSecond(long[] latencies, Duration window) {
        return latencies.length / (double) window.toSeconds();
    }

    /** The members' heap and key, the in-memory store, no data grid. */
    private static List<String> singleOptions(PayaraMicroCluster cluster) {
        List<String> options = new ArrayList<>(cluster.sharedJvmOptions());
        options.add("-Dfreshjwt.revocation.store=memory");
        return options;
    }

    /** CPU used so far by the three servers, then by this JVM (the client). */
    private static Duration[] cpuTimes(List<PayaraMicroProcess> servers) {
        Duration[] times = new Duration[servers.size() + 1];
        for (int i = 0; i < servers.size(); i++) {
            times[i] = servers.get(i).cpuTime();
        }
        times[servers.size()] = ProcessHandle.current().info().totalCpuDuration().orElse(Duration.ZERO);
        return times;
    }

    private static String throughputTable(List<Side> sides, int[] warmUpPasses) {
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "Three Payara Micro JVMs (same demo WAR, key"
                + " and heap), all up, one loaded at a time: `GET /protected` with one access token, %d client threads,"
                + " keep-alive. Warm-up until no JVM got faster (%d-s passes in turn: single %d, member A %d, member B"
                + " %d; at most %d). Then %d interleaved rounds of %d s (after %d s of warm-up) per JVM, the order"
                + " rotating by round. req/s: the median of the rounds; latencies over all rounds; vs single: the ratio"
                + " of the medians, and the median of the rounds' own ratios (each round's member against the same round's"
                + " single instance, which cancels a drift from round to round).%n%n"
                + "| loaded | req/s | each round | p50 ms | p99 ms | vs single | vs single, by round |%n"
                + "|---|---:|---|---:|---:|---:|---:|%n",
                HttpBenchmark.THREADS, WARMUP_PASS.toSeconds(), warmUpPasses[0], warmUpPasses[1], warmUpPasses[2],
                MAX_WARMUP_PASSES, ROUNDS, HttpBenchmark.MEASURE.toSeconds(), HttpBenchmark.WARMUP.toSeconds()));
        double single = sides.get(0).medianPerSecond();
        for (int i = 0; i < sides.size(); i++) {
            Side side = sides.get(i);
            long[] all = side.latencies.stream().flatMapToLong(Arrays::stream).sorted().toArray();
            List<Double> byRound = new ArrayList<>();
            for (int round = 0; round < ROUNDS; round++) {
                byRound.add(side.perSecond.get(round) / sides.get(0).perSecond.get(round));
            }
            out.append(String.format(Locale.ROOT, "| %s | %.0f | %s | %.2f | %.2f | %.3f | %.3f |%n", NAMES.get(i),
                    side.medianPerSecond(), side.perSecond.stream().map(r -> String.format(Locale.ROOT, "%.0f", r))
                            .collect(Collectors.joining(" / ")), all[all.length / 2] / 1e6,
                    all[(int) (all.length * 0.99)] / 1e6, side.medianPerSecond() / single, median(byRound)));
        }
        out.append("\nCPU used while each JVM was loaded, in cores (the machine has 2):\n\n")
                .append("| loaded | single | member A | member B | client |\n|---|---:|---:|---:|---:|\n");
        for (int i = 0; i < sides.size(); i++) {
            out.append("| ").append(NAMES.get(i));
            for (double cores : sides.get(i).cores()) {
                out.append(String.format(Locale.ROOT, " | %.2f", cores));
            }
            out.append(" |\n");
        }
        return out.toString();
    }

    private static double median(List<Double> values) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return sorted.length % 2 == 1 ? sorted[sorted.length / 2]
                : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
    }

    /** The windows in which one JVM was loaded, in round order. */
    private static final class Side {

        private final List<Double> perSecond = new ArrayList<>();
        private final List<long[]> latencies = new ArrayList<>();
        private final long[] cpuNanos = new long[4];
        private long wallNanos;

        void add(long[] windowLatencies, long windowNanos, Duration[] cpuBefore, Duration[] cpuAfter) {
            perSecond.add(ClusterBenchmark.perSecond(windowLatencies, HttpBenchmark.MEASURE));
            latencies.add(windowLatencies);
            wallNanos += windowNanos;
            for (int i = 0; i < cpuNanos.length; i++) {
                cpuNanos[i] += cpuAfter[i].minus(cpuBefore[i]).toNanos();
            }
        }

        double medianPerSecond() {
            return median(perSecond);
        }

        double[] cores() {
            return Arrays.stream(cpuNanos).mapToDouble(nanos -> nanos / (double) wallNanos).toArray();
        }
    }
}
