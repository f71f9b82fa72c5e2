package dev.vbench.bench.run;

import dev.vbench.results.RunStatus;
import java.time.Instant;
import java.util.Map;

/**
 * What the run driver reports to its {@link RunListener}s, in the order it happens: started, environment known,
 * measuring started, per variant notes, booted, warm-ups and ready (or failed), each measurement, ended.
 */
public sealed interface RunEvent {

    /** A run, or a resumed run, began. */
    record Started(String runId, long seed, Instant time, boolean resumed, String planFile) implements RunEvent {
    }

    /** The run's environment: host, libvirt, accelerator, harness, guest size. */
    record EnvironmentKnown(Map<String, String> environment) implements RunEvent {
        public EnvironmentKnown {
            environment = Map.copyOf(environment);
        }
    }

    /** A line for the person watching (booting, warming up). */
    record Note(String text) implements RunEvent {
    }

    /** One warm-up run of a workload on boot {@code boot} of a variant, with the tool's output. */
    record WarmedUp(String variant, int boot, String workload, String output) implements RunEvent {
    }

    /**
     * Boot {@code boot} of a variant was up (booted and proven) at {@code end}, having begun at {@code start}, with
     * {@code together} guests of its batch booting at once ({@link BootAhead}).
     */
    record Booted(String variant, int boot, Instant start, Instant end, int together) implements RunEvent {
    }

    /** A variant was booted, proven and warmed up. */
    record VariantReady(VariantRecord record) implements RunEvent {
    }

    /** A variant failed and was torn down; {@code cause} is the one-line message of what went wrong. */
    record VariantFailed(VariantRecord record, String cause) implements RunEvent {
    }

    /**
     * The rounds of boots begin: {@code planned} measurements at most, {@code done} of them kept from before; a
     * sequential run may stop before the last.
     */
    record MeasuringStarted(int planned, int done, boolean mayStopEarly) implements RunEvent {
    }

    /** One repetition was measured (or failed); {@code output} is the tool's output of an ok one, else null. */
    record Measured(Measurement measurement, String output) implements RunEvent {
    }

    /** The run ended. */
    record Ended(RunStatus status, Instant time) implements RunEvent {
    }
}
