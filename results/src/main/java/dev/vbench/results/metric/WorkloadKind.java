package dev.vbench.results.metric;

/** The kinds of workload vbench runs, each with its own set of metrics in {@link MetricCatalog}. */
public enum WorkloadKind {
    /** A fio job on the data disk. */
    FIO,
    /** An iperf3 TCP run from the guest to the host. */
    IPERF3_TCP,
    /** An iperf3 UDP run. */
    IPERF3_UDP
}
