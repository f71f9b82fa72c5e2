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

/** Runs a short host command (argv, no shell) and returns its output; failures become exceptions. */
public final class HostCommand {
    /** How many trailing output lines a failure message carries. */
    static final int TAIL_LINES = 5;

    private HostCommand() {
    }

    /**
     * What a command that ran to its end printed.
     *
     * @param exit   its exit status
     * @param stdout its standard output
     * @param stderr its standard error
     */
    public record Output(int exit, String stdout, String stderr) {
        /** The last lines of stderr (else of stdout), joined with " | ", for a one-line message. */
        public String errorTail() {
            return tail(stderr.isBlank() ? stdout : stderr);
        }
    }

    /**
     * Runs {@code argv}, waits at most {@code timeout}.
     *
     * @return stdout and stderr, merged
     * @throws ProvisioningException when the program cannot start, times out or exits non-zero; the message
     *                               carries the exit status and the last lines of output
     */
    public static String run(List<String> argv, Duration timeout) {
        Output out = execute(argv, timeout, true);
        if (out.exit() != 0) {
            throw new ProvisioningException(operation(argv), "exit status " + out.exit() + ": " + tail(out.stdout()));
        }
        return out.stdout();
    }

    /**
     * Runs {@code argv} with stdout and stderr apart (for a program whose stdout is a document), waits at most
     * {@code timeout}, and returns whatever its exit status.
     *
     * @throws ProvisioningException when the program cannot start or times out
     */
    public static Output capture(List<String> argv, Duration timeout) {
        return execute(argv, timeout, false);
    }

    private static Output execute(List<String> argv, Duration timeout, boolean merge) {
        String op = operation(argv);
        Process p;
        try {
            p = new ProcessBuilder(argv).redirectErrorStream(merge)
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .start();
        } catch (IOException e) {
            throw new ProvisioningException(op, "cannot start " + argv.get(0) + ": " + e.getMessage(), e);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Thread outPump = pump(p.getInputStream(), out, "host-command-output");
        Thread errPump = merge ? null : pump(p.getErrorStream(), err, "host-command-errors");
        try {
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                p.waitFor(5, TimeUnit.SECONDS);
                outPump.join(1000);
                throw new ProvisioningException(op, "timed out after " + timeout.toSeconds() + " s; output: "
                        + tail(text(out) + "\n" + text(err)));
            }
            outPump.join(5000);
            if (errPump != null) {
                errPump.join(5000);
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new ProvisioningException(op, "interrupted", e);
        }
        return new Output(p.exitValue(), text(out), text(err));
    }

    private static String operation(List<String> argv) {
        return "run " + String.join(" ", argv);
    }

    private static Thread pump(InputStream in, ByteArrayOutputStream buf, String name) {
        Thread t = new Thread(() -> copy(in, buf), name);
        t.setDaemon(true);
        t.start();
        return t;
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
