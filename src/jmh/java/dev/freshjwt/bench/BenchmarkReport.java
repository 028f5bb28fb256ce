package dev.freshjwt.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs every benchmark (JMH micro-benchmarks, token sizes, HTTP on Payara Micro, HTTP on a Payara Micro cluster, start-up
 * with a million revocations in PostgreSQL) and
 * writes one Markdown report to {@code target/bench/benchmarks.md}: {@code mvn -Pbench -DskipTests verify}; only some
 * of them with {@code -Dbench.only=cluster} (or {@code jmh}, {@code sizes}, {@code http}, {@code startup}, separated by
 * commas).
 */
public final class BenchmarkReport {

    private static final String PARTS = "jmh,sizes,http,cluster,startup";

    private BenchmarkReport() {
    }

    public static void main(String[] args) throws Exception {
        Set<String> parts = parts(System.getProperty("bench.only", "all"));
        Path out = Path.of("target", "bench");
        Files.createDirectories(out);
        StringBuilder report = new StringBuilder();
        if (parts.contains("jmh")) {
            report.append(microBenchmarks());
        }
        if (parts.contains("sizes")) {
            report.append("\n## Token sizes\n\n").append(TokenSizes.table());
        }
        if (parts.contains("http")) {
            report.append("\n## HTTP on Payara Micro\n\n").append(HttpBenchmark.table(out));
        }
        if (parts.contains("cluster")) {
            report.append("\n## HTTP on a Payara Micro cluster\n\n").append(ClusterBenchmark.report(out));
        }
        if (parts.contains("startup")) {
            report.append("\n## Start-up with 1 000 000 revocations in PostgreSQL\n\n").append(StartupBenchmark.report(out));
        }
        Files.writeString(out.resolve("benchmarks.md"), report);
        System.out.println(report);
    }

    /** {@code all}, or some of {@value #PARTS} separated by commas: {@code -Dbench.only=cluster}. */
    private static Set<String> parts(String only) {
        Set<String> known = new LinkedHashSet<>(List.of(PARTS.split(",")));
        if (only.isBlank() || only.strip().equals("all")) {
            return known;
        }
        Set<String> parts = new LinkedHashSet<>();
        for (String part : only.split(",")) {
            if (!known.contains(part.strip())) {
                throw new IllegalArgumentException("bench.only=" + only + ": say all, or some of " + PARTS);
            }
            parts.add(part.strip());
        }
        return parts;
    }

    private static String microBenchmarks() throws Exception {
        Options options = new OptionsBuilder()
                .include("dev\\.freshjwt\\.(MintBenchmark|internal\\.guard\\.GuardBenchmark|internal\\.revocation\\.RevocationBenchmark)")
                .forks(1).warmupIterations(4).warmupTime(TimeValue.seconds(1))
                .measurementIterations(6).measurementTime(TimeValue.seconds(1))
                .addProfiler("gc").timeUnit(TimeUnit.NANOSECONDS).build();
        Collection<RunResult> results = new Runner(options).run();
        StringBuilder report = new StringBuilder("## Micro-benchmarks (JMH, ns/op, one fork)\n\n")
                .append("| benchmark | param | ns/op | ± | B/op |\n|---|---|---:|---:|---:|\n");
        Map<String, Double> scores = new HashMap<>();
        for (RunResult result : results) {
            String name = result.getParams().getBenchmark().replaceFirst(".*\\.([A-Za-z]+\\.[A-Za-z]+)$", "$1");
            String param = String.join(",", result.getParams().getParamsKeys().stream()
                    .map(result.getParams()::getParam).toList());
            Result<?> primary = result.getPrimaryResult();
            Double alloc = allocatedBytes(result);
            scores.put(name + "/" + param, primary.getScore());
            report.append(String.format(Locale.ROOT, "| %s | %s | %.1f | %.1f | %s |%n", name, param, primary.getScore(),
                    primary.getScoreError(), alloc == null ? "" : String.format(Locale.ROOT, "%.0f", alloc)));
        }
        report.append("\n### Ratios\n\n| ratio | RS256 | ES256 |\n|---|---:|---:|\n");
        ratio(report, scores, "mint: freshjwt / jose4j", "MintBenchmark.freshjwtAccessToken", "MintBenchmark.joseAccessToken");
        ratio(report, scores, "verify: freshjwt / jose4j", "MintBenchmark.freshjwtVerify", "MintBenchmark.joseVerify");
        return report.toString();
    }

    /** The gc profiler's bytes allocated per operation; JMH's API hands secondary results out as a raw map. */
    @SuppressWarnings("rawtypes")
    private static Double allocatedBytes(RunResult result) {
        for (Map.Entry<String, Result> entry : result.getSecondaryResults().entrySet()) {
            if (entry.getKey().endsWith("gc.alloc.rate.norm")) {
                return entry.getValue().getScore();
            }
        }
        return null;
    }

    private static void ratio(StringBuilder report, Map<String, Double> scores, String label, String ours, String raw) {
        report.append("| ").append(label);
        for (String algorithm : new String[] {"RS256", "ES256"}) {
            report.append(String.format(Locale.ROOT, " | %.3f", scores.get(ours + "/" + algorithm) / scores.get(raw + "/" + algorithm)));
        }
        report.append(" |\n");
    }
}
