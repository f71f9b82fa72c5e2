package dev.vbench.provisioning.crash;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * What {@code e2fsck -fn} said about a file system after a crash.
 *
 * @param clean      true when e2fsck found nothing to repair (exit status 0)
 * @param exit       e2fsck's exit status: 0 clean; 4 errors left uncorrected; 8 (also 12 = 8 + 4) it could not
 *                   check, e.g. no file system or a corrupt journal: for a crashed disk that is a finding too
 * @param firstLines the first lines of its output (at most {@value #LINES}), the evidence for the report
 */
public record FsckReport(boolean clean, int exit, List<String> firstLines) {
    /** How many output lines an outcome keeps. */
    public static final int LINES = 10;

    public FsckReport {
        Objects.requireNonNull(firstLines, "firstLines");
        firstLines = List.copyOf(firstLines);
        if (clean != (exit == 0)) {
            throw new IllegalArgumentException("clean must be exactly exit status 0, got clean=" + clean + " exit="
                    + exit);
        }
    }

    /**
     * The outcome of e2fsck's exit status and output (stdout and stderr merged).
     *
     * @throws IllegalArgumentException for an exit status that says e2fsck itself failed (16 usage error, 32
     *                                  cancelled, 128 shared library error) rather than judged the file system
     */
    public static FsckReport of(int exit, String output) {
        if (exit < 0 || exit > 15) {
            throw new IllegalArgumentException("e2fsck failed itself (exit status " + exit + "): "
                    + String.join(" | ", lines(output, 3)));
        }
        return new FsckReport(exit == 0, exit, lines(output, LINES));
    }

    private static List<String> lines(String output, int max) {
        return Arrays.stream(output.split("\n")).map(String::stripTrailing).filter(s -> !s.isBlank()).limit(max)
                .toList();
    }
}
