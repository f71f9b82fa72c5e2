package dev.vbench.bench.workload;

import dev.vbench.bench.plan.DurabilitySpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Builds the command line of the guest's durability writer, {@code /usr/local/bin/vbench-durable} (installed by
 * {@code scripts/lib/image.sh}, source {@code scripts/lib/vbench-durable.c}), for one {@link DurabilitySpec}. Pure:
 * nothing runs here. On the raw disk the writer opens the existing block device; on ext4 it creates a new file
 * ({@code --create}, O_CREAT|O_EXCL), so it never writes into a file it did not make. Its output ({@code start},
 * then {@code write SEQ} and {@code ack SEQ} per record) is read by {@link DurabilityAcks}.
 */
public final class DurableCommand {
    /** Where the image installs the writer. */
    public static final String WRITER = "/usr/local/bin/vbench-durable";
    private static final Pattern PATH = Pattern.compile("(/[A-Za-z0-9._-]+)+");

    private DurableCommand() {
    }

    /**
     * The writer's argument list.
     *
     * @param spec  the trial
     * @param path  absolute path of the target: the block device (e.g. {@code /dev/vdb}) for
     *              {@link DurabilitySpec.Target#RAW}, the file to create on the mounted ext4 file system for
     *              {@link DurabilitySpec.Target#EXT4}; letters, digits, {@code . _ -} and {@code /} only, no
     *              {@code ..}
     * @param nonce this trial's random number, written into every record (the checker knows it); any 64 bits,
     *              passed unsigned in decimal
     * @return {@code vbench-durable --target PATH --mode MODE --nonce N --records MAX [--create]}
     * @throws IllegalArgumentException when the path is not acceptable
     */
    public static List<String> argv(DurabilitySpec spec, String path, long nonce) {
        if (path == null || !PATH.matcher(path).matches()
                || Arrays.stream(path.split("/")).anyMatch(part -> part.equals(".") || part.equals(".."))) {
            throw new IllegalArgumentException("durability target '" + path + "' is not valid (expected an absolute"
                    + " path such as /dev/vdb: letters, digits, '.', '_', '-')");
        }
        List<String> argv = new ArrayList<>(List.of(WRITER, "--target", path, "--mode", spec.mode().spelling(),
                "--nonce", Long.toUnsignedString(nonce), "--records", Integer.toString(spec.records())));
        if (spec.target() == DurabilitySpec.Target.EXT4) {
            argv.add("--create");
        }
        return List.copyOf(argv);
    }
}
