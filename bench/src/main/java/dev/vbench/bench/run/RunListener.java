package dev.vbench.bench.run;

import java.util.List;

/** Something that follows a run's events: the journal, the progress lines, the raw-output files, the run's state. */
@FunctionalInterface
public interface RunListener {
    /** Takes one event; an exception fails what the driver was doing (a measurement's variant, or the run). */
    void on(RunEvent event);

    /** One listener that passes each event to {@code listeners}, in order. */
    static RunListener all(List<RunListener> listeners) {
        List<RunListener> copy = List.copyOf(listeners);
        return event -> copy.forEach(l -> l.on(event));
    }
}
