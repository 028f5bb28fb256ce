package dev.freshjwt.bench;

import dev.freshjwt.bench.plain.PlainApplication;
import dev.freshjwt.bench.plain.PlainResource;
import dev.freshjwt.bench.web.BenchResource;
import dev.freshjwt.it.Deployments;
import dev.freshjwt.it.PayaraMicroProcess;
import dev.freshjwt.testing.TestKeys;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * Requests per second and latency of one trivial operation on Payara Micro behind (a) nothing, (b) MicroProfile
 * JWT only ({@code @RolesAllowed}, an application without freshjwt), (c) MP-JWT + {@code @AccessTokenRequired},
 * (d) MP-JWT + {@code @FreshRequired}, (e) as (c) with the token in the access cookie instead of the header (the
 * cookie bridge verifies it once more before Payara does): keep-alive connections from this JVM, variants
 * interleaved in rounds. (b') is (b) inside the application that has freshjwt, whose global filter (refresh-token
 * refusal, revocation lookup) runs on every resource.
 */
final class HttpBenchmark {

    static final int THREADS = 4;
    static final Duration WARMUP = Duration.ofSeconds(3);
    static final Duration MEASURE = Duration.ofSeconds(8);
    private static final int ROUNDS = 3;

    private HttpBenchmark() {
    }

    static String table(Path workDir) throws Exception {
        Files.createDirectories(workDir);
        File withFreshjwt = workDir.resolve("ROOT.war").toFile();
        Deployments.demo("freshjwt.revocation.store=memory").addClass(BenchResource.class)
                .as(ZipExporter.class).exportTo(withFreshjwt, true);
        File plain = workDir.resolve("plain.war").toFile();
        ShrinkWrap.create(WebArchive.class, "plain.war").addClasses(PlainApplication.class, PlainResource.class)
                .addAsResource(new StringAsset("mp.jwt.verify.issuer=" + Deployments.ISSUER.issuer()
                        + "\nmp.jwt.verify.publickey.location=bench-keys/public.pem\nmp.jwt.verify.clock.skew=60\n"),
                        "META-INF/microprofile-config.properties")
                .addAsResource(new StringAsset(TestKeys.publicPem(TestKeys.rsa())), "bench-keys/public.pem")
                .as(ZipExporter.class).exportTo(plain, true);

        try (PayaraMicroProcess server = new PayaraMicroProcess(workDir.resolve("payara.log"),
                List.of("-Xmx1g", "-Dfreshjwt.revocation.store=memory"), PayaraMicroProcess.singleInstance(),
                withFreshjwt.toPath(), plain.toPath())) {
            URI base = server.base();
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            String[] token = new String[1];
            server.awaitReady(() -> (token[0] = login(client, base)) != null, Duration.ofMinutes(3));
            Map<String, HttpRequest> variants = new LinkedHashMap<>();
            variants.put("(a) nothing", HttpRequest.newBuilder(base.resolve("plain/bench/open")).build());
            variants.put("(b) MP-JWT only (@RolesAllowed, no freshjwt)", authorized(base.resolve("plain/bench/roles"), token[0]));
            variants.put("(b') MP-JWT only, in the application with freshjwt", authorized(base.resolve("bench/roles"), token[0]));
            variants.put("(c) MP-JWT + @AccessTokenRequired", authorized(base.resolve("bench/access"), token[0]));
            variants.put("(d) MP-JWT + @FreshRequired", authorized(base.resolve("bench/fresh"), token[0]));
            variants.put("(e) as (c), the token in the access cookie", HttpRequest.newBuilder(base.resolve("bench/access"))
                    .header("Cookie", "__Host-access_token=" + token[0]).build());
            for (HttpRequest request : variants.values()) {
                HttpResponse<String> check = client.send(request, HttpResponse.BodyHandlers.ofString());
                if (check.statusCode() != 200) {
                    throw new IllegalStateException(request.uri() + " answered " + check.statusCode() + ": " + check.body());
                }
            }
            Map<String, List<long[]>> samples = new LinkedHashMap<>();
            for (int round = 0; round < ROUNDS; round++) {
                for (Map.Entry<String, HttpRequest> variant : variants.entrySet()) {
                    load(variant.getValue(), WARMUP);
                    samples.computeIfAbsent(variant.getKey(), k -> new ArrayList<>()).add(load(variant.getValue(), MEASURE));
                }
            }
            return format(samples);
        }
    }

    static HttpRequest authorized(URI uri, String token) {
        return HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + token).build();
    }

    /** The access token of a demo login, or {@code null} while the server is not ready. */
    static String login(HttpClient client, URI base) {
        HttpRequest login = HttpRequest.newBuilder(base.resolve("login")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"test\",\"password\":\"test\"}")).build();
        try {
            HttpResponse<String> response = client.send(login, HttpResponse.BodyHandlers.ofString());
            Matcher token = Pattern.compile("\"access_token\":\"([^\"]+)\"").matcher(response.body());
            return response.statusCode() == 200 && token.find() ? token.group(1) : null;
        } catch (IOException notYet) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Latencies in nanoseconds of every request completed in {@code duration} by {@link #THREADS} clients. */
    static long[] load(HttpRequest request, Duration duration) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        long end = System.nanoTime() + duration.toNanos();
        List<Future<long[]>> results = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            results.add(pool.submit(() -> {
                HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
                long[] latencies = new long[1 << 16];
                int count = 0;
                while (System.nanoTime() < end) {
                    long start = System.nanoTime();
                    HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
                    if (response.statusCode() != 200) {
                        throw new IllegalStateException(request.uri() + " answered " + response.statusCode());
                    }
                    if (count == latencies.length) {
                        latencies = Arrays.copyOf(latencies, count * 2);
                    }
                    latencies[count++] = System.nanoTime() - start;
                }
                return Arrays.copyOf(latencies, count);
            }));
        }
        List<long[]> parts = new ArrayList<>();
        for (Future<long[]> result : results) {
            parts.add(result.get());
        }
        pool.shutdown();
        return parts.stream().flatMapToLong(Arrays::stream).toArray();
    }

    private static String format(Map<String, List<long[]>> samples) {
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
                "%d client threads, keep-alive, %d interleaved rounds of %d s per variant.%n%n"
                        + "| variant | requests/s | p50 ms | p99 ms | vs (b) |%n|---|---:|---:|---:|---:|%n",
                THREADS, ROUNDS, MEASURE.toSeconds()));
        double baseline = 0;
        for (Map.Entry<String, List<long[]>> variant : samples.entrySet()) {
            long[] all = variant.getValue().stream().flatMapToLong(Arrays::stream).sorted().toArray();
            double perSecond = all.length / (double) (ROUNDS * MEASURE.toSeconds());
            if (variant.getKey().startsWith("(b) ")) {
                baseline = perSecond;
            }
            out.append(String.format(Locale.ROOT, "| %s | %.0f | %.2f | %.2f | %s |%n", variant.getKey(), perSecond,
                    all[all.length / 2] / 1e6, all[(int) (all.length * 0.99)] / 1e6,
                    baseline == 0 ? "" : String.format(Locale.ROOT, "%.3f", perSecond / baseline)));
        }
        return out.toString();
    }
}
