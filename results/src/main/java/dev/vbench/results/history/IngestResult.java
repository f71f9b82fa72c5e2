package dev.vbench.results.history;

/**
 * What {@link HistoryStore#ingest} did.
 *
 * @param runId     the run's id
 * @param added     false when the history already held the run with the same content (nothing changed)
 * @param samples   the run's number of samples
 * @param newSeries how many of the run's series the history did not know before
 */
public record IngestResult(String runId, boolean added, int samples, int newSeries) {
}
