package dev.vbench.bench.workload;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One fio job, in the terms {@link FioCommand} turns into arguments. Every value is checked against a strict
 * grammar or a closed set, so nothing in it can smuggle a second argument or shell syntax into the command.
 *
 * @param name            job name, {@code [A-Za-z0-9][A-Za-z0-9._-]{0,63}}
 * @param rw              I/O pattern, one of {@link #RW_MODES}
 * @param bs              block size as fio reads it: digits with an optional {@code k}/{@code m}/{@code g} suffix
 *                        (fio: powers of 1024), e.g. {@code 4k} or {@code 4096}
 * @param iodepth         outstanding I/Os per job, 1..4096
 * @param numjobs         parallel jobs, 1..256
 * @param size            bytes each job covers, same grammar as {@code bs} plus {@code t}, or a percentage of
 *                        the device such as {@code 100%}
 * @param runtimeSeconds  measured time in seconds, 1..86400
 * @param rampTimeSeconds time run before measuring, 0..86400 (0: none)
 * @param rwmixread       percentage of reads 0..100, only with {@code rw}/{@code randrw}, else {@code null}
 * @param fsync           fsync after this many writes, {@code null} or 0 for never, at most 1000000
 * @param direct          O_DIRECT, bypassing the guest page cache
 * @param ioengine        one of {@link #IO_ENGINES}
 */
public record FioJob(String name, String rw, String bs, int iodepth, int numjobs, String size, int runtimeSeconds,
        int rampTimeSeconds, Integer rwmixread, Integer fsync, boolean direct, String ioengine) {

    /** Accepted {@code rw} values. */
    public static final List<String> RW_MODES = List.of("read", "write", "randread", "randwrite", "rw", "randrw",
            "trim", "randtrim");
    /** Accepted {@code ioengine} values. */
    public static final List<String> IO_ENGINES = List.of("libaio", "io_uring", "psync", "sync", "posixaio");

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final Pattern BS = Pattern.compile("[1-9][0-9]{0,11}[kKmMgG]?");
    private static final Pattern SIZE = Pattern.compile("[1-9][0-9]{0,14}[kKmMgGtT]?|(100|[1-9][0-9]?)%");

    /** Checks every value; the message names the field, the bad value and what is accepted. */
    public FioJob {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(rw, "rw");
        Objects.requireNonNull(bs, "bs");
        Objects.requireNonNull(size, "size");
        Objects.requireNonNull(ioengine, "ioengine");
        check("name", name, NAME.matcher(name).matches(), NAME.pattern());
        check("rw", rw, RW_MODES.contains(rw), "one of " + String.join(", ", RW_MODES));
        check("bs", bs, BS.matcher(bs).matches(), "digits with an optional k, m or g suffix, e.g. 4k");
        check("size", size, SIZE.matcher(size).matches(),
                "digits with an optional k, m, g or t suffix, or a percentage 1%..100%, e.g. 1g");
        check("ioengine", ioengine, IO_ENGINES.contains(ioengine), "one of " + String.join(", ", IO_ENGINES));
        range("iodepth", iodepth, 1, 4096);
        range("numjobs", numjobs, 1, 256);
        range("runtimeSeconds", runtimeSeconds, 1, 86_400);
        range("rampTimeSeconds", rampTimeSeconds, 0, 86_400);
        if (rwmixread != null) {
            if (!rw.equals("rw") && !rw.equals("randrw")) {
                throw new IllegalArgumentException("fio job " + name + ": rwmixread only applies to rw or randrw, not "
                        + rw);
            }
            range("rwmixread", rwmixread, 0, 100);
        }
        if (fsync != null) {
            range("fsync", fsync, 0, 1_000_000);
        }
    }

    private static void check(String field, String value, boolean ok, String expected) {
        if (!ok) {
            throw new IllegalArgumentException("fio job " + field + " '" + value + "' is not valid (expected "
                    + expected + ")");
        }
    }

    private static void range(String field, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException("fio job " + field + " " + value + " is out of range " + min + ".."
                    + max);
        }
    }
}
