package dev.vbench.bench.run;

import dev.vbench.bench.ssh.HostKeyMismatchException;
import dev.vbench.bench.ssh.OutputTooLargeException;
import dev.vbench.bench.ssh.RemoteCommandTimeoutException;
import dev.vbench.bench.workload.InvalidMeasurementException;
import dev.vbench.results.OutputFiles;
import dev.vbench.results.RunStatus;
import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * What a failure during a run amounts to, decided in one place: a failed or invalid measurement (the variant goes
 * on), a failed variant (the others go on), or the run's status. Exit codes follow from the exception types and
 * the run's status ({@code Main.exitCodeOf}, {@code RunCommand.exitCode}).
 */
final class Failures {
    private Failures() {
    }

    /** How one repetition ended when its workload threw: a status and the reason to record. */
    record Outcome(Measurement.Status status, String reason) {
    }

    /**
     * The measurement {@code e} amounts to, or empty when it fails the whole variant: the tool's invalid output is
     * an invalid measurement, unless the guest stopped running (a failed one); a tool that did not finish in time or
     * printed more than vbench keeps was cut off by the harness: a failed measurement; anything else (SSH lost, the
     * guest gone, an I/O error) fails the variant.
     *
     * @param guestRunning asked only for an invalid measurement
     */
    static Optional<Outcome> ofMeasurement(RuntimeException e, BooleanSupplier guestRunning) {
        if (e instanceof InvalidMeasurementException) {
            return Optional.of(guestRunning.getAsBoolean() ? new Outcome(Measurement.Status.INVALID, oneLine(e))
                    : new Outcome(Measurement.Status.FAILED,
                            "the guest stopped running during the measurement (" + oneLine(e) + ")"));
        }
        if (e instanceof RemoteCommandTimeoutException || e instanceof OutputTooLargeException) {
            return Optional.of(new Outcome(Measurement.Status.FAILED, oneLine(e)));
        }
        return Optional.empty();
    }

    /**
     * Whether {@code e}, failing one variant, ends the whole run instead: a guest presenting another host key (it
     * may be an impersonation: exit 4, nothing more is measured) or a run directory that cannot be written (exit 6).
     */
    static boolean endsRun(Exception e) {
        return e instanceof HostKeyMismatchException || e instanceof OutputException;
    }

    /** The reason recorded for a variant that failed on boot {@code boot} (0: before any boot). */
    static String ofVariant(Exception e, int boot) {
        return boot > 0 ? "boot " + boot + ": " + oneLine(e) : oneLine(e);
    }

    /** How the run ended: interrupted, partial when a variant failed in this attempt, else complete. */
    static RunStatus runStatus(boolean interrupted, boolean variantFailed) {
        if (interrupted) {
            return RunStatus.INTERRUPTED;
        }
        return variantFailed ? RunStatus.PARTIAL : RunStatus.COMPLETE;
    }

    /** An exception's message on one line (a remote command's output tail joined by {@code |}). */
    static String oneLine(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.replaceAll("\\s*\\n\\s*", " | ").trim();
    }

    /** What went wrong with a file, in words ({@link OutputFiles#reason}), after the file's path when known. */
    static String reason(IOException e) {
        String file = e instanceof FileSystemException fs ? fs.getFile() : null;
        return file == null ? OutputFiles.reason(e) : file + ": " + OutputFiles.reason(e);
    }

    /** The run directory cannot be written: exit 6, naming the fix. */
    static OutputException unwritable(Path dir, IOException e) {
        if (e instanceof OutputFiles.UnsafePathException) {
            return new OutputException("refusing to write the run directory " + dir + ": " + reason(e)
                    + "; remove it, or choose a new --out");
        }
        return new OutputException("cannot write the run directory " + dir + " (" + reason(e)
                + "); choose a writable --out");
    }
}
