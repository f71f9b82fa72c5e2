package dev.vbench.bench.run;

import dev.vbench.provisioning.Provisioner;
import dev.vbench.provisioning.TaggedDomain;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Removes what runs killed without teardown (SIGKILL, power loss) left behind: domains carrying vbench metadata
 * and overlay directories under the pool, of runs whose {@link RunLock} nobody holds. Domains without vbench
 * metadata and the resources of live runs are never touched.
 */
public final class Leftovers {
    private Leftovers() {
    }

    /** Removes leftovers; returns one line per thing removed. */
    public static List<String> remove(Provisioner provisioner, LabHome lab) {
        List<String> removed = new ArrayList<>();
        Path locks = lab.root().resolve("runs");
        for (TaggedDomain domain : provisioner.listTagged()) {
            if (!RunLock.isHeld(locks, domain.tag().runId())) {
                provisioner.removeTagged(domain.name());
                removed.add("domain " + domain.name());
            }
        }
        if (Files.isDirectory(locks)) {
            try (Stream<Path> files = Files.list(locks)) {
                for (Path lock : files.filter(f -> f.getFileName().toString().endsWith(".lock")).toList()) {
                    String runId = lock.getFileName().toString().replaceFirst("\\.lock$", "");
                    if (!RunLock.isHeld(locks, runId)) {
                        Files.deleteIfExists(lock);
                        removed.add("stale lock " + lock.getFileName());
                    }
                }
            } catch (IOException e) {
                removed.add("(could not list " + locks + ": " + e.getMessage() + ")");
            }
        }
        Path pool = lab.pool();
        if (Files.isDirectory(pool)) {
            try (Stream<Path> runs = Files.list(pool)) {
                for (Path dir : runs.filter(Files::isDirectory).toList()) {
                    if (!RunLock.isHeld(locks, dir.getFileName().toString())) {
                        stopServer(dir.resolve(WorkloadRunner.IPERF3_PID)).ifPresent(removed::add);
                        deleteTree(pool, dir);
                        removed.add("overlays " + dir);
                    }
                }
            } catch (IOException e) {
                removed.add("(could not list " + pool + ": " + e.getMessage() + ")");
            }
        }
        return removed;
    }

    /**
     * Removes what an earlier attempt of {@code runId} left (a resumed run holds the run's lock, so
     * {@link #remove} would spare them): its tagged domains, its server and its overlay directory.
     */
    public static List<String> removeRun(Provisioner provisioner, LabHome lab, String runId) throws IOException {
        List<String> removed = new ArrayList<>();
        for (TaggedDomain domain : provisioner.listTagged()) {
            if (domain.tag().runId().equals(runId)) {
                provisioner.removeTagged(domain.name());
                removed.add("domain " + domain.name());
            }
        }
        Path dir = lab.pool().resolve(runId);
        if (Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            stopServer(dir.resolve(WorkloadRunner.IPERF3_PID)).ifPresent(removed::add);
            deleteTree(lab.pool(), dir);
        }
        return removed;
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
