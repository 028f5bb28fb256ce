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
        sharedJvmOptions = List.of("-Xmx512m", "-Dfreshjwt.sign.key.location=" + privateKey.toUri(),
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
        restarts++;
        instances.set(instance, starters.get(instance).apply(workDir.resolve("instance-" + instance + "-restart-" + restarts + ".log")));
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
        for (PayaraMicroProcess instance : instances) {
            DemoClient client = new DemoClient(instance.base());
            instance.awaitReady(() -> serves(client), timeout);
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
