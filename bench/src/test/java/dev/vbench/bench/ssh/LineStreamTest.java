package dev.vbench.bench.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link GuestShell#stream} against the in-process SSH server: lines as they come, and every way it ends. */
class LineStreamTest {
    private static final Duration BOOT = Duration.ofSeconds(20);
    private static final Duration LONG = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    private final KeyPair hostKey = TestSshServer.ecdsaP256();
    private final KeyPair clientKey = TestSshServer.ecdsaP256();
    private final List<String> lines = Collections.synchronizedList(new ArrayList<>());
    private TestSshServer server;
    private GuestShell shell;

    @BeforeEach
    void connect() throws Exception {
        server = TestSshServer.start(0, hostKey, clientKey.getPublic());
        Path key = TestSshServer.writePrivateKey(clientKey, dir.resolve("id_ecdsa"));
        shell = GuestShell.connect(new SshTarget("127.0.0.1", server.port(), "root", key,
                TestSshServer.publicKey(hostKey)), BOOT);
    }

    @AfterEach
    void stop() throws Exception {
        shell.close();
        server.close();
    }

    /** Waits (in short steps, up to 30 s) until {@code n} lines arrived; the stream is still running then. */
    private void awaitLines(LineStream stream, int n) {
        long deadline = System.nanoTime() + LONG.toNanos();
        while (lines.size() < n && System.nanoTime() < deadline) {
            assertThat(stream.awaitEnd(Duration.ofMillis(100))).as("ended early: %s", lines).isFalse();
        }
        assertThat(lines).hasSize(n);
    }

    @Test
    void handsOverEachLineWhileTheCommandRunsAndCanBeAbandoned() {
        try (LineStream stream = shell.stream(List.of("sh", "-c", "echo start; echo 'ack 0'; exec sleep 120"),
                lines::add)) {
            awaitLines(stream, 2);
            assertThat(lines).containsExactly("start", "ack 0");
            assertThat(stream.ended()).isFalse();
            assertThat(stream.result().exitStatus()).isEqualTo(-1);
            stream.close();
            assertThat(stream.ended()).isTrue();
            assertThat(stream.awaitEnd(Duration.ZERO)).isTrue();
            assertThat(stream.result().exitStatus()).isEqualTo(-1);
            assertThat(stream.command()).isEqualTo("sh -c 'echo start; echo '\\''ack 0'\\''; exec sleep 120'");
        }
        assertThat(shell.exec(List.of("echo", "still", "here"), LONG).stdout()).isEqualTo("still here\n");
    }

    @Test
    void endsWithTheExitStatusAndKeepsACutOffLastLineOutOfTheLines() {
        try (LineStream stream = shell.stream(List.of("sh", "-c",
                "printf 'start\\nack 0\\nack 1'; echo 'cannot write' >&2; exit 3"), lines::add)) {
            assertThat(stream.awaitEnd(LONG)).isTrue();
            assertThat(lines).containsExactly("start", "ack 0");
            CommandResult result = stream.result();
            assertThat(result.exitStatus()).isEqualTo(3);
            assertThat(result.stdout()).isEqualTo("ack 1");
            assertThat(result.stderr()).isEqualTo("cannot write\n");
        }
    }

    @Test
    void endsCleanlyWithWhatItGotWhenTheServerDiesUnderIt() throws Exception {
        try (LineStream stream = shell.stream(List.of("sh", "-c", "echo start; exec sleep 120"), lines::add)) {
            awaitLines(stream, 1);
            server.close();
            assertThat(stream.awaitEnd(LONG)).isTrue();
            assertThat(lines).containsExactly("start");
            assertThat(stream.result().exitStatus()).isEqualTo(-1);
            assertThat(shell.isConnected()).isFalse();
        }
    }

    @Test
    void deliversManyLinesInOrderAndSplitsAnOverlongOne() {
        try (LineStream stream = shell.stream(List.of("sh", "-c",
                "seq 0 99999; head -c 70000 /dev/zero | tr '\\0' x; echo"), lines::add)) {
            assertThat(stream.awaitEnd(Duration.ofSeconds(60))).isTrue();
            assertThat(stream.result().exitStatus()).isZero();
        }
        assertThat(lines).hasSize(100_002);
        assertThat(lines.subList(0, 100_000)).isEqualTo(IntStream.range(0, 100_000).mapToObj(Integer::toString)
                .toList());
        assertThat(lines.get(100_000)).hasSize(LineStream.MAX_LINE_BYTES).matches("x+");
        assertThat(lines.get(100_001)).hasSize(70_000 - LineStream.MAX_LINE_BYTES).matches("x+");
    }

    @Test
    void theConsumersExceptionReachesTheWaitingCaller() {
        try (LineStream stream = shell.stream(List.of("sh", "-c", "echo start; echo garbage; exec sleep 120"),
                line -> {
                    if (!line.equals("start")) {
                        throw new IllegalStateException("bad line " + line);
                    }
                })) {
            assertThatThrownBy(() -> stream.awaitEnd(LONG)).isInstanceOf(IllegalStateException.class)
                    .hasMessage("bad line garbage");
        }
        assertThat(shell.exec(List.of("echo", "ok"), LONG).stdout()).isEqualTo("ok\n");
    }
}
