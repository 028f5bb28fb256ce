package dev.freshjwt.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * One real Payara Micro process ({@code target/payara-micro.jar}) on a free loopback port, for the tests that
 * Arquillian's one-instance-per-deployment container cannot express: a cluster, a deployment that must fail.
 */
public final class PayaraMicroProcess implements AutoCloseable {

    /**
     * JVM options that halve the CPU a Payara Micro start costs (about 29 s to 15 s of CPU for the demo on Payara Micro
     * 7 and Java 25): only the C1 compiler, the serial collector. For tests, which start many short-lived servers on a
     * small machine; not for benchmarks, which measure the server at full speed. arquillian.xml passes the same.
     */
    private static final List<String> QUICK_START = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

    /** {@code options} after the {@link #QUICK_START} ones. */
    public static List<String> quickStart(String... options) {
        List<String> all = new ArrayList<>(QUICK_START);
        all.addAll(List.of(options));
        return all;
    }

    /**
     * Payara Micro's start-up in one thread, in every process this class starts. Its default start-up runs the
     * run-level services in several threads (HK2's RunLevelController), and under CPU load they can deadlock for good:
     * one thread waits, holding the service locator's read lock, for a service another thread is creating; that one
     * waits for the read lock too, queued behind a third thread that wants the write lock (GrizzlyService adding a
     * descriptor). The log stops after "Loading policy provider …" or "Successfully added JACC PolicyFactory JVM
     * option" and the server never answers (seen on Payara Micro 7.2026.11, Java 25: 1 start in 19 with two starting
     * side by side; thread dumps in docs/servers.md's server quirks). arquillian.xml passes the same.
     */
    static final String ONE_STARTUP_THREAD = "-Dorg.glassfish.startupThreadPolicy=USE_NO_THREADS";

    private final Process process;
    private final Path log;
    private final URI base;

    /**
     * @param log where the server's output goes
     * @param jvmOptions options before {@code -jar} (system properties, heap)
     * @param microOptions Payara Micro options after the deployments and the port
     * @param wars the WARs to deploy: a single one at the root context, several at the context their file names
     *     give ({@code ROOT.war} at the root)
     */
    public PayaraMicroProcess(Path log, List<String> jvmOptions, List<String> microOptions, Path... wars) {
        this.log = log;
        try {
            Files.createDirectories(log.getParent());
            int port = freePort();
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
            command.add(ONE_STARTUP_THREAD);
            command.addAll(jvmOptions);
            command.addAll(List.of("-jar", "target/payara-micro.jar"));
            for (Path war : wars) {
                command.addAll(List.of("--deploy", war.toString()));
            }
            if (wars.length == 1) {
                command.addAll(List.of("--contextroot", "/"));
            }
            command.addAll(List.of("--port", String.valueOf(port)));
            command.addAll(microOptions);
            this.process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            // a test JVM that ends without close() (a build stopped half-way) takes its server with it
            Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly, "stop " + log.getFileName()));
            this.base = URI.create("http://127.0.0.1:" + port + "/");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The pre-boot options of a single instance: HTTP on loopback, no data grid. */
    public static List<String> singleInstance() {
        return List.of("--nocluster", "--prebootcommandfile", "server-config/payara-micro/pre-boot-commands.asadmin");
    }

    public URI base() {
        return base;
    }

    /** The server JVM's process id (for {@code jcmd}). */
    public long pid() {
        return process.pid();
    }

    /** Everything the server has logged so far. */
    public String log() {
        return logText();
    }

    /** The CPU time the server's JVM has used so far (user and system), zero where the platform does not say. */
    public Duration cpuTime() {
        return process.info().totalCpuDuration().orElse(Duration.ZERO);
    }

    /** Waits until the server's log satisfies {@code condition}, e.g. shows the application deployed or refused. */
    public String awaitLog(Predicate<String> condition, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            String text = logText();
            if (condition.test(text)) {
                return text;
            }
            if (!process.isAlive() || Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("Payara Micro never logged what was awaited; see " + log);
            }
            pause();
        }
    }

    /** Waits until {@code ready} holds (the application answers), failing early if the process dies. */
    public void awaitReady(java.util.function.BooleanSupplier ready, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (!ready.getAsBoolean()) {
            if (!process.isAlive() || Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("Payara Micro did not become ready; see " + log);
            }
            pause();
        }
    }

    /**
     * Kills the server's JVM at once, as a crash or the kernel's OOM killer would: {@code SIGKILL} on Linux (the
     * process is the {@code java} command itself, no wrapper), so no shutdown hook runs and the data grid is not told
     * the member leaves. Waits until it is gone.
     *
     * @return its exit code: 137 (128 + 9) for a JVM ended by SIGKILL
     */
    public int kill() {
        process.destroyForcibly();
        try {
            return process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Whether the server's JVM has started processes of its own (Payara Micro does not: it runs in one JVM). */
    public boolean hasChildren() {
        return process.descendants().findAny().isPresent();
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private String logText() {
        try {
            return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Blocks on the process for up to half a second: a start-up poll, not a timing assumption. */
    private void pause() {
        try {
            process.waitFor(500, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
