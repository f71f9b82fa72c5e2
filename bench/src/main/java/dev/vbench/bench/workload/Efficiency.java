package dev.vbench.bench.workload;

import dev.vbench.results.metric.MetricCatalog;
import dev.vbench.results.metric.MetricCatalog.FioMeasure;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The host's cost of one measurement as work per host CPU second ({@link MetricCatalog#IO_PER_HOST_CPU},
 * {@link MetricCatalog#BYTES_PER_HOST_CPU}, {@link MetricCatalog#BITS_PER_HOST_CPU}). Pure: from the tool's metrics,
 * the measured run time T (fio's {@code job_runtime}, iperf3's receiver seconds; ramp and omit excluded) and the
 * host CPU seconds of the measurement:
 * <pre>
 * io_per_host_cpu_s    = sum over directions of D_iops x T / host_cpu
 * bytes_per_host_cpu_s = sum over directions of D_bw   x T / host_cpu
 * bits_per_host_cpu_s  = throughput x T / host_cpu
 * </pre>
 */
public final class Efficiency {
    private Efficiency() {
    }

    /**
     * @param metrics        what the tool reported
     * @param hostCpuSeconds host CPU the measurement took, seconds
     * @param runtime        how long the tool measured
     * @return the efficiency metrics; empty when the CPU time or the run time is not positive (nothing to divide)
     */
    public static List<Metric> of(List<Metric> metrics, double hostCpuSeconds, Duration runtime) {
        if (!(hostCpuSeconds > 0) || runtime.isNegative() || runtime.isZero()) {
            return List.of();
        }
        double seconds = runtime.toNanos() / 1e9;
        double iops = 0;
        double bw = 0;
        boolean fio = false;
        Double throughput = null;
        for (Metric m : metrics) {
            FioMeasure measure = MetricCatalog.fioMeasure(m.name()).orElse(null);
            if (measure == FioMeasure.IOPS) {
                iops += m.value();
                fio = true;
            } else if (measure == FioMeasure.BW) {
                bw += m.value();
            } else if (m.name().equals(MetricCatalog.THROUGHPUT.name())) {
                throughput = m.value();
            }
        }
        List<Metric> out = new ArrayList<>();
        if (fio) {
            out.add(Metric.of(MetricCatalog.IO_PER_HOST_CPU, iops * seconds / hostCpuSeconds));
            out.add(Metric.of(MetricCatalog.BYTES_PER_HOST_CPU, bw * seconds / hostCpuSeconds));
        }
        if (throughput != null) {
            out.add(Metric.of(MetricCatalog.BITS_PER_HOST_CPU, throughput * seconds / hostCpuSeconds));
        }
        return List.copyOf(out);
    }
}
