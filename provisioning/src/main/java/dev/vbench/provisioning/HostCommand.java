package dev.vbench.provisioning;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a short host command (argv, no shell) and returns its merged output; failures become exceptions. */
public final class HostCommand {
    /** How many trailing output lines a failure message carries. */
    static final int TAIL_LINES = 5;

    private HostCommand() {
    }

    /**
     * Runs {@code argv}, waits at most {@code timeout}.
     *
     * @return stdout and stderr, merged
     * @throws ProvisioningException when the program cannot start, times out or exits non-zero; the message
     *                               carries the exit status and the last lines of output
     */
    public static String run(List<String> argv, Duration timeout) {
        String op = "run " + String.join(" ", argv);
        Process p;
        try {
            p = new ProcessBuilder(argv).redirectErrorStream(true)
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .start();
        } catch (IOException e) {
            throw new ProvisioningException(op, "cannot start " + argv.get(0) + ": " + e.getMessage(), e);
        }
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        Thread pump = new Thread(() -> copy(p.getInputStream(), buf), "host-command-output");
        pump.setDaemon(true);
        pump.start();
        try {
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                p.waitFor(5, TimeUnit.SECONDS);
                pump.join(1000);
                throw new ProvisioningException(op, "timed out after " + timeout.toSeconds() + " s; output: "
                        + tail(text(buf)));
            }
            pump.join(5000);
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new ProvisioningException(op, "interrupted", e);
        }
        String output = text(buf);
        if (p.exitValue() != 0) {
            throw new ProvisioningException(op, "exit status " + p.exitValue() + ": " + tail(output));
        }
        return output;
    }

    /** The last {@value #TAIL_LINES} non-blank lines, joined with " | ". */
    static String tail(String output) {
        List<String> lines = Arrays.stream(output.split("\n")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        List<String> last = lines.subList(Math.max(0, lines.size() - TAIL_LINES), lines.size());
        return last.isEmpty() ? "(no output)" : String.join(" | ", last);
    }

    private static String text(ByteArrayOutputStream buf) {
        synchronized (buf) {
            return buf.toString(StandardCharsets.UTF_8);
        }
    }

    private static void copy(InputStream in, ByteArrayOutputStream buf) {
        byte[] b = new byte[8192];
        try (in) {
            for (int n; (n = in.read(b)) > 0; ) {
                synchronized (buf) {
                    buf.write(b, 0, n);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
