package dev.vbench.bench.run;

import dev.vbench.results.OutputFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * The run directory ({@code --out}): a new run's must be new, or an empty real directory of the caller's; it keeps
 * a copy of the plan for {@code --resume}.
 */
public final class RunDirectory {
    /** The plan file as given, copied into the run directory; {@code --resume} reads it from there. */
    public static final String PLAN_COPY = "plan.yaml";
    /** Every sample of the run, written at its end ({@link dev.vbench.results.SampleCsv}). */
    public static final String RESULTS_CSV = "results.csv";

    private RunDirectory() {
    }

    /**
     * A new run's (or analysis's) --out must not hold a run or anything else: checked before the lab, and again
     * before writing.
     *
     * @throws RunInputException when {@code dir} holds a run or is a non-empty directory
     */
    public static void requireFresh(Path dir) {
        if (Files.exists(dir.resolve(Journal.FILE))) {
            throw new RunInputException(dir + " already holds a run; continue it with --resume " + dir
                    + " or choose another --out");
        }
        if (Files.isSymbolicLink(dir)) {
            throw new RunInputException("--out " + dir + " is a symbolic link; give the directory itself or a new one");
        }
        if (Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            requireOwnDirectory(dir);
            try (var entries = Files.list(dir)) {
                if (entries.findAny().isPresent()) {
                    throw new RunInputException("--out " + dir + " is not empty; choose a new directory");
                }
            } catch (IOException e) {
                throw new OutputException("cannot read the run directory " + dir + " (" + Failures.reason(e)
                        + "); choose a writable --out");
            }
        }
    }

    /** An existing --out must belong to the user running vbench: root must not write into another user's tree. */
    private static void requireOwnDirectory(Path dir) {
        try {
            String owner = Files.getOwner(dir, LinkOption.NOFOLLOW_LINKS).getName();
            String user = System.getProperty("user.name");
            if (!owner.equals(user)) {
                throw new RunInputException("--out " + dir + " belongs to " + owner + ", not to " + user
                        + " who runs vbench; choose a new directory (vbench creates it)");
            }
        } catch (IOException e) {
            throw new OutputException("cannot read the owner of " + dir + " (" + Failures.reason(e)
                    + "); choose a new --out");
        }
    }

    /** Creates a new run's directory with the copy of its plan, or reopens a resumed one; both get raw/. */
    static void prepare(Path dir, boolean resume, String planSource) {
        try {
            if (!resume) {
                requireFresh(dir);
                OutputFiles.directory(dir);
                OutputFiles.writeNew(dir.resolve(PLAN_COPY), planSource);
            }
            OutputFiles.subdirectory(dir, RawOutput.DIR);
        } catch (IOException e) {
            throw Failures.unwritable(dir, e);
        }
    }
}
