package dev.vbench.bench.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vbench.bench.ssh.SshTarget;
import dev.vbench.bench.ssh.TestSshServer;
import dev.vbench.bench.workload.Iperf3Command;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The iperf3 server on a remote hypervisor host, started and stopped over SSH: here the "host" is an in-process SSH
 * server on loopback that runs commands on this machine, and the server is the real iperf3. It listens when
 * {@code start} returns, a client's test reaches it, and closing brings its log back and removes its files there.
 */
class ServerSideTest {
    @TempDir
    Path dir;

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Test
    void theServerRunsOnTheHostUntilClosedAndLeavesNothingThere() throws Exception {
        KeyPair hostKey = TestSshServer.ecdsaP256();
        KeyPair clientKey = TestSshServer.ecdsaP256();
        String runId = "20261204-000000-test" + ProcessHandle.current().pid();
        Path pid = Path.of("/tmp/vbench-iperf3-" + runId + ".pid");
        Path log = dir.resolve("server.log");
        int port = freePort();
        try (TestSshServer host = TestSshServer.start(0, hostKey, clientKey.getPublic())) {
            SshTarget login = new SshTarget("127.0.0.1", host.port(), "root",
                    TestSshServer.writePrivateKey(clientKey, dir.resolve("id")), TestSshServer.publicKey(hostKey));
            ServerSide remote = ServerSide.remote(login, runId);
            try (AutoCloseable server = remote.start(Iperf3Command.serverArgv("127.0.0.1", port), log)) {
                assertThat(pid).as("the server's pid file on the host").exists();
                Process client = new ProcessBuilder("iperf3", "-c", "127.0.0.1", "-p", Integer.toString(port), "-t",
                        "1", "-J").redirectErrorStream(true).start();
                String out = new String(client.getInputStream().readAllBytes());
                assertThat(client.waitFor(30, TimeUnit.SECONDS)).isTrue();
                assertThat(out).contains("\"sum_received\"");
            }
        }
        assertThat(Files.readString(log)).contains("Server listening on " + port);
        assertThat(pid).as("removed on the host").doesNotExist();
        assertThat(Path.of("/tmp/vbench-iperf3-" + runId + ".log")).doesNotExist();
        assertThat(List.of(ProcessHandle.allProcesses().filter(p -> p.info().commandLine().orElse("")
                .contains(runId)).toArray())).as("no iperf3 of the run left").isEmpty();
    }
}
