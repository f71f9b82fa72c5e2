package dev.vbench.bench.run;

import dev.vbench.bench.ssh.CommandResult;
import java.time.Duration;
import java.util.List;

/**
 * Where a command runs on the hypervisor host itself: a local process ({@link LocalHostShell}) when libvirt runs
 * here, or SSH to a remote host. The native ceiling ({@link NativeRunner}) runs through it and does not know which.
 */
@FunctionalInterface
public interface HostShell {
    /**
     * Runs {@code argv} (no shell unless it names one) and returns whatever exit status it had.
     *
     * @param argv    program and arguments
     * @param timeout limit for the whole command
     * @return its exit status, standard output (whole) and standard error (its tail)
     * @throws RuntimeException when it cannot start, runs longer than {@code timeout} or prints more than is kept
     */
    CommandResult exec(List<String> argv, Duration timeout);
}
