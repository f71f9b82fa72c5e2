package dev.vbench.bench.plan;

import static dev.vbench.bench.plan.InvalidSpecException.checkRange;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.vbench.provisioning.LabFacts;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * One fio job as a plan describes it, and the only model of a fio job: {@link #read} reads it from a plan's
 * {@code fio:} mapping and {@code dev.vbench.bench.workload.FioCommand} turns it into fio's arguments. Every field is
 * validated here against a closed set or a range, so the command needs no quoting. Sizes are bytes (fio's
 * {@code k} = 1024), durations are {@link Duration}s. An option is added here (component, key, read, check) and in
 * the command builder.
 *
 * @param rw        I/O pattern, one of {@link #RW_MODES}
 * @param bsBytes   block size, 512 B .. 64 MiB, a multiple of 512
 * @param iodepth   outstanding I/Os per job, 1..1024 (more than 1 needs an asynchronous engine)
 * @param numjobs   parallel jobs, 1..64
 * @param sizeBytes bytes each job covers, 1 MiB .. 2 GiB (the data disk), a multiple of the block size
 * @param runtime   measured time, whole seconds, 1 s .. 1 h
 * @param rampTime  time run before measuring, whole seconds, 0 .. 10 min
 * @param rwmixread percentage of reads, 0..100; only (and optionally) with rw {@code rw} or {@code randrw}, else
 *                  {@code null}
 * @param fsync     fsync after this many writes, 0 (never) .. 1000000
 * @param direct    O_DIRECT (bypass the guest page cache)
 * @param ioengine  one of {@link #IO_ENGINES}
 * @param rateIops  cap on each job's IOPS, 1..{@value #MAX_RATE_IOPS} (fio applies it to reads and writes each), or
 *                  {@code null} for none
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"rw", "bs_bytes", "iodepth", "numjobs", "size_bytes", "runtime_s", "ramp_time_s", "rwmixread",
    "fsync", "direct", "ioengine", "rate_iops"})
public record FioSpec(String rw, @JsonProperty("bs_bytes") long bsBytes, int iodepth, int numjobs,
        @JsonProperty("size_bytes") long sizeBytes, @JsonIgnore Duration runtime, @JsonIgnore Duration rampTime,
        Integer rwmixread, int fsync, boolean direct, String ioengine, @JsonProperty("rate_iops") Integer rateIops) {

    /** Valid {@code rw} values. */
    public static final List<String> RW_MODES = List.of("read", "write", "randread", "randwrite", "rw", "randrw",
            "trim", "randtrim");
    /** Valid {@code ioengine} values. */
    public static final List<String> IO_ENGINES = List.of("libaio", "io_uring", "psync", "sync", "posixaio");
    /** The size of the lab image's data disk that fio works on ({@link LabFacts}): no job may cover more. */
    public static final long DATA_DISK_BYTES = LabFacts.dataDiskBytes();
    /** The plan keys of a fio workload. */
    static final List<String> KEYS = List.of("rw", "bs", "iodepth", "numjobs", "size", "runtime", "ramp_time",
            "rwmixread", "fsync", "direct", "ioengine", "rate_iops");
    /** The largest {@code rate_iops}: far above what one job of a virtual disk does. */
    public static final int MAX_RATE_IOPS = 10_000_000;
    static final int MAX_IODEPTH = 1024;
    static final int MAX_NUMJOBS = 64;
    static final int MAX_FSYNC = 1_000_000;

    static final long DEFAULT_BS = 4096;
    static final int DEFAULT_IODEPTH = 1;
    static final int DEFAULT_NUMJOBS = 1;
    static final long DEFAULT_SIZE = 1L << 30;
    static final Duration DEFAULT_RUNTIME = Duration.ofSeconds(30);
    static final Duration DEFAULT_RAMP_TIME = Duration.ZERO;
    static final String DEFAULT_IOENGINE = "libaio";

    public FioSpec {
        Objects.requireNonNull(rw, "rw");
        Objects.requireNonNull(runtime, "runtime");
        Objects.requireNonNull(rampTime, "rampTime");
        Objects.requireNonNull(ioengine, "ioengine");
        if (!RW_MODES.contains(rw)) {
            throw new InvalidSpecException("rw", "unknown value " + OneLine.quote(rw) + " (valid: "
                    + String.join(", ", RW_MODES) + ")");
        }
        if (!IO_ENGINES.contains(ioengine)) {
            throw new InvalidSpecException("ioengine", "unknown value " + OneLine.quote(ioengine) + " (valid: "
                    + String.join(", ", IO_ENGINES) + ")");
        }
        if (bsBytes < 512 || bsBytes > (64L << 20) || bsBytes % 512 != 0) {
            throw new InvalidSpecException("bs", Quantity.formatBytes(bsBytes)
                    + " is not a valid block size (valid: 512 .. 64m, a multiple of 512)");
        }
        checkRange("iodepth", iodepth, 1, MAX_IODEPTH);
        checkRange("numjobs", numjobs, 1, MAX_NUMJOBS);
        if (sizeBytes < (1L << 20) || sizeBytes > DATA_DISK_BYTES) {
            throw new InvalidSpecException("size", Quantity.formatBytes(sizeBytes)
                    + " is out of range (valid: 1m .. " + Quantity.formatBytes(DATA_DISK_BYTES)
                    + ", the size of the data disk)");
        }
        if (sizeBytes % bsBytes != 0) {
            throw new InvalidSpecException("size", Quantity.formatBytes(sizeBytes) + " is not a multiple of bs "
                    + Quantity.formatBytes(bsBytes));
        }
        checkDuration("runtime", runtime, Duration.ofSeconds(1), Duration.ofHours(1));
        wholeSeconds("runtime", runtime);
        checkDuration("ramp_time", rampTime, Duration.ZERO, Duration.ofMinutes(10));
        wholeSeconds("ramp_time", rampTime);
        if (rwmixread != null) {
            if (!rw.equals("rw") && !rw.equals("randrw")) {
                throw new InvalidSpecException("rwmixread", "only applies to rw: rw or randrw, not rw: " + rw
                        + " (remove rwmixread)");
            }
            checkRange("rwmixread", rwmixread, 0, 100);
        }
        checkRange("fsync", fsync, 0, MAX_FSYNC);
        if (rateIops != null) {
            checkRange("rate_iops", rateIops, 1, MAX_RATE_IOPS);
        }
        if (iodepth > 1 && (ioengine.equals("sync") || ioengine.equals("psync"))) {
            throw new InvalidSpecException("iodepth", iodepth + " has no effect with the synchronous ioengine "
                    + ioengine + " (use ioengine libaio or io_uring, or iodepth 1)");
        }
    }

    /** Reads a plan's {@code fio:} mapping; keys left out take the defaults of {@link #of}. */
    static FioSpec read(PlanNode node) {
        PlanNode m = node.map("a mapping of fio options, e.g. {rw: randread, bs: 4k, iodepth: 32}").allowKeys(KEYS);
        String rw = m.required("rw", "valid: " + String.join(", ", RW_MODES)).choice(RW_MODES);
        long bs = m.get("bs").map(PlanNode::bytes).orElse(DEFAULT_BS);
        int iodepth = m.get("iodepth").map(n -> n.integer(1, MAX_IODEPTH)).orElse(DEFAULT_IODEPTH);
        int numjobs = m.get("numjobs").map(n -> n.integer(1, MAX_NUMJOBS)).orElse(DEFAULT_NUMJOBS);
        long size = m.get("size").map(PlanNode::bytes).orElse(DEFAULT_SIZE);
        Duration runtime = m.get("runtime").map(PlanNode::duration).orElse(DEFAULT_RUNTIME);
        Duration ramp = m.get("ramp_time").map(PlanNode::duration).orElse(DEFAULT_RAMP_TIME);
        Integer rwmixread = m.get("rwmixread").map(n -> n.integer(0, 100)).orElse(null);
        int fsync = m.get("fsync").map(n -> n.integer(0, MAX_FSYNC)).orElse(0);
        boolean direct = m.get("direct").map(n -> n.integer(0, 1) == 1).orElse(true);
        String ioengine = m.get("ioengine").map(n -> n.choice(IO_ENGINES)).orElse(DEFAULT_IOENGINE);
        Integer rateIops = m.get("rate_iops").map(n -> n.integer(1, MAX_RATE_IOPS)).orElse(null);
        return m.build(() -> new FioSpec(rw, bs, iodepth, numjobs, size, runtime, ramp, rwmixread, fsync, direct,
                ioengine, rateIops));
    }

    /**
     * A job with the defaults a plan's keys take when left out: {@code bs 4k, iodepth 1, numjobs 1, size 1G,
     * runtime 30s, ramp_time 0s, fsync 0, direct 1, ioengine libaio}, nothing else.
     */
    public static FioSpec of(String rw) {
        return new FioSpec(rw, DEFAULT_BS, DEFAULT_IODEPTH, DEFAULT_NUMJOBS, DEFAULT_SIZE, DEFAULT_RUNTIME,
                DEFAULT_RAMP_TIME, null, 0, true, DEFAULT_IOENGINE, null);
    }

    /** The same job cut to at most {@code max} of runtime and no ramp time: a warm-up run. */
    public FioSpec forWarmup(Duration max) {
        Duration cut = runtime.compareTo(max) <= 0 ? runtime : max;
        return new FioSpec(rw, bsBytes, iodepth, numjobs, sizeBytes, cut, Duration.ZERO, rwmixread, fsync, direct,
                ioengine, rateIops);
    }

    /** @return the measured time in seconds, as run.json records it */
    @JsonProperty("runtime_s")
    public double runtimeSeconds() {
        return runtime.toMillis() / 1000.0;
    }

    /** @return the ramp time in seconds, as run.json records it */
    @JsonProperty("ramp_time_s")
    public double rampTimeSeconds() {
        return rampTime.toMillis() / 1000.0;
    }

    /** The directions fio reports for this job, in fio's order: {@code read}, {@code write} or {@code trim}. */
    @JsonIgnore
    public List<String> directions() {
        return switch (rw) {
            case "read", "randread" -> List.of("read");
            case "write", "randwrite" -> List.of("write");
            case "rw", "randrw" -> List.of("read", "write");
            default -> List.of("trim");
        };
    }

    /** Runtime plus ramp time: how long the job runs at least, not counting fio's own start-up. */
    public Duration wallTime() {
        return runtime.plus(rampTime);
    }

    static void wholeSeconds(String key, Duration d) {
        if (d.toMillis() % 1000 != 0) {
            throw new InvalidSpecException(key, Quantity.formatDuration(d)
                    + " is not a whole number of seconds (fio and iperf3 are timed in seconds)");
        }
    }

    static void checkDuration(String key, Duration d, Duration min, Duration max) {
        if (d.compareTo(min) < 0 || d.compareTo(max) > 0) {
            throw new InvalidSpecException(key, Quantity.formatDuration(d) + " is out of range (valid: "
                    + Quantity.formatDuration(min) + ".." + Quantity.formatDuration(max) + ")");
        }
    }
}
