package dev.vbench.results.history;

import java.time.Instant;

/**
 * A run in the history.
 *
 * @param runId    the run's id
 * @param host     the hypervisor host it ran on
 * @param planName the plan's name
 * @param started  when it started (to the microsecond)
 * @param status   how it ended: {@code complete}, {@code partial}, {@code failed}, {@code interrupted}...
 */
public record RunInfo(String runId, String host, String planName, Instant started, String status) {
}
