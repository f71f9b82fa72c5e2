package dev.vbench.bench.run;

import dev.vbench.provisioning.RunTag;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Marks a run as alive: an OS file lock on {@code VBENCH_HOME/runs/RUNID.lock}, held while the harness runs and
 * released by the kernel when it dies, SIGKILL included. A tagged domain whose run holds no lock is a leftover
 * that {@code vbench cleanup} and the start of every run may remove, while holding that lock themselves; a live
 * run's domains are never touched.
 *
 * <p>Lock files are deleted when a run ends, which opens a race: a process may open the file, another delete it,
 * and the first then lock a file that no longer has a name, while a third locks a new file of the same name. Two
 * rules close it. A lock file is deleted only by the holder of its lock ({@link #close()}). And a lock counts only
 * after proof that the path still names the very file that was locked: the path is opened a second time and that
 * channel's lock attempt must collide with the lock just taken. The JVM keeps its file locks in one table keyed by
 * file identity (device and inode, {@code fstat} of each channel), so {@link OverlappingFileLockException} proves
 * "same file"; a successful or refused lock proves "another file", and the attempt is retried. The proving channel
 * stays open as long as the lock: POSIX record locks belong to the process, and closing any channel of the file
 * would release them. For the same reason a lock file this JVM holds is never opened again here ({@link #HELD}).
 */
public final class RunLock implements AutoCloseable {
    /** How often a lock file replaced between opening and proving is tried again. */
    static final int ATTEMPTS = 5;
    /** The lock files this JVM holds (absolute, normalized); guarded by itself. */
    private static final Set<Path> HELD = new HashSet<>();
    private static final LinkOption NOFOLLOW = LinkOption.NOFOLLOW_LINKS;

    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;
    private final FileChannel proof;

    private RunLock(Path file, FileChannel channel, FileLock lock, FileChannel proof) {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
        this.proof = proof;
    }

    /**
     * Takes the lock of {@code runId}.
     *
     * @throws IOException when another live harness (a run, or a cleanup removing the run's leftovers) holds it, or
     *                     the lock file cannot be opened (for example a symbolic link: links are never followed)
     */
    public static RunLock acquire(Path locksDir, String runId) throws IOException {
        return tryAcquire(locksDir, runId).orElseThrow(() -> new IOException("run " + runId + " is held by another"
                + " vbench process (the run itself, or a cleanup removing its leftovers)"));
    }

    /** Takes the lock of {@code runId}, creating the lock file; empty when a live harness holds it. */
    public static Optional<RunLock> tryAcquire(Path locksDir, String runId) throws IOException {
        return tryAcquire(locksDir, runId, () -> { });
    }

    /** {@link #tryAcquire(Path, String)} with a hook run between taking the lock and proving the file (tests). */
    static Optional<RunLock> tryAcquire(Path locksDir, String runId, Runnable beforeProof) throws IOException {
        Path file = lockFile(locksDir, runId);
        Files.createDirectories(file.getParent());
        synchronized (HELD) {
            if (HELD.contains(file)) {
                return Optional.empty();
            }
            for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
                Attempt a = lockOnce(file, true, beforeProof);
                if (a.lock() != null) {
                    HELD.add(file);
                    return Optional.of(a.lock());
                }
                if (a.heldElsewhere()) {
                    return Optional.empty();
                }
            }
        }
        throw new IOException("the lock file " + file + " was replaced " + ATTEMPTS + " times while it was being"
                + " locked; try again");
    }

    /**
     * Whether a live harness holds the lock of {@code runId}: a snapshot, for reporting. To act on a run's
     * leftovers, hold its lock ({@link #tryAcquire}) instead. When in doubt (the file cannot be opened, or keeps
     * being replaced) the answer is {@code true}: leave it alone.
     */
    public static boolean isHeld(Path locksDir, String runId) {
        return isHeld(locksDir, runId, () -> { });
    }

    /** {@link #isHeld(Path, String)} with a hook run between taking the lock and proving the file (tests). */
    static boolean isHeld(Path locksDir, String runId, Runnable beforeProof) {
        Path file = lockFile(locksDir, runId);
        synchronized (HELD) {
            if (HELD.contains(file)) {
                return true;
            }
            try {
                for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
                    if (!Files.exists(file, NOFOLLOW)) {
                        return false;
                    }
                    Attempt a = lockOnce(file, false, beforeProof);
                    if (a.lock() != null) {
                        a.lock().release();
                        return false;
                    }
                    if (a.heldElsewhere()) {
                        return true;
                    }
                }
            } catch (IOException e) {
                return true;
            }
            return true;
        }
    }

    /** {@code locksDir/RUNID.lock}, absolute and normalized; the run id must be one vbench makes. */
    static Path lockFile(Path locksDir, String runId) {
        if (!RunTag.RUN_ID.matcher(runId).matches()) {
            throw new IllegalArgumentException("run id '" + runId + "' must match " + RunTag.RUN_ID.pattern());
        }
        return locksDir.toAbsolutePath().normalize().resolve(runId + ".lock");
    }

    /** One try: a proven lock, or held by another process, or neither (the file went away or was replaced). */
    private record Attempt(RunLock lock, boolean heldElsewhere) {
    }

    private static Attempt lockOnce(Path file, boolean create, Runnable beforeProof) throws IOException {
        FileChannel channel;
        try {
            channel = create ? FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, NOFOLLOW)
                    : FileChannel.open(file, StandardOpenOption.WRITE, NOFOLLOW);
        } catch (NoSuchFileException gone) {
            return new Attempt(null, false);
        }
        FileChannel proof = null;
        try {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                return new Attempt(null, true);
            }
            beforeProof.run();
            try {
                proof = FileChannel.open(file, StandardOpenOption.WRITE, NOFOLLOW);
            } catch (NoSuchFileException deleted) {
                return new Attempt(null, false);
            }
            try {
                FileLock other = proof.tryLock();
                if (other != null) {
                    other.release(); // the path names another, unlocked file
                }
                return new Attempt(null, other == null);
            } catch (OverlappingFileLockException sameFile) {
                RunLock proven = new RunLock(file, channel, lock, proof);
                channel = null;
                proof = null;
                return new Attempt(proven, false);
            }
        } catch (OverlappingFileLockException e) {
            // held in this JVM outside HELD: cannot happen, as every run lock goes through this class
            return new Attempt(null, true);
        } finally {
            closeAll(channel, proof);
        }
    }

    /** Releases without deleting the file (a probe that found the lock free). */
    private void release() throws IOException {
        try {
            lock.release();
        } finally {
            closeAll(channel, proof);
        }
    }

    /** Deletes the lock file while still holding its lock, then releases it. */
    @Override
    public void close() throws IOException {
        synchronized (HELD) {
            try {
                Files.deleteIfExists(file);
            } finally {
                try {
                    release();
                } finally {
                    HELD.remove(file);
                }
            }
        }
    }

    private static void closeAll(FileChannel a, FileChannel b) throws IOException {
        try {
            if (a != null) {
                a.close();
            }
        } finally {
            if (b != null) {
                b.close();
            }
        }
    }
}
