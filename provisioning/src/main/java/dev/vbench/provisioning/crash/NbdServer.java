package dev.vbench.provisioning.crash;

import dev.vbench.provisioning.ProvisioningException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * A running nbdkit of the host-crash model ({@link NbdServerSpec}). {@link #crash()} is the host crash (SIGKILL:
 * nbdkit's write cache is lost), {@link #close()} an orderly stop; both are idempotent, wait until the process is
 * gone and remove the server's directory with its socket, pid file and cache directory. nbdkit runs with
 * {@code --exit-with-parent}, so it also ends when the harness's JVM dies.
 */
public final class NbdServer implements AutoCloseable {
    private static final Duration STOP = Duration.ofSeconds(10);
    private static final int OUTPUT_MAX = 64 * 1024;
    /**
     * The thread every nbdkit is started from. {@code --exit-with-parent} is Linux's parent-death signal, which
     * follows the thread that started the process, not the JVM: started from a pooled thread, nbdkit was killed
     * when that thread retired (a guest's data disk then failed with EIO in the middle of a measurement). This
     * thread never retires, so nbdkit ends with the JVM only.
     */
    private static final ExecutorService LAUNCHER = Executors.newSingleThreadExecutor(task -> {
        Thread t = new Thread(task, "vbench-nbdkit-launcher");
        t.setDaemon(true);
        return t;
    });

    private final NbdServerSpec spec;
    private final Process process;
    private final ByteArrayOutputStream output = new ByteArrayOutputStream();
    private boolean stopped;
    private Thread pump;

    private NbdServer(NbdServerSpec spec, Process process) {
        this.spec = spec;
        this.process = process;
    }

    /**
     * Creates the server's directory, starts nbdkit and waits until it writes its pid file (it does so once the
     * socket accepts connections), then gives the socket to {@code spec.clientUser()}.
     *
     * @throws ProvisioningException when the directory exists already (never reused: it may not be vbench's), the
     *                               backing file is missing, nbdkit cannot start, exits or is not ready in time;
     *                               the message carries nbdkit's last output lines
     */
    public static NbdServer start(NbdServerSpec spec, Duration timeout) {
        Objects.requireNonNull(spec, "spec");
        String op = "start nbdkit on " + spec.socket();
        if (!Files.isRegularFile(spec.file(), LinkOption.NOFOLLOW_LINKS)) {
            throw new ProvisioningException(op, "backing file " + spec.file() + " is not a regular file");
        }
        try {
            Files.createDirectory(spec.dir(), PosixFilePermissions.asFileAttribute(
                    PosixFilePermissions.fromString("rwx--x--x")));
        } catch (IOException e) {
            throw new ProvisioningException(op, "cannot create the server's own directory " + spec.dir() + ": " + e, e);
        }
        Process process;
        try {
            Files.createDirectory(spec.cacheDir(), PosixFilePermissions.asFileAttribute(
                    PosixFilePermissions.fromString("rwx------")));
            ProcessBuilder pb = new ProcessBuilder(spec.argv()).redirectErrorStream(true)
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
            pb.environment().putAll(spec.environment());
            process = launch(pb);
        } catch (IOException e) {
            removeDirectory(spec);
            throw new ProvisioningException(op, "cannot start nbdkit: " + e.getMessage(), e);
        }
        NbdServer server = new NbdServer(spec, process);
        server.pumpOutput();
        try {
            server.awaitReady(op, timeout);
            if (spec.clientUser() != null) {
                // the socket is nbdkit's in our own directory (checked: no link); NOFOLLOW would open() it: ENXIO
                if (Files.isSymbolicLink(spec.socket())) {
                    throw new ProvisioningException(op, spec.socket() + " is a symbolic link, not nbdkit's socket");
                }
                PosixFileAttributeView view = Files.getFileAttributeView(spec.socket(), PosixFileAttributeView.class);
                view.setOwner(spec.socket().getFileSystem().getUserPrincipalLookupService()
                        .lookupPrincipalByName(spec.clientUser()));
                view.setPermissions(PosixFilePermissions.fromString("rw-------"));
            }
        } catch (IOException | RuntimeException e) {
            ProvisioningException failure = e instanceof ProvisioningException p ? p
                    : new ProvisioningException(op, "cannot give the socket to " + spec.clientUser() + ": " + e, e);
            try {
                server.crash();
            } catch (RuntimeException teardown) {
                failure.addSuppressed(teardown);
            }
            throw failure;
        }
        return server;
    }

    /** Starts {@code pb} on {@link #LAUNCHER}, waiting for it however long that takes. */
    private static Process launch(ProcessBuilder pb) throws IOException {
        Future<Process> started = LAUNCHER.submit(pb::start);
        boolean wasInterrupted = false;
        try {
            while (true) {
                try {
                    return started.get();
                } catch (InterruptedException e) {
                    wasInterrupted = true;
                } catch (ExecutionException e) {
                    throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause().toString(),
                            e.getCause());
                }
            }
        } finally {
            if (wasInterrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void awaitReady(String op, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!ready()) {
            if (!process.isAlive()) {
                waitForPump();
                throw new ProvisioningException(op, "nbdkit exited with status " + process.exitValue() + ": "
                        + outputTail());
            }
            if (System.nanoTime() > deadline) {
                throw new ProvisioningException(op, "nbdkit not ready within " + timeout.toSeconds() + " s: "
                        + outputTail());
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ProvisioningException(op, "interrupted", e);
            }
        }
    }

    /** Ready when the pid file names our process and the socket exists. */
    private boolean ready() {
        try {
            return Files.exists(spec.socket(), LinkOption.NOFOLLOW_LINKS)
                    && Files.readString(spec.pidFile()).strip().equals(Long.toString(process.pid()));
        } catch (IOException e) {
            return false;
        }
    }

    /** The socket QEMU connects to ({@link dev.vbench.provisioning.DomainSpec#withDataNbdSocket}). */
    public Path socket() {
        return spec.socket();
    }

    public NbdServerSpec spec() {
        return spec;
    }

    public long pid() {
        return process.pid();
    }

    public boolean alive() {
        return process.isAlive();
    }

    /** nbdkit's output so far (at most the first 64 KiB). */
    public String output() {
        synchronized (output) {
            return output.toString(StandardCharsets.UTF_8);
        }
    }

    /** The host crash: SIGKILL, wait until nbdkit is gone, remove its files. Idempotent. */
    public synchronized void crash() {
        stop(true);
    }

    /** Orderly stop: SIGTERM (SIGKILL after {@code 10 s}), wait until nbdkit is gone, remove its files. Idempotent. */
    @Override
    public synchronized void close() {
        stop(false);
    }

    private void stop(boolean kill) {
        if (stopped) {
            return;
        }
        try {
            if (kill) {
                process.destroyForcibly();
            } else {
                process.destroy();
            }
            if (!process.waitFor(STOP.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                if (!process.waitFor(STOP.toMillis(), TimeUnit.MILLISECONDS)) {
                    throw new ProvisioningException("stop nbdkit pid " + process.pid(), "still running after SIGKILL");
                }
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new ProvisioningException("stop nbdkit pid " + process.pid(), "interrupted", e);
        }
        stopped = true;
        removeDirectory(spec);
    }

    /** Removes socket, pid file, the cache directory's files and the directories, never following a link. */
    private static void removeDirectory(NbdServerSpec spec) {
        try {
            Files.deleteIfExists(spec.socket());
            Files.deleteIfExists(spec.pidFile());
            if (Files.isDirectory(spec.cacheDir(), LinkOption.NOFOLLOW_LINKS)) {
                try (DirectoryStream<Path> files = Files.newDirectoryStream(spec.cacheDir())) {
                    for (Path f : files) {
                        if (Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)) {
                            Files.delete(f);
                        }
                    }
                }
            }
            Files.deleteIfExists(spec.cacheDir());
            Files.deleteIfExists(spec.dir());
        } catch (IOException e) {
            throw new ProvisioningException("remove nbdkit's directory " + spec.dir(), e.toString(), e);
        }
    }

    private void pumpOutput() {
        InputStream in = process.getInputStream();
        pump = new Thread(() -> {
            byte[] b = new byte[4096];
            try (in) {
                for (int n; (n = in.read(b)) > 0; ) {
                    synchronized (output) {
                        output.write(b, 0, Math.max(0, Math.min(n, OUTPUT_MAX - output.size())));
                    }
                }
            } catch (IOException e) {
                // nbdkit ended; what it said is kept
            }
        }, "nbdkit-output");
        pump.setDaemon(true);
        pump.start();
    }

    private void waitForPump() {
        try {
            pump.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private String outputTail() {
        List<String> lines = Arrays.stream(output().split("\n")).map(String::strip).filter(s -> !s.isEmpty())
                .toList();
        return lines.isEmpty() ? "(no output)"
                : String.join(" | ", lines.subList(Math.max(0, lines.size() - 5), lines.size()));
    }
}
