package dev.vbench.bench.workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.vbench.bench.plan.FioSpec;
import dev.vbench.bench.plan.Iperf3Spec;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command builders against the real tools on this host (fio and iperf3 on 127.0.0.1 only), parsed by the
 * parsers: checks that the tools accept every argument we build and that the server behaves as
 * {@link Iperf3Command} says. Skipped where the tools are not installed.
 */
class LocalToolsIT {
    @TempDir
    Path dir;

    @Test
    void fioAcceptsTheBuiltCommandAndItsOutputParses() throws Exception {
        assumeTrue(onPath("fio"), "fio is not installed");
        FioSpec job = new FioSpec("randrw", 4096, 4, 2, 8L << 20, Duration.ofSeconds(1), Duration.ofSeconds(1), 70, 16,
                false, "libaio", 100_000);
        Path file = dir.resolve("fio.dat");
        Process fio = new ProcessBuilder(FioCommand.argv("it-randrw", job, file.toString())).redirectErrorStream(true)
                .start();
        String output = new String(fio.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(fio.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(fio.exitValue()).as(output).isZero();
        FioResult result = FioParser.parse(output);
        assertThat(result.metric("read_iops")).get().extracting(Metric::value).matches(v -> v > 0);
        assertThat(result.metric("write_iops")).get().extracting(Metric::value).matches(v -> v > 0);
        assertThat(result.metric("write_clat_p99")).isPresent();
        assertThat(result.runtime()).isBetween(Duration.ofMillis(900), Duration.ofSeconds(3));
    }

    @Test
    void oneOffIperf3ServerAnnouncesItselfServesOneClientAndExits() throws Exception {
        assumeTrue(onPath("iperf3"), "iperf3 is not installed");
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path log = dir.resolve("server.log");
        Process server = new ProcessBuilder(Iperf3Command.serverArgv("127.0.0.1", port, Duration.ofSeconds(30)))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (!Files.readString(log).contains("Server listening on " + port)
                    && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(Files.readString(log)).as("--forceflush announces the server at once")
                    .contains("Server listening on " + port);

            Iperf3Spec job = new Iperf3Spec(Duration.ofSeconds(1), 2, true, false, null, Duration.ZERO);
            Process client = new ProcessBuilder(Iperf3Command.clientArgv(job, "127.0.0.1", port)).start();
            String json = new String(client.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(client.waitFor(30, TimeUnit.SECONDS)).isTrue();
            Iperf3Result result = Iperf3Parser.parse(json);
            assertThat(result.protocol()).isEqualTo("TCP");
            assertThat(result.metric("throughput")).get().extracting(Metric::value).matches(v -> v > 0);
            assertThat(result.duration()).isBetween(Duration.ofMillis(900), Duration.ofSeconds(3));

            assertThat(server.waitFor(10, TimeUnit.SECONDS)).as("one-off server exits after its test").isTrue();
        } finally {
            server.destroyForcibly();
        }
    }

    @Test
    void idleOneOffServerExitsByItself() throws Exception {
        assumeTrue(onPath("iperf3"), "iperf3 is not installed");
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Process server = new ProcessBuilder(Iperf3Command.serverArgv("127.0.0.1", port, Duration.ofSeconds(1)))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectErrorStream(true).start();
        try {
            assertThat(server.waitFor(10, TimeUnit.SECONDS)).isTrue();
            assertThat(server.exitValue()).isZero();
        } finally {
            server.destroyForcibly();
        }
    }

    private static boolean onPath(String tool) {
        String path = System.getenv("PATH");
        return path != null && List.of(path.split(":")).stream().anyMatch(d -> Files.isExecutable(Path.of(d, tool)));
    }
}
