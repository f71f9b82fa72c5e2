package dev.vbench.bench.workload;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vbench.bench.plan.DurabilitySpec;
import dev.vbench.bench.plan.DurabilitySpec.Mode;
import dev.vbench.bench.plan.DurabilitySpec.Target;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The guest's writer, scripts/lib/vbench-durable.c, compiled here with the host's gcc as the image build does, run
 * on files: its output protocol, its exit statuses, and its records byte for byte against the format written out
 * again below from the contract (independently of the C).
 */
class DurableWriterTest {
    private static final Path SOURCE = Path.of("../scripts/lib/vbench-durable.c");
    private static final int SLOT = 4096;

    @TempDir
    static Path bin;
    static Path writer;

    @TempDir
    Path dir;

    record Run(int status, String stdout, String stderr) {
    }

    @BeforeAll
    static void compile() throws Exception {
        writer = bin.resolve("vbench-durable");
        Run gcc = run(List.of("gcc", "-std=c99", "-O2", "-Wall", "-Wextra", "-Werror", "-static", "-o",
                writer.toString(), SOURCE.toString()));
        assertThat(gcc.status()).as(gcc.stderr()).isZero();
    }

    static Run run(List<String> argv) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(argv).redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null")
                .toFile())).start();
        byte[] out = p.getInputStream().readAllBytes();
        byte[] err = p.getErrorStream().readAllBytes();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Run(p.exitValue(), new String(out, StandardCharsets.UTF_8), new String(err, StandardCharsets.UTF_8));
    }

    private Run writer(String... args) throws Exception {
        List<String> argv = new ArrayList<>(List.of(writer.toString()));
        argv.addAll(List.of(args));
        return run(argv);
    }

    /** Record {@code seq} as the common brief defines it, built with java.util.zip.CRC32. */
    static byte[] expectedRecord(long nonce, long seq, int mode) {
        ByteBuffer b = ByteBuffer.allocate(SLOT).order(ByteOrder.LITTLE_ENDIAN);
        b.put("VBDURREC".getBytes(StandardCharsets.US_ASCII)).putLong(nonce).putLong(seq).putInt(mode);
        long x = nonce ^ (seq * 0x9E3779B97F4A7C15L);
        if (x == 0) {
            x = 1;
        }
        while (b.position() < 4092) {
            x ^= x >>> 12;
            x ^= x << 25;
            x ^= x >>> 27;
            byte[] word = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(x * 0x2545F4914F6CDD1DL)
                    .array();
            b.put(word, 0, Math.min(8, 4092 - b.position()));
        }
        CRC32 crc = new CRC32();
        crc.update(b.array(), 0, 4092);
        b.putInt((int) crc.getValue());
        return b.array();
    }

    /** The writer's whole output for {@code n} records: start, then write and ack for each. */
    private static String acks(int n) {
        return "start\n" + IntStream.range(0, n).mapToObj(i -> "write " + i + "\nack " + i + "\n")
                .reduce("", String::concat);
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void writesAndAcknowledgesEveryRecordInEachMode(Mode mode) throws Exception {
        Path file = dir.resolve("records");
        long nonce = 0xDEADBEEFCAFEF00DL; // above 2^63: the writer reads it unsigned
        DurabilitySpec spec = new DurabilitySpec(mode, Target.EXT4, 300, 1, Duration.ofSeconds(1), Duration.ofSeconds(1));
        List<String> argv = new ArrayList<>(DurableCommand.argv(spec, file.toString(), nonce));
        argv.set(0, writer.toString());
        Run r = run(argv);
        assertThat(r.stderr()).isEmpty();
        assertThat(r.status()).isZero();
        assertThat(r.stdout()).isEqualTo(acks(300));
        DurabilityAcks parsed = DurabilityAcks.parse(r.stdout());
        assertThat(parsed.issued()).isEqualTo(300);
        assertThat(parsed.count()).isEqualTo(300);
        byte[] data = Files.readAllBytes(file);
        assertThat(data).hasSize(300 * SLOT);
        for (int seq = 0; seq < 300; seq++) {
            byte[] slot = Arrays.copyOfRange(data, seq * SLOT, (seq + 1) * SLOT);
            assertThat(slot).as("record %d", seq).isEqualTo(expectedRecord(nonce, seq, mode.code()));
        }
    }

    @Test
    void withoutCreateItWritesIntoAnExistingTargetFromOffsetZeroAndKeepsTheRest() throws Exception {
        Path device = dir.resolve("disk");
        byte[] before = new byte[8 * SLOT];
        Arrays.fill(before, (byte) 0x5A);
        Files.write(device, before);
        Run r = writer("--target", device.toString(), "--mode", "dsync", "--nonce", "0", "--records", "3");
        assertThat(r.status()).isZero();
        assertThat(r.stdout()).isEqualTo(acks(3));
        byte[] after = Files.readAllBytes(device);
        assertThat(Arrays.copyOfRange(after, 0, SLOT)).isEqualTo(expectedRecord(0, 0, 1));
        assertThat(Arrays.copyOfRange(after, 2 * SLOT, 3 * SLOT)).isEqualTo(expectedRecord(0, 2, 1));
        assertThat(Arrays.copyOfRange(after, 3 * SLOT, 8 * SLOT))
                .isEqualTo(Arrays.copyOfRange(before, 3 * SLOT, 8 * SLOT));
    }

    @Test
    void aZeroSeedIsSeededWithOne() throws Exception {
        Path file = dir.resolve("zero-seed");
        long nonce = 5 * 0x9E3779B97F4A7C15L;
        Run r = writer("--target", file.toString(), "--mode", "buffered", "--nonce", Long.toUnsignedString(nonce),
                "--records", "6", "--create");
        assertThat(r.status()).isZero();
        assertThat(Arrays.copyOfRange(Files.readAllBytes(file), 5 * SLOT, 6 * SLOT))
                .isEqualTo(expectedRecord(nonce, 5, 2));
    }

    @Test
    void badArgumentsExitWithStatusTwoAndOneLineOnStderr() throws Exception {
        String t = dir.resolve("x").toString();
        for (String[] args : List.of(new String[] {"--mode", "sync", "--nonce", "1"},
                new String[] {"--target", t, "--nonce", "1"},
                new String[] {"--target", t, "--mode", "sync"},
                new String[] {"--target", t, "--mode", "fsync", "--nonce", "1"},
                new String[] {"--target", t, "--mode", "sync", "--nonce", "-1"},
                new String[] {"--target", t, "--mode", "sync", "--nonce", "18446744073709551616"},
                new String[] {"--target", t, "--mode", "sync", "--nonce", "1x"},
                new String[] {"--target", t, "--mode", "sync", "--nonce", "1", "--records", "0"},
                new String[] {"--target", t, "--mode", "sync", "--nonce", "1", "--bogus", "2"},
                new String[] {"--target", t, "--mode", "sync", "--nonce"})) {
            Run r = writer(args);
            assertThat(r.status()).as(String.join(" ", args)).isEqualTo(2);
            assertThat(r.stdout()).isEmpty();
            assertThat(r.stderr().lines()).hasSize(1).allMatch(l -> l.startsWith("vbench-durable: "));
        }
        assertThat(Files.exists(dir.resolve("x"))).isFalse();
    }

    @Test
    void anUnopenableTargetExitsWithStatusThreeBeforeStart() throws Exception {
        Path existing = Files.writeString(dir.resolve("mine"), "keep");
        Run r = writer("--target", existing.toString(), "--mode", "sync", "--nonce", "1", "--create");
        assertThat(r.status()).isEqualTo(3);
        assertThat(r.stdout()).isEmpty();
        assertThat(r.stderr()).contains("cannot open").contains("File exists").hasLineCount(1);
        assertThat(Files.readString(existing)).isEqualTo("keep");

        Run missing = writer("--target", dir.resolve("none").toString(), "--mode", "sync", "--nonce", "1");
        assertThat(missing.status()).isEqualTo(3);
        assertThat(missing.stderr()).contains("No such file");
        assertThat(Stream.of(dir.toFile().list())).containsExactly("mine");
    }

    @Test
    void aFullTargetIsAnIoErrorAfterTheLastAcknowledgedRecord() throws Exception {
        Run r = writer("--target", "/dev/full", "--mode", "buffered", "--nonce", "1", "--records", "2");
        assertThat(r.status()).isEqualTo(3);
        assertThat(r.stdout()).isEqualTo("start\nwrite 0\n");
        DurabilityAcks parsed = DurabilityAcks.parse(r.stdout());
        assertThat(parsed.issued()).as("record 0 was issued").isEqualTo(1);
        assertThat(parsed.count()).as("and never acknowledged").isZero();
        assertThat(r.stderr()).contains("pwrite of record 0").contains("No space left").hasLineCount(1);
    }
}
