package dev.vbench.results.compare;

/**
 * Finds a run by the name a user gave it: a run directory today; a run id in the history is a second
 * implementation.
 */
@FunctionalInterface
public interface RunLookup {
    /**
     * @param ref the run as the user named it
     * @return its samples, name and environment
     * @throws dev.vbench.results.ResultsInputException when there is no such run or it cannot be read: the message
     *                                                  names the run and the fix
     */
    RunSamples find(String ref);
}
