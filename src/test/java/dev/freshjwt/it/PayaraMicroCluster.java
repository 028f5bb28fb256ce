package dev.freshjwt.it;

import dev.freshjwt.testing.TestKeys;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * Two real Payara Micro instances running the built demo WAR, clustered over loopback only (Hazelcast with a
 * TCP/IP member list, no multicast) and signing with one shared key, as a production cluster must. Public for the
 * cluster part of the HTTP benchmark, which compares a member with a single instance of the same WAR and key.
 */
public final class PayaraMicroCluster implements AutoCloseable {

    private final List<PayaraMicroProcess> instances = new ArrayList<>();
    private final List<Function<Path, PayaraMicroProcess>> starters = new ArrayList<>();
    private final List<String> sharedJvmOptions;
    private final Path war;
    private final Path workDir;
    private int restarts;

    /**
     * @param workDir where the shared key and the members' logs go
     * @param extraSystemProperties {@code key=value} system properties of both members
     */
    public PayaraMicroCluster(Path workDir, String... extraSystemProperties) {
        this.workDir = workDir;
        try {
            Files.createDirectories(workDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Path privateKey = TestKeys.write(workDir, "private.pem", TestKeys.privatePem(TestKeys.rsa()));
        Path publicKey = TestKeys.write(workDir, "public.pem", TestKeys.publicPem(TestKeys.rsa()));
        int[] gridPorts = {PayaraMicroProcess.freePort(), PayaraMicroProcess.freePort()};
        String members = "127.0.0.1:" + gridPorts[0] + ",127.0.0.1:" + gridPorts[1];
        String clusterName = "freshjwt-it-" + UUID.randomUUID();
        war = Path.of(System.getProperty("freshjwt.demo.war", "target/freshjwt-demo.war"));
        sharedJvmOptions = PayaraMicroProcess.quickStart("-Xmx512m", "-Dfreshjwt.sign.key.location=" + privateKey.toUri(),
                "-Dmp.jwt.verify.publickey.location=" + publicKey.toUri());
        for (int i = 0; i < 2; i++) {
            List<String> jvm = new ArrayList<>(sharedJvmOptions);
            jvm.addAll(List.of("-Dhazelcast.socket.bind.any=false", "-Dhazelcast.local.localAddress=127.0.0.1"));
            for (String property : extraSystemProperties) {
                jvm.add("-D" + property);
            }
            List<String> micro = List.of("--clustermode", "tcpip:" + members, "--interfaces", "127.0.0.1",
                    "--startport", String.valueOf(gridPorts[i]), "--clustername", clusterName, "--name", "instance-" + i,
                    "--nohostaware", "--prebootcommandfile", "server-config/payara-micro/cluster-pre-boot-commands.asadmin");
            starters.add(log -> new PayaraMicroProcess(log, jvm, micro, war));
            instances.add(starters.get(i).apply(workDir.resolve("instance-" + i + ".log")));
        }
    }

    /** Stops one instance and starts it again with the same settings (a new HTTP port); it rejoins the cluster. */
    void restart(int instance) {
        instances.get(instance).close();
        start(instance);
    }

    /**
     * Kills one instance with SIGKILL ({@link PayaraMicroProcess#kill()}): no shutdown, the other member learns of it
     * only from its connections and heartbeats.
     *
     * @return the killed JVM's exit code (137 for SIGKILL)
     */
    int kill(int instance) {
        return instances.get(instance).kill();
    }

    /**
     * Starts a stopped or killed instance again with the same settings (the same data-grid port and member list, a new
     * HTTP port): it rejoins the cluster. Its log is a new file.
     */
    void start(int instance) {
        restarts++;
        instances.set(instance, starters.get(instance).apply(workDir.resolve("instance-" + instance + "-restart-" + restarts + ".log")));
    }

    /** Waits until one instance serves the demo. */
    void awaitReady(int instance, Duration timeout) {
        PayaraMicroProcess member = instances.get(instance);
        DemoClient client = new DemoClient(member.base());
        member.awaitReady(() -> serves(client), timeout);
    }

    public URI base(int instance) {
        return instances.get(instance).base();
    }

    /** One of the two members, {@code 0} or {@code 1}. */
    public PayaraMicroProcess member(int instance) {
        return instances.get(instance);
    }

    /** The WAR both members deploy. */
    public Path war() {
        return war;
    }

    /** The heap and the shared key's locations: what an instance outside the cluster needs to trust its tokens. */
    public List<String> sharedJvmOptions() {
        return sharedJvmOptions;
    }

    /** Waits until both instances serve the demo. */
    public void awaitReady(Duration timeout) {
        for (int instance = 0; instance < instances.size(); instance++) {
            awaitReady(instance, timeout);
        }
    }

    @Override
    public void close() {
        instances.forEach(PayaraMicroProcess::close);
    }

    private static boolean serves(DemoClient client) {
        try {
            return client.get(".well-known/jwks.json", null).statusCode() == 200;
        } catch (UncheckedIOException refused) {
            return false;
        }
    }
}
