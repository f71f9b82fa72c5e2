package dev.vbench.bench.run;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Marks a run as alive: an OS file lock on {@code VBENCH_HOME/runs/RUNID.lock}, held while the harness runs and
 * released by the kernel when it dies, SIGKILL included. A tagged domain whose run holds no lock is a leftover
 * that {@code vbench cleanup} and the start of every run may remove; a live run's domains are never touched.
 */
public final class RunLock implements AutoCloseable {
    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;

    private RunLock(Path file, FileChannel channel, FileLock lock) {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
    }

    /** Takes the lock of {@code runId}; fails when another live harness holds it. */
    public static RunLock acquire(Path locksDir, String runId) throws IOException {
        Files.createDirectories(locksDir);
        Path file = locksDir.resolve(runId + ".lock");
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            channel.close();
            throw new IOException("run " + runId + " is still running in another vbench process");
        }
        return new RunLock(file, channel, lock);
    }

    /** Whether a live harness holds the lock of {@code runId}. */
    public static boolean isHeld(Path locksDir, String runId) {
        Path file = locksDir.resolve(runId + ".lock");
        if (!Files.exists(file)) {
            return false;
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            FileLock probe = channel.tryLock();
            if (probe == null) {
                return true;
            }
            probe.release();
            return false;
        } catch (OverlappingFileLockException e) {
            return true; // held by this very JVM
        } catch (IOException e) {
            return true; // when in doubt, leave it alone
        }
    }

    @Override
    public void close() throws IOException {
        lock.release();
        channel.close();
        Files.deleteIfExists(file);
    }
}
