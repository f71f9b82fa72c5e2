package dev.vbench.bench.run;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A server process the harness runs on the host side for the duration of a run (the iperf3 server every variant
 * measures against). Its output goes to a log file in the run directory; {@link #close()} stops it, and a JVM
 * shutdown stops it too, so no server outlives the run.
 */
public final class HostProcess implements AutoCloseable {
    private final Process process;
    private final List<String> argv;

    private HostProcess(Process process, List<String> argv) {
        this.process = process;
        this.argv = argv;
    }

    /**
     * Starts {@code argv}, copying its output to {@code log}, and waits until a line containing {@code readyMarker}
     * appears (or fails when the process exits or {@code timeout} passes first).
     */
    public static HostProcess start(List<String> argv, Path log, String readyMarker, Duration timeout)
            throws IOException {
        Files.createDirectories(log.toAbsolutePath().getParent());
        Process process = new ProcessBuilder(argv).redirectErrorStream(true).start();
        HostProcess host = new HostProcess(process, List.copyOf(argv));
        CountDownLatch ready = new CountDownLatch(1);
        Thread pump = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8)); Writer out = new OutputStreamWriter(Files.newOutputStream(log,
                    StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE,
                    LinkOption.NOFOLLOW_LINKS), StandardCharsets.UTF_8)) {
                String line;
                while ((line = in.readLine()) != null) {
                    out.write(line);
                    out.write('\n');
                    out.flush();
                    if (line.contains(readyMarker)) {
                        ready.countDown();
                    }
                }
            } catch (IOException e) {
                // the process ended; its log keeps what it said
            }
        }, "host-process-log");
        pump.setDaemon(true);
        pump.start();
        try {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (!ready.await(100, TimeUnit.MILLISECONDS)) {
                if (!process.isAlive() || System.nanoTime() > deadline) {
                    host.close();
                    throw new IOException(String.join(" ", argv) + " did not start ("
                            + (process.isAlive() ? "no '" + readyMarker + "' within " + timeout.toSeconds() + " s"
                                    : "exit status " + process.exitValue()) + "); see " + log);
                }
            }
        } catch (InterruptedException e) {
            host.close();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while starting " + argv.get(0), e);
        }
        return host;
    }

    public boolean alive() {
        return process.isAlive();
    }

    public long pid() {
        return process.pid();
    }

    public List<String> argv() {
        return argv;
    }

    @Override
    public void close() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
