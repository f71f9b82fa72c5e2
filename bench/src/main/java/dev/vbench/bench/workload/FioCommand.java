package dev.vbench.bench.workload;

import dev.vbench.bench.plan.FioSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Builds the fio command line for one {@link FioSpec} on one device. Pure: nothing runs here. Sizes go to fio in
 * bytes and times in seconds, so fio reads exactly what the plan said.
 *
 * <p>Choices, the same for every variant so their numbers compare:
 * <ul>
 *   <li>{@code --time_based}: every variant is measured for the same {@code runtime}; without it a fast variant
 *       stops once it has covered {@code size} and measures a shorter, warmer interval. {@code size} then only
 *       bounds the region the offsets fall in (the working set).</li>
 *   <li>{@code --group_reporting}: with {@code numjobs > 1} fio merges the jobs into one report, including their
 *       latency histograms, so the percentiles are exact for the whole group ({@link FioParser} can only bound
 *       them when it has to combine separate job reports).</li>
 *   <li>{@code --output-format=json}: the input of {@link FioParser}.</li>
 * </ul>
 */
public final class FioCommand {
    private static final Pattern DEVICE = Pattern.compile("(/[A-Za-z0-9._-]+)+");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    private FioCommand() {
    }

    /**
     * The argument list of {@code fio} for a job on a device or file.
     *
     * @param name   the job's name, {@code [A-Za-z0-9][A-Za-z0-9._-]{0,63}} (the workload's name)
     * @param job    the job
     * @param device absolute path of the block device (or file) to test, e.g. {@code /dev/vdb}; letters, digits,
     *               {@code . _ -} and {@code /} only, no {@code ..}
     * @return {@code fio --name=NAME --filename=DEVICE --rw=... ... --output-format=json}
     * @throws IllegalArgumentException when the name or the device path is not acceptable
     */
    public static List<String> argv(String name, FioSpec job, String device) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("fio job name '" + name + "' is not valid (expected " + NAME.pattern()
                    + ")");
        }
        if (device == null || !DEVICE.matcher(device).matches()
                || Arrays.stream(device.split("/")).anyMatch(part -> part.equals(".") || part.equals(".."))) {
            throw new IllegalArgumentException("fio device '" + device
                    + "' is not valid (expected an absolute path such as /dev/vdb: letters, digits, '.', '_', '-')");
        }
        List<String> argv = new ArrayList<>();
        argv.add("fio");
        argv.add("--name=" + name);
        argv.add("--filename=" + device);
        argv.add("--rw=" + job.rw());
        if (job.rwmixread() != null) {
            argv.add("--rwmixread=" + job.rwmixread());
        }
        argv.add("--bs=" + job.bsBytes());
        argv.add("--iodepth=" + job.iodepth());
        argv.add("--numjobs=" + job.numjobs());
        argv.add("--size=" + job.sizeBytes());
        argv.add("--time_based");
        argv.add("--runtime=" + job.runtime().toSeconds() + "s");
        if (!job.rampTime().isZero()) {
            argv.add("--ramp_time=" + job.rampTime().toSeconds() + "s");
        }
        argv.add("--direct=" + (job.direct() ? 1 : 0));
        argv.add("--ioengine=" + job.ioengine());
        if (job.fsync() > 0) {
            argv.add("--fsync=" + job.fsync());
        }
        if (job.rateIops() != null) {
            argv.add("--rate_iops=" + job.rateIops());
        }
        argv.add("--group_reporting");
        argv.add("--output-format=json");
        return List.copyOf(argv);
    }
}
