package dev.freshjwt.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;

/**
 * How long a token revoked on one cluster member is still accepted by the other. One sample: log in on the writer,
 * check that the reader accepts the access token, {@code POST /logout} on the writer, then {@code GET /protected} on
 * the reader, back to back on one keep-alive connection, until it answers 401. The time runs from the logout's response
 * to the 401's response, as issue 9 asks, which includes one request's round trip, and to the sending of the request
 * that got the 401, which does not; writer and reader swap from sample to sample.
 */
final class RevocationPropagation {

    static final int SAMPLES = 100;
    private static final int UNRECORDED = 5;
    private static final Duration PATIENCE = Duration.ofSeconds(10);

    private final HttpClient client;
    private final URI[] members;

    RevocationPropagation(HttpClient client, URI memberA, URI memberB) {
        this.client = client;
        this.members = new URI[] {memberA, memberB};
    }

    /** Members find each other some seconds after both serve HTTP: waits until a revocation crosses. */
    void awaitDataGrid(Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (sample(members[0], members[1], Duration.ofSeconds(5)).timedOut()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("The members never formed one data grid within " + timeout);
            }
        }
    }

    String table() throws Exception {
        long[] toRefusal = new long[SAMPLES];
        long[] toRefusingRequest = new long[SAMPLES];
        int stillAccepted = 0;
        int timedOut = 0;
        for (int i = 0; i < UNRECORDED + SAMPLES; i++) {
            Sample sample = sample(members[i % 2], members[(i + 1) % 2], PATIENCE);
            if (i >= UNRECORDED) {
                toRefusal[i - UNRECORDED] = sample.toRefusal();
                toRefusingRequest[i - UNRECORDED] = sample.toRefusingRequest();
                stillAccepted += sample.accepted() > 0 ? 1 : 0;
                timedOut += sample.timedOut() ? 1 : 0;
            }
        }
        return String.format(Locale.ROOT, "Revocation on one member, refused by the other: %d samples (after %d"
                + " unrecorded), A→B and B→A in turn, on the otherwise idle cluster. Each: log in on the writer, the"
                + " reader accepts the access token (200), `POST /logout` on the writer (204), then `GET /protected` on"
                + " the reader back to back until 401. The reader still accepted the revoked token at least once in %d"
                + " of %d samples; %d were not refused within %d s.%n%n"
                + "| from the logout's response to | p50 ms | p99 ms | max ms |%n|---|---:|---:|---:|%n%s%s",
                SAMPLES, UNRECORDED, stillAccepted, SAMPLES, timedOut, PATIENCE.toSeconds(),
                row("the 401's response", toRefusal),
                row("the sending of the request that got the 401 (without its own round trip)", toRefusingRequest));
    }

    private static String row(String label, long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return String.format(Locale.ROOT, "| %s | %.1f | %.1f | %.1f |%n", label, rank(sorted, 0.50) / 1e6,
                rank(sorted, 0.99) / 1e6, sorted[sorted.length - 1] / 1e6);
    }

    /** The nearest-rank percentile of sorted values: of 100 samples, p99 is the second largest. */
    private static long rank(long[] sorted, double percentile) {
        return sorted[(int) Math.ceil(percentile * sorted.length) - 1];
    }

    private Sample sample(URI writer, URI reader, Duration patience) throws Exception {
        String token = HttpBenchmark.login(client, writer);
        if (token == null) {
            throw new IllegalStateException("No login on " + writer);
        }
        expect(200, send(HttpBenchmark.authorized(reader.resolve("protected"), token)), reader, "before the logout");
        HttpRequest logout = HttpRequest.newBuilder(writer.resolve("logout")).header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.noBody()).build();
        expect(204, send(logout), writer, "to the logout");
        long revoked = System.nanoTime();
        HttpRequest check = HttpBenchmark.authorized(reader.resolve("protected"), token);
        for (int accepted = 0; ; accepted++) {
            long sent = System.nanoTime();
            int status = send(check);
            long answered = System.nanoTime();
            if (status == 401) {
                return new Sample(answered - revoked, sent - revoked, accepted, false);
            }
            expect(200, status, reader, "after the logout");
            if (answered - revoked > patience.toNanos()) {
                return new Sample(answered - revoked, sent - revoked, accepted, true);
            }
        }
    }

    private int send(HttpRequest request) throws IOException, InterruptedException {
        return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static void expect(int expected, int status, URI server, String when) {
        if (status != expected) {
            throw new IllegalStateException(server + " answered " + status + " " + when + ", not " + expected);
        }
    }

    /**
     * One revocation, in nanoseconds after the logout's response: the reader's refusal, and the sending of the request
     * it refused; how often it still accepted the token before; whether it never refused it.
     */
    private record Sample(long toRefusal, long toRefusingRequest, int accepted, boolean timedOut) {
    }
}
