package dev.vbench.bench.ssh;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * What a command run over SSH returned.
 *
 * @param exitStatus the remote exit status, or -1 when the command ended without one (killed by a signal)
 * @param stdout     standard output, UTF-8 decoded, complete (a guest's command may print at most
 *                   {@link GuestShell#MAX_STDOUT_BYTES})
 * @param stderr     standard error, UTF-8 decoded: complete, or its last {@link GuestShell#STDERR_TAIL_BYTES}
 *                   from a line start
 * @param duration   wall time from opening the channel to its close
 */
public record CommandResult(int exitStatus, String stdout, String stderr, Duration duration) {
    /** Nothing may be null. */
    public CommandResult {
        Objects.requireNonNull(stdout, "stdout");
        Objects.requireNonNull(stderr, "stderr");
        Objects.requireNonNull(duration, "duration");
    }

    /**
     * @param lines how many
     * @return the last {@code lines} non-blank lines of standard error, joined with LF
     */
    public String stderrTail(int lines) {
        return tail(stderr, lines);
    }

    /**
     * @param text  some text
     * @param lines how many
     * @return its last {@code lines} non-blank lines, joined with LF
     */
    public static String tail(String text, int lines) {
        List<String> all = Arrays.stream(text.split("\\R")).filter(l -> !l.isBlank()).toList();
        return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    }
}
