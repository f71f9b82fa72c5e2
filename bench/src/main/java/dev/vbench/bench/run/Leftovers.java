package dev.vbench.bench.run;

import dev.vbench.provisioning.Provisioner;
import dev.vbench.provisioning.RunOwner;
import dev.vbench.provisioning.RunTag;
import dev.vbench.provisioning.TaggedDomain;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Removes what runs killed without teardown (SIGKILL, power loss) left behind: domains carrying vbench's run tag,
 * overlay directories under the pool, iperf3 servers and lock files. Only what is provably this harness's own and
 * stale is touched: a domain only when its tag names this {@code VBENCH_HOME} and this machine ({@link RunOwner}),
 * and anything of a run only while holding that run's {@link RunLock} (a live run holds it; a run being resumed
 * cannot start meanwhile). Domains of another home or host and domains whose tag names no owner are reported as
 * not ours and left alone; domains without a run tag are not even listed.
 */
public final class Leftovers {
    private Leftovers() {
    }

    /**
     * What a cleanup did.
     *
     * @param removed   one line per thing removed ({@code domain NAME}, {@code overlays DIR}, ...)
     * @param leftAlone one line per thing looked at and left alone, saying why: {@code not ours: domain NAME (...)}
     *                  for a domain whose tag does not name this home and host, {@code left alone: ...} otherwise
     * @param owner     this home and host
     */
    public record Report(List<String> removed, List<String> leftAlone, RunOwner owner) {
    }

    /** Removes the leftovers of every stale run of this home on this host; see the class comment. */
    public static Report remove(Provisioner provisioner, LabHome lab) {
        RunOwner me = lab.owner();
        List<String> removed = new ArrayList<>();
        List<String> leftAlone = new ArrayList<>();
        Set<String> runs = new TreeSet<>();
        for (TaggedDomain domain : provisioner.listTagged()) {
            if (domain.tag().ownedBy(me)) {
                runs.add(domain.tag().runId());
            } else {
                leftAlone.add("not ours: domain " + domain.name() + " (run " + domain.tag().runId() + ", "
                        + domain.tag().describeOwner() + ")");
            }
        }
        runs.addAll(runIds(lab.runs(), ".lock", leftAlone));
        runs.addAll(runIds(lab.pool(), "", leftAlone));
        for (String runId : runs) {
            boolean hadLock = Files.exists(lab.runs().resolve(runId + ".lock"), LinkOption.NOFOLLOW_LINKS);
            try {
                Optional<RunLock> lock = RunLock.tryAcquire(lab.runs(), runId);
                if (lock.isEmpty()) {
                    continue; // alive
                }
                try (RunLock held = lock.get()) {
                    removed.addAll(removeRun(provisioner, lab, runId));
                }
                if (hadLock) {
                    removed.add("stale lock " + runId + ".lock");
                }
            } catch (IOException e) {
                leftAlone.add("left alone: run " + runId + " (" + e.getMessage() + ")");
            }
        }
        return new Report(removed, leftAlone, me);
    }

    /**
     * What a run removes before it starts: what killed runs of this home and host left behind ({@link #remove}), and
     * with {@code resumedRunId} the resumed run's own remains ({@link #removeRun}).
     *
     * @return what was removed, one line each
     */
    static List<String> removeBefore(Provisioner provisioner, LabHome lab, String resumedRunId) throws IOException {
        List<String> removed = new java.util.ArrayList<>(remove(provisioner, lab).removed());
        if (resumedRunId != null) {
            removed.addAll(removeRun(provisioner, lab, resumedRunId));
        }
        return removed;
    }

    /**
     * Removes what {@code runId} left: its domains tagged with this home and host, its server and its overlays (on a
     * remote host the run's overlay and console volumes in vbench's pool there). The
     * caller holds the run's lock (a resume removing its earlier attempt's, or {@link #remove}), so no harness of
     * this home defines domains of the run meanwhile: they are listed afresh under the lock.
     */
    public static List<String> removeRun(Provisioner provisioner, LabHome lab, String runId) throws IOException {
        RunOwner me = lab.owner();
        List<String> removed = new ArrayList<>();
        for (TaggedDomain domain : provisioner.listTagged()) {
            if (!domain.tag().ownedBy(me) || !domain.tag().runId().equals(runId)) {
                continue;
            }
            provisioner.removeTagged(domain);
            removed.add("domain " + domain.name());
        }
        if (!provisioner.local()) {
            provisioner.removeRunVolumes(runId).forEach(v -> removed.add("volume " + v));
        }
        Path dir = lab.pool().resolve(runId);
        if (Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            stopServer(dir.resolve(WorkloadRunner.IPERF3_PID)).ifPresent(removed::add);
            deleteTree(lab.pool(), dir);
            removed.add("overlays " + dir);
        }
        return removed;
    }

    /** The run ids named by the entries {@code ID + suffix} of {@code dir}; other entries are noted, not touched. */
    private static List<String> runIds(Path dir, String suffix, List<String> notes) {
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            return List.of();
        }
        List<String> ids = new ArrayList<>();
        try (Stream<Path> entries = Files.list(dir)) {
            for (Path p : entries.toList()) {
                String name = p.getFileName().toString();
                String id = name.endsWith(suffix) ? name.substring(0, name.length() - suffix.length()) : "";
                if (RunTag.RUN_ID.matcher(id).matches()) {
                    ids.add(id);
                } else {
                    notes.add("left alone: " + p + " (not named after a vbench run)");
                }
            }
        } catch (IOException e) {
            notes.add("left alone: " + dir + " (cannot list it: " + e.getMessage() + ")");
        }
        return ids;
    }

    /** Stops the iperf3 server whose pid file is {@code pidFile}, if it is still an iperf3 process. */
    static java.util.Optional<String> stopServer(Path pidFile) {
        try {
            if (!Files.isRegularFile(pidFile)) {
                return java.util.Optional.empty();
            }
            long pid = Long.parseLong(Files.readString(pidFile).trim());
            return ProcessHandle.of(pid).filter(p -> p.info().command().orElse("").endsWith("iperf3"))
                    .map(p -> {
                        p.destroy();
                        return "iperf3 server pid " + pid;
                    });
        } catch (IOException | NumberFormatException e) {
            return java.util.Optional.empty();
        }
    }

    /**
     * Deletes {@code dir} and everything in it, after proving that it is a directory strictly inside {@code root}
     * (normalized, no {@code ..}, not a symbolic link); links inside it are removed, never followed.
     *
     * @throws IllegalStateException when {@code dir} is not provably inside {@code root}: nothing is deleted
     */
    static void deleteTree(Path root, Path dir) throws IOException {
        Path base = root.toAbsolutePath().normalize();
        Path target = dir.toAbsolutePath().normalize();
        if (!target.startsWith(base) || target.equals(base) || !target.getParent().equals(base)
                || Files.isSymbolicLink(target) || !base.toRealPath().equals(target.getParent().toRealPath())) {
            throw new IllegalStateException("refusing to delete " + dir + ": not a directory of its own inside "
                    + root);
        }
        try (Stream<Path> walk = Files.walk(target)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
