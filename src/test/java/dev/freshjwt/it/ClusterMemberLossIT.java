package dev.freshjwt.it;

import static dev.freshjwt.it.DemoClient.bearer;
import static dev.freshjwt.testing.FreshJwtAssertions.assertInvalidToken;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A two-member Payara Micro cluster with the JCache store loses a member to SIGKILL under load: the survivor answers
 * every request with a valid token (200) and with a revoked one (401) throughout, its own logouts still revoke, and the
 * killed member, started again, refuses what was revoked while it was down.
 * Runs in the default (Payara) profile only.
 *
 * <p>The member killed is the master (the oldest member, which keeps the member list and the partition table), so
 * the survivor must take over both. The load is four clients asking the survivor for a protected resource, each
 * again 20 ms after its previous answer, from before the kill until the killed member has rejoined; every answer is
 * checked (status and body, and for refusals the headers and problem a client sees). The survivor's view of the
 * cluster comes from its log (Hazelcast's member list), the rejoined member's from a revocation made on it reaching
 * the survivor.
 */
class ClusterMemberLossIT {

    private static final Pattern MEMBERS = Pattern.compile("Members \\{size:(\\d+)");
    private static final Pattern FIRST_MEMBER = Pattern.compile("Member \\[[^\\]]*\\]:\\d+ - \\S+( this)?");
    private static final String PROTECTED = "You have access to this protected resource";

    private static PayaraMicroCluster cluster;

    @BeforeAll
    static void startCluster() {
        cluster = new PayaraMicroCluster(Path.of("target", "cluster-loss-it"));
        cluster.awaitReady(Duration.ofMinutes(4));
    }

    @AfterAll
    static void stopCluster() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void survivorServesThroughAKillAndTheKilledMemberRefusesWhatWasRevokedWhileItWasDown() throws Exception {
        // The victim is the master (the oldest member, which keeps the member list and the partition table): losing it
        // is the harder case, as the survivor must take over both. Which member that is depends on which started first.
        String survivorLog = cluster.member(1).awaitLog(members(2), Duration.ofMinutes(2));
        int victim = firstMemberIsThis(survivorLog) ? 1 : 0;
        int survivor = 1 - victim;
        DemoClient doomed = new DemoClient(cluster.base(victim));
        DemoClient alive = new DemoClient(cluster.base(survivor));

        // Before the kill: tokens from the victim, one of them revoked there and refused on the survivor.
        String revokedBefore = login(doomed);
        List<String> valid = List.of(login(doomed), login(doomed), login(doomed));
        String revokedDuringLoss = login(doomed);
        String revokedOnceAlone = login(doomed);
        String revokedAfterRejoin = login(doomed);
        assertEquals(204, doomed.post("logout", revokedBefore, null, null).statusCode());
        until(() -> alive.get("protected", revokedBefore).statusCode() == 401, Duration.ofMinutes(2),
                "the survivor still accepts a token revoked on the victim: the data grid never formed");
        assertFalse(cluster.member(victim).hasChildren(), "the process to kill is the server's JVM itself, no wrapper");

        Load load = new Load(alive, valid, revokedBefore);
        try {
            load.awaitValidAnswersSince("before", 100, Duration.ofMinutes(1));

            // SIGKILL the master under load.
            long killed = System.nanoTime();
            load.mark("kill");
            assertEquals(137, cluster.kill(victim), "the victim ended by SIGKILL (exit code 128 + 9)");

            // A logout on the survivor at once, while it may not yet know that the victim is gone.
            long logoutStart = System.nanoTime();
            HttpResponse<String> logout = alive.post("logout", revokedDuringLoss, null, null);
            Duration logoutDuringLoss = since(logoutStart);
            assertEquals(204, logout.statusCode(), "logout on the survivor right after the kill: " + logout.body());
            assertInvalidToken(alive.get("protected", revokedDuringLoss));

            // The survivor drops the victim from its member list.
            cluster.member(survivor).awaitLog(members(1), Duration.ofMinutes(3));
            Duration noticed = since(killed);
            load.mark("alone");
            logoutStart = System.nanoTime();
            logout = alive.post("logout", revokedOnceAlone, null, null);
            Duration logoutAlone = since(logoutStart);
            assertEquals(204, logout.statusCode(), "logout on the survivor alone: " + logout.body());
            assertInvalidToken(alive.get("protected", revokedOnceAlone));
            load.awaitValidAnswersSince("alone", 100, Duration.ofMinutes(1));

            // The victim again, with the same settings: it joins the survivor and lists the cache before it serves.
            long restarted = System.nanoTime();
            load.mark("rejoining");
            cluster.start(victim);
            cluster.awaitReady(victim, Duration.ofMinutes(4));
            Duration serving = since(restarted);
            DemoClient back = new DemoClient(cluster.base(victim));
            // its first answers: no waiting for events
            assertInvalidToken(back.get("protected", revokedDuringLoss));
            assertInvalidToken(back.get("protected", revokedOnceAlone));
            assertInvalidToken(back.get("protected", revokedBefore));
            HttpResponse<String> ok = back.get("protected", valid.get(0));
            assertEquals(200, ok.statusCode(), ok.body());
            assertTrue(ok.body().contains(PROTECTED), ok.body());

            // The cluster has formed again: a revocation on the restarted member reaches the survivor.
            cluster.member(victim).awaitLog(members(2), Duration.ofMinutes(1));
            assertEquals(204, back.post("logout", revokedAfterRejoin, null, null).statusCode());
            until(() -> alive.get("protected", revokedAfterRejoin).statusCode() == 401, Duration.ofSeconds(10),
                    "the survivor still accepts a token revoked on the restarted member");
            Duration rejoined = since(restarted);
            load.awaitValidAnswersSince("rejoining", 1, Duration.ofMinutes(1));

            load.stop();
            System.out.printf(Locale.ROOT, "ClusterMemberLossIT: killed the master, instance-%d; survivor's load: %s;"
                    + " logout on the survivor right after the kill %d ms, once alone %d ms; the survivor dropped the"
                    + " victim %.1f s after the kill; the victim, started again, served %.1f s after its start, and a"
                    + " revocation on it reached the survivor %.1f s after its start%n", victim, load.summary(),
                    logoutDuringLoss.toMillis(), logoutAlone.toMillis(), noticed.toMillis() / 1000.0,
                    serving.toMillis() / 1000.0, rejoined.toMillis() / 1000.0);
            assertEquals(List.of(), load.wrongAnswers(), "every valid token got 200 and the revoked one 401 on the survivor");
            assertTrue(load.validAnswersSince("kill") > 0, "the survivor was asked during the loss");
        } catch (AssertionError | RuntimeException e) {
            e.addSuppressed(new AssertionError("the survivor's load until then: " + load.summary() + "; wrong answers: "
                    + load.wrongAnswers()));
            throw e;
        } finally {
            load.close();
        }
    }

    private static String login(DemoClient client) {
        return bearer(client.login().getString("access_token"));
    }

    /** Whether the latest Hazelcast member list in {@code log} names its own member first: the master. */
    private static boolean firstMemberIsThis(String log) {
        int list = log.lastIndexOf("Members {size:");
        Matcher first = FIRST_MEMBER.matcher(log);
        if (list < 0 || !first.find(list)) {
            throw new AssertionError("no member list in the log");
        }
        return first.group(1) != null;
    }

    /** A log whose latest Hazelcast member list has {@code size} members. */
    private static Predicate<String> members(int size) {
        return log -> {
            Matcher list = MEMBERS.matcher(log);
            int latest = -1;
            while (list.find()) {
                latest = Integer.parseInt(list.group(1));
            }
            return latest == size;
        };
    }

    private static Duration since(long nanoTime) {
        return Duration.ofNanos(System.nanoTime() - nanoTime);
    }

    private static void until(java.util.function.BooleanSupplier condition, Duration timeout, String failure) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(failure + " after " + timeout);
            }
        }
    }

    /**
     * Clients asking one member for {@code /protected}, each again {@value #PACE_MILLIS} ms after its previous answer:
     * one per valid token, which must get 200 and the resource, and one with a revoked token, which must get 401
     * {@code invalid_token}. Every answer is recorded with the phase it started in (the phases are named by
     * {@link #mark}).
     */
    private static final class Load {

        private record Answer(String phase, boolean valid, long startNanos, long nanos, String wrong) {
        }

        /** The pause between an answer and a client's next request: each client asks at most 50 times a second. */
        private static final long PACE_MILLIS = 20;

        private final ScheduledExecutorService clients;
        private final List<Answer> answers = new ArrayList<>();
        private final List<String> phases = new ArrayList<>(List.of("before"));
        private final long startNanos = System.nanoTime();
        private volatile String phase = "before";

        Load(DemoClient member, List<String> validTokens, String revokedToken) {
            clients = Executors.newScheduledThreadPool(validTokens.size() + 1);
            for (String token : validTokens) {
                clients.scheduleWithFixedDelay(() -> ask(member, token, true), 0, PACE_MILLIS, TimeUnit.MILLISECONDS);
            }
            clients.scheduleWithFixedDelay(() -> ask(member, revokedToken, false), 0, PACE_MILLIS, TimeUnit.MILLISECONDS);
        }

        private void ask(DemoClient member, String token, boolean valid) {
            String started = phase;
            long start = System.nanoTime();
            String wrong;
            try {
                wrong = check(member.get("protected", token), valid);
            } catch (RuntimeException e) {
                wrong = e.toString();
            }
            record(new Answer(started, valid, start, System.nanoTime() - start, wrong));
        }

        private static String check(HttpResponse<String> response, boolean valid) {
            if (valid) {
                return response.statusCode() == 200 && response.body().contains(PROTECTED)
                        ? null
                        : response.statusCode() + " " + response.body();
            }
            try {
                assertInvalidToken(response);
                return null;
            } catch (AssertionError e) {
                return e.getMessage();
            }
        }

        private synchronized void record(Answer answer) {
            answers.add(answer);
            notifyAll();
        }

        synchronized void mark(String name) {
            phases.add(name);
            phase = name;
        }

        /** Waits until {@code count} valid-token requests started in phase {@code name} or later have been answered. */
        synchronized void awaitValidAnswersSince(String name, int count, Duration timeout) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (validAnswersSince(name) < count) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("only " + validAnswersSince(name) + " valid-token answers since " + name
                            + " within " + timeout + ": " + summary());
                }
                TimeUnit.NANOSECONDS.timedWait(this, left);
            }
        }

        synchronized long validAnswersSince(String name) {
            List<String> later = phases.subList(phases.indexOf(name), phases.size());
            return answers.stream().filter(answer -> answer.valid() && later.contains(answer.phase())).count();
        }

        synchronized List<String> wrongAnswers() {
            return answers.stream().filter(answer -> answer.wrong() != null)
                    .map(answer -> String.format(Locale.ROOT, "%s %s at +%d ms after %d ms: %s", answer.phase(),
                            answer.valid() ? "valid" : "revoked", (answer.startNanos() - startNanos) / 1_000_000,
                            answer.nanos() / 1_000_000, answer.wrong()))
                    .toList();
        }

        /** Per phase: requests with a valid token, wrong answers, the slowest answer. */
        synchronized String summary() {
            StringBuilder text = new StringBuilder();
            for (String name : phases) {
                List<Answer> in = answers.stream().filter(answer -> answer.phase().equals(name)).toList();
                text.append(text.length() == 0 ? "" : "; ").append(name).append(": ")
                        .append(in.stream().filter(Answer::valid).count()).append(" valid-token and ")
                        .append(in.stream().filter(answer -> !answer.valid()).count()).append(" revoked-token requests, ")
                        .append(in.stream().filter(answer -> answer.wrong() != null).count()).append(" wrong, slowest ")
                        .append(in.stream().mapToLong(Answer::nanos).max().orElse(0) / 1_000_000).append(" ms");
            }
            return text.toString();
        }

        /** Lets the requests under way finish, and starts no more. */
        void stop() throws InterruptedException {
            clients.shutdown();
            if (!clients.awaitTermination(1, TimeUnit.MINUTES)) {
                throw new AssertionError("the load's clients did not stop");
            }
        }

        /** Stops the clients at once, waiting for nothing: what a failed test leaves behind. */
        void close() {
            clients.shutdownNow();
        }
    }
}
