package dev.vbench.bench.run;

import dev.vbench.bench.workload.Metric;
import dev.vbench.results.Sample;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One repetition of one workload on one boot of one variant, as recorded in the journal. A measurement that is not
 * {@link Status#OK} carries a reason and no metrics: an invalid measurement is a failure, never a number.
 *
 * @param boot which boot of the variant, from 1 (a journal of an older vbench, without boots, reads as boot 1)
 * @param rep  which repetition on that boot, from 1
 * @param raw  path of the tool's original output, relative to the run directory
 */
public record Measurement(String variant, String workload, int boot, int rep, Status status, String reason,
        Instant start, Instant end, List<Metric> metrics, String raw) {

    /** How a measurement ended. */
    public enum Status {
        OK, INVALID, FAILED;

        public String json() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public Measurement {
        Objects.requireNonNull(variant, "variant");
        Objects.requireNonNull(workload, "workload");
        Objects.requireNonNull(status, "status");
        for (String name : List.of(variant, workload)) {
            if (!Sample.NAME.matcher(name).matches()) {
                // names become file names under raw/: one read back from a journal follows the plan's grammar
                throw new IllegalArgumentException("'" + name + "' is not a variant or workload name");
            }
        }
        if (boot < 1 || rep < 1) {
            throw new IllegalArgumentException("boot " + boot + " and repetition " + rep + " must be 1 or more");
        }
        metrics = List.copyOf(metrics);
        if (status != Status.OK && reason == null) {
            throw new IllegalArgumentException("a measurement that is not ok needs a reason");
        }
    }

    public boolean ok() {
        return status == Status.OK;
    }

    /** Key of the cell, boot and repetition this measurement fills. */
    public String key() {
        return variant + "\u0000" + workload + "\u0000" + boot + "\u0000" + rep;
    }
}
