package dev.vbench.bench.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The run directory ({@code --out}): a new run's must be empty; it keeps a copy of the plan for {@code --resume}. */
public final class RunDirectory {
    /** The plan file as given, copied into the run directory; {@code --resume} reads it from there. */
    public static final String PLAN_COPY = "plan.yaml";

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
        if (Files.isDirectory(dir)) {
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

    /** Creates a new run's directory with the copy of its plan, or reopens a resumed one; both get raw/. */
    static void prepare(Path dir, boolean resume, String planSource) {
        try {
            if (!resume) {
                requireFresh(dir);
                Files.createDirectories(dir);
                Files.writeString(dir.resolve(PLAN_COPY), planSource, StandardCharsets.UTF_8);
            }
            Files.createDirectories(dir.resolve(RawOutput.DIR));
        } catch (IOException e) {
            throw Failures.unwritable(dir, e);
        }
    }
}
