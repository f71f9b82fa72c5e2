package dev.vbench.bench.run;

import dev.vbench.provisioning.ProvisioningException;
import dev.vbench.provisioning.crash.BackingFile;
import dev.vbench.provisioning.crash.FsckReport;
import dev.vbench.results.durability.DurabilityChecker;
import dev.vbench.results.durability.FsckOutcome;
import dev.vbench.results.durability.TrialCheck;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.LongStream;

/**
 * The host's check of a data disk's backing file after a crash, never trusting the crashed guest: the records
 * found, and e2fsck's first lines when it found errors in a file system on it.
 */
record CrashCheck(TrialCheck check, List<String> fsckLines) {
    /**
     * What the host finds in the backing file: on a raw target the records themselves; on an ext4 target first
     * {@code e2fsck -fn}, then the records file copied out with debugfs (a file the crash took away entirely is
     * checked as an empty one: every acknowledged and every issued record lost).
     *
     * @param acked  records the writer acknowledged, {@code 0 .. acked - 1}
     * @param issued records it issued, {@code 0 .. issued - 1}, at least {@code acked}
     */
    static CrashCheck of(Path data, boolean ext4, long nonce, long acked, long issued) throws IOException {
        long[] seqs = LongStream.range(0, acked).toArray();
        if (!ext4) {
            return new CrashCheck(DurabilityChecker.check(data, nonce, seqs, issued,
                    FsckOutcome.NOT_RUN), List.of());
        }
        FsckReport fsck = BackingFile.fsck(data);
        Path records = data.resolveSibling(data.getFileName() + ".records");
        try {
            try {
                BackingFile.extract(data, CrashTrials.FILE_IN_FS, records);
            } catch (ProvisioningException missing) {
                Files.deleteIfExists(records);
                Files.createFile(records);
            }
            return new CrashCheck(DurabilityChecker.check(records, nonce, seqs, issued,
                    fsck.clean() ? FsckOutcome.CLEAN : FsckOutcome.ERRORS),
                    fsck.clean() ? List.of() : fsck.firstLines());
        } finally {
            Files.deleteIfExists(records);
        }
    }
}
