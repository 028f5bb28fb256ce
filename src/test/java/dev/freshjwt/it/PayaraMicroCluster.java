package dev.freshjwt.it;

import dev.freshjwt.testing.TestKeys;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Two real Payara Micro instances running the built demo WAR, clustered over loopback only (Hazelcast with a
 * TCP/IP member list, no multicast) and signing with one shared key, as a production cluster must. Arquillian's
 * Payara Micro container starts one instance per deployment, so the cluster test starts its own.
 */
final class PayaraMicroCluster implements AutoCloseable {

    private final List<Process> processes = new ArrayList<>();
    private final List<URI> bases = new ArrayList<>();

    PayaraMicroCluster(Path workDir, String... extraSystemProperties) {
        try {
            Files.createDirectories(workDir);
            Path privateKey = TestKeys.write(workDir, "private.pem", TestKeys.privatePem(TestKeys.rsa()));
            Path publicKey = TestKeys.write(workDir, "public.pem", TestKeys.publicPem(TestKeys.rsa()));
            int[] gridPorts = {freePort(), freePort()};
            String members = "127.0.0.1:" + gridPorts[0] + ",127.0.0.1:" + gridPorts[1];
            String clusterName = "freshjwt-it-" + UUID.randomUUID();
            for (int i = 0; i < 2; i++) {
                int httpPort = freePort();
                List<String> command = new ArrayList<>(List.of(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                        "-Dhazelcast.socket.bind.any=false", "-Dhazelcast.local.localAddress=127.0.0.1",
                        "-Dfreshjwt.sign.key.location=" + privateKey.toUri(),
                        "-Dmp.jwt.verify.publickey.location=" + publicKey.toUri()));
                for (String property : extraSystemProperties) {
                    command.add("-D" + property);
                }
                command.addAll(List.of("-jar", "target/payara-micro.jar",
                        "--deploy", System.getProperty("freshjwt.demo.war", "target/freshjwt-demo.war"), "--contextroot", "/",
                        "--port", String.valueOf(httpPort), "--clustermode", "tcpip:" + members,
                        "--interfaces", "127.0.0.1", "--startport", String.valueOf(gridPorts[i]),
                        "--clustername", clusterName, "--name", "instance-" + i, "--nohostaware",
                        "--prebootcommandfile", "server-config/payara-micro/cluster-pre-boot-commands.asadmin"));
                File log = workDir.resolve("instance-" + i + ".log").toFile();
                processes.add(new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log).start());
                bases.add(URI.create("http://127.0.0.1:" + httpPort + "/"));
            }
        } catch (IOException e) {
            close();
            throw new UncheckedIOException(e);
        }
    }

    URI base(int instance) {
        return bases.get(instance);
    }

    /** Waits until both instances serve the demo; fails with the instance's log file name otherwise. */
    void awaitReady(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        for (int i = 0; i < bases.size(); i++) {
            DemoClient client = new DemoClient(bases.get(i));
            while (!serves(client)) {
                if (!processes.get(i).isAlive() || Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("Payara Micro instance-" + i + " did not start; see its log under target/");
                }
                waitBriefly(processes.get(i));
            }
        }
    }

    @Override
    public void close() {
        processes.forEach(Process::destroy);
        for (Process process : processes) {
            try {
                if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor();
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }

    private static boolean serves(DemoClient client) {
        try {
            return client.get(".well-known/jwks.json", null).statusCode() == 200;
        } catch (UncheckedIOException refused) {
            return false;
        }
    }

    /** Blocks on the process for up to half a second: a start-up poll, not a timing assumption. */
    private static void waitBriefly(Process process) {
        try {
            process.waitFor(500, java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
