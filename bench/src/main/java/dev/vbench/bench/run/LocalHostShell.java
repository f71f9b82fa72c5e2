package dev.vbench.bench.run;

import dev.vbench.bench.ssh.BoundedCapture;
import dev.vbench.bench.ssh.CommandResult;
import dev.vbench.bench.ssh.GuestShell;
import dev.vbench.provisioning.ProvisioningException;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The host is this machine: a command is a child process of the harness (in the lab's network namespace, where
 * vbench runs). Standard output is kept whole up to {@link GuestShell#MAX_STDOUT_BYTES}, standard error's last
 * {@link GuestShell#STDERR_TAIL_BYTES}; standard input is {@code /dev/null}. A command that outlives its timeout is
 * killed (with its process group's leader; its own children end with their pipes) and reported as a
 * {@link ProvisioningException}, as is one that cannot start or prints too much.
 */
public final class LocalHostShell implements HostShell {

    /** {@inheritDoc} */
    @Override
    public CommandResult exec(List<String> argv, Duration timeout) {
        String op = "run " + String.join(" ", argv) + " on the host";
        long t0 = System.nanoTime();
        Process p;
        try {
            p = new ProcessBuilder(argv).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        } catch (IOException e) {
            throw new ProvisioningException(op, "cannot start " + argv.get(0) + ": " + e.getMessage(), e);
        }
        BoundedCapture out = BoundedCapture.head(GuestShell.MAX_STDOUT_BYTES);
        BoundedCapture err = BoundedCapture.tail(GuestShell.STDERR_TAIL_BYTES);
        Thread outPump = pump(p.getInputStream(), out);
        Thread errPump = pump(p.getErrorStream(), err);
        try {
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                p.waitFor(5, TimeUnit.SECONDS);
                throw new ProvisioningException(op, "timed out after " + timeout.toSeconds() + " s; its last errors: "
                        + CommandResult.tail(err.text(), 3).replace('\n', ' '));
            }
            outPump.join(5_000);
            errPump.join(5_000);
        } catch (InterruptedException e) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new ProvisioningException(op, "interrupted", e);
        }
        if (out.overflowed()) {
            throw new ProvisioningException(op, "printed more than " + GuestShell.MAX_STDOUT_BYTES + " bytes");
        }
        return new CommandResult(p.exitValue(), out.text(), err.text(), Duration.ofNanos(System.nanoTime() - t0));
    }

    private static Thread pump(InputStream in, OutputStream sink) {
        Thread t = new Thread(() -> {
            try (in) {
                in.transferTo(sink);
            } catch (IOException e) {
                // the process ended; what it said is kept
            }
        }, "host-shell-output");
        t.setDaemon(true);
        t.start();
        return t;
    }
}
