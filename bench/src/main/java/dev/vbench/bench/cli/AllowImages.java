package dev.vbench.bench.cli;

import dev.vbench.bench.image.ImageRoots;
import dev.vbench.bench.run.LabHome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * {@code --allow-images DIR} of {@code run} and {@code plan}: directories besides {@code VBENCH_HOME/images}
 * whose files a plan's {@code image:} may name. Only the command line allows them, never a plan, and nothing
 * records them: {@code run --resume} needs them given again.
 */
final class AllowImages {
    @Option(names = "--allow-images", paramLabel = "DIR",
            description = {"Let the plan's image: name files under DIR (repeatable; default: only under"
                    + " $VBENCH_HOME/images). Give it again with --resume."})
    private List<Path> dirs = new ArrayList<>();

    /** The lab's image directory and the allowed ones, each an existing directory. */
    ImageRoots roots(LabHome lab, CommandLine cmd) {
        for (Path dir : dirs) {
            if (!Files.isDirectory(dir)) {
                throw new ParameterException(cmd, "--allow-images " + dir + ": not a directory; give the directory"
                        + " that holds the plan's image files");
            }
        }
        return ImageRoots.of(lab, dirs);
    }
}
