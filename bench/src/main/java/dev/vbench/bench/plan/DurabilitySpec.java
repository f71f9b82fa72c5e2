package dev.vbench.bench.plan;

import static dev.vbench.bench.plan.InvalidSpecException.checkRange;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonValue;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One host-crash durability trial's workload, and the only model of one: {@link #read} reads it from a plan's
 * {@code durability:} mapping and {@code dev.vbench.bench.workload.DurableCommand} turns it into the arguments of
 * the guest's {@code vbench-durable} writer. The host is crashed at a random instant in {@code crash_after}.
 *
 * @param mode            how each record is made durable before it is acknowledged
 * @param target          where the records go: the raw data disk, or a file on an ext4 file system on it
 * @param records         records written at most, 1..{@value #MAX_RECORDS} (4 KiB each; the crash normally comes
 *                        first)
 * @param trials          crash trials per variant, 1..{@value #MAX_TRIALS} (default {@value #DEFAULT_TRIALS}),
 *                        each on a fresh boot
 * @param crashAfterMin   earliest crash, after the writer printed {@code start}; whole seconds, 1 s .. 1 h
 * @param crashAfterMax   latest crash, whole seconds, {@code crashAfterMin} .. 1 h
 */
@JsonPropertyOrder({"mode", "target", "records", "trials", "crash_after_min_s", "crash_after_max_s"})
public record DurabilitySpec(Mode mode, Target target, int records, int trials, @JsonIgnore Duration crashAfterMin,
        @JsonIgnore Duration crashAfterMax) {

    /** How the writer makes a record durable; {@link #code} is the record's mode field. */
    public enum Mode {
        /** pwrite, then fdatasync; acknowledged when fdatasync returns. */
        SYNC,
        /** pwrite on an O_DSYNC descriptor; acknowledged when it returns. */
        DSYNC,
        /** pwrite only (a buffered application); acknowledged when it returns. */
        BUFFERED;

        /** @return the writer's {@code --mode} value and the plan's spelling: {@code sync}, {@code dsync}, ... */
        @JsonValue
        public String spelling() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** @return the u32 mode field of every record written in this mode: 0, 1 or 2 */
        public int code() {
            return ordinal();
        }
    }

    /** Where the records go. */
    public enum Target {
        /** The raw data disk (a block device, records from offset 0). */
        RAW,
        /** A file the writer creates on an ext4 file system made on the data disk. */
        EXT4;

        /** @return the plan's spelling: {@code raw} or {@code ext4} */
        @JsonValue
        public String spelling() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Records written at most: 1,000,000 slots of 4 KiB, about 3.8 GiB. */
    public static final int MAX_RECORDS = 1_000_000;
    static final int DEFAULT_RECORDS = 100_000;
    /** Crash trials per variant unless the plan says otherwise. */
    public static final int DEFAULT_TRIALS = 20;
    /** The most crash trials a workload may ask for per variant. */
    public static final int MAX_TRIALS = 1000;
    static final Duration DEFAULT_CRASH_MIN = Duration.ofSeconds(5);
    static final Duration DEFAULT_CRASH_MAX = Duration.ofSeconds(15);
    private static final Duration LONGEST = Duration.ofHours(1);
    private static final List<String> KEYS = List.of("mode", "target", "records", "trials", "crash_after");

    public DurabilitySpec {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(crashAfterMin, "crashAfterMin");
        Objects.requireNonNull(crashAfterMax, "crashAfterMax");
        checkRange("records", records, 1, MAX_RECORDS);
        checkRange("trials", trials, 1, MAX_TRIALS);
        FioSpec.checkDuration("crash_after", crashAfterMin, Duration.ofSeconds(1), LONGEST);
        FioSpec.checkDuration("crash_after", crashAfterMax, Duration.ofSeconds(1), LONGEST);
        FioSpec.wholeSeconds("crash_after", crashAfterMin);
        FioSpec.wholeSeconds("crash_after", crashAfterMax);
        if (crashAfterMax.compareTo(crashAfterMin) < 0) {
            throw new InvalidSpecException("crash_after", "[" + Quantity.formatDuration(crashAfterMin) + ", "
                    + Quantity.formatDuration(crashAfterMax) + "] ends before it starts (write [MIN, MAX] with"
                    + " MIN <= MAX)");
        }
    }

    /** Reads a plan's {@code durability:} mapping; {@code mode} is required, the rest default as in {@link #of}. */
    static DurabilitySpec read(PlanNode node) {
        PlanNode m = node.map("a mapping of durability options, e.g. {mode: sync, target: raw, crash_after: [5s, 15s]}")
                .allowKeys(KEYS);
        Mode mode = Mode.valueOf(m.required("mode", "e.g. mode: sync").choice(spellings(Mode.values()))
                .toUpperCase(Locale.ROOT));
        Target target = m.get("target").map(n -> Target.valueOf(n.choice(spellings(Target.values()))
                .toUpperCase(Locale.ROOT))).orElse(Target.RAW);
        int records = m.get("records").map(n -> n.integer(1, MAX_RECORDS)).orElse(DEFAULT_RECORDS);
        int trials = m.get("trials").map(n -> n.integer(1, MAX_TRIALS)).orElse(DEFAULT_TRIALS);
        Duration[] crash = m.get("crash_after").map(DurabilitySpec::readWindow)
                .orElse(new Duration[] {DEFAULT_CRASH_MIN, DEFAULT_CRASH_MAX});
        return m.build(() -> new DurabilitySpec(mode, target, records, trials, crash[0], crash[1]));
    }

    private static Duration[] readWindow(PlanNode node) {
        List<PlanNode> items = node.list("a list [MIN, MAX] of two durations, e.g. crash_after: [5s, 15s]");
        if (items.size() != 2) {
            throw node.error("expected [MIN, MAX], two durations, e.g. crash_after: [5s, 15s]; got " + items.size()
                    + " items");
        }
        return new Duration[] {items.get(0).duration(), items.get(1).duration()};
    }

    private static List<String> spellings(Enum<?>[] values) {
        return Arrays.stream(values).map(v -> v.name().toLowerCase(Locale.ROOT)).toList();
    }

    /**
     * @param mode the mode
     * @return a trial on the raw disk with the defaults: 100,000 records at most, crash after 5 s .. 15 s
     */
    public static DurabilitySpec of(Mode mode) {
        return new DurabilitySpec(mode, Target.RAW, DEFAULT_RECORDS, DEFAULT_TRIALS, DEFAULT_CRASH_MIN,
                DEFAULT_CRASH_MAX);
    }

    /** @return {@link #crashAfterMin()} in seconds, as run.json records it */
    @JsonProperty("crash_after_min_s")
    public long crashAfterMinSeconds() {
        return crashAfterMin.toSeconds();
    }

    /** @return {@link #crashAfterMax()} in seconds, as run.json records it */
    @JsonProperty("crash_after_max_s")
    public long crashAfterMaxSeconds() {
        return crashAfterMax.toSeconds();
    }
}
