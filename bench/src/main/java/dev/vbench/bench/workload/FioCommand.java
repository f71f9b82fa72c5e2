package dev.vbench.bench.workload;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Builds the fio command line for one {@link FioJob} on one device. Pure: nothing runs here.
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

    private FioCommand() {
    }

    /**
     * The argument list of {@code fio} for a job on a device or file.
     *
     * @param job    the job
     * @param device absolute path of the block device (or file) to test, e.g. {@code /dev/vdb}; letters, digits,
     *               {@code . _ -} and {@code /} only, no {@code ..}
     * @return {@code fio --name=... --filename=DEVICE --rw=... ... --output-format=json}
     * @throws IllegalArgumentException when the device path is not acceptable
     */
    public static List<String> argv(FioJob job, String device) {
        if (device == null || !DEVICE.matcher(device).matches()
                || Arrays.stream(device.split("/")).anyMatch(part -> part.equals(".") || part.equals(".."))) {
            throw new IllegalArgumentException("fio device '" + device
                    + "' is not valid (expected an absolute path such as /dev/vdb: letters, digits, '.', '_', '-')");
        }
        List<String> argv = new ArrayList<>();
        argv.add("fio");
        argv.add("--name=" + job.name());
        argv.add("--filename=" + device);
        argv.add("--rw=" + job.rw());
        if (job.rwmixread() != null) {
            argv.add("--rwmixread=" + job.rwmixread());
        }
        argv.add("--bs=" + job.bs());
        argv.add("--iodepth=" + job.iodepth());
        argv.add("--numjobs=" + job.numjobs());
        argv.add("--size=" + job.size());
        argv.add("--time_based");
        argv.add("--runtime=" + job.runtimeSeconds() + "s");
        if (job.rampTimeSeconds() > 0) {
            argv.add("--ramp_time=" + job.rampTimeSeconds() + "s");
        }
        argv.add("--direct=" + (job.direct() ? 1 : 0));
        argv.add("--ioengine=" + job.ioengine());
        if (job.fsync() != null && job.fsync() > 0) {
            argv.add("--fsync=" + job.fsync());
        }
        argv.add("--group_reporting");
        argv.add("--output-format=json");
        return List.copyOf(argv);
    }
}
