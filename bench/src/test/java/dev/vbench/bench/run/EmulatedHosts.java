package dev.vbench.bench.run;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Emulated hypervisor hosts on this machine ({@code scripts/hosts}): host I is network namespace {@code vbench-hI}
 * with a mount namespace of its own, its own sshd on 10.231.I.2:22 (root, the lab key), virtlogd, libvirtd and
 * libvirt network {@code vbench}; the harness reaches it only from namespace {@code vbench-hx}, over
 * {@code qemu+ssh} with the host keys in {@link #knownHosts()}. {@link #close()} removes everything again.
 */
final class EmulatedHosts implements AutoCloseable {
    static final String HARNESS_NAMESPACE = "vbench-hx";
    static final Path HOME = Path.of("/var/lib/vbench-hosts");
    static final Path RUN = Path.of("/run/vbench-hosts");
    private static final long UP_MINUTES = 15;
    private static final long DOWN_MINUTES = 5;

    private final Path script;
    private final List<String> uris;

    private EmulatedHosts(Path script, List<String> uris) {
        this.script = script;
        this.uris = List.copyOf(uris);
    }

    /** {@code scripts/hosts up n}; on failure the hosts are taken down again and the script's exit is thrown. */
    static EmulatedHosts up(int n) {
        Path script = checkout().resolve("scripts/hosts");
        Output up = run(UP_MINUTES, script.toString(), "up", Integer.toString(n));
        if (up.exitCode() != 0) {
            run(DOWN_MINUTES, script.toString(), "down");
            throw new IllegalStateException("scripts/hosts up " + n + " failed with exit status " + up.exitCode()
                    + ": " + up.lastStderrLine());
        }
        List<String> uris = up.stdout().lines().filter(l -> !l.isBlank()).toList();
        if (uris.size() != n) {
            run(DOWN_MINUTES, script.toString(), "down");
            throw new IllegalStateException("scripts/hosts up " + n + " printed " + uris.size() + " URIs: " + uris);
        }
        return new EmulatedHosts(script, uris);
    }

    /** One {@code qemu+ssh} URI per host, host 1 first; they work from {@link #harnessNamespace()} only. */
    List<String> uris() {
        return uris;
    }

    /** The network namespace the harness runs in ({@code ip netns exec vbench-hx ...}). */
    String harnessNamespace() {
        return HARNESS_NAMESPACE;
    }

    /** The known_hosts file with every host's key (the URIs' ssh checks against it, strictly). */
    Path knownHosts() {
        return HOME.resolve("known_hosts");
    }

    /** The SSH address of host {@code i} (1-based), e.g. 10.231.1.2. */
    String address(int i) {
        return "10.231." + i + ".2";
    }

    /** {@code cmd} run in the harness namespace: {@code ip netns exec vbench-hx cmd...}. */
    List<String> inHarness(String... cmd) {
        List<String> argv = new ArrayList<>(List.of("ip", "netns", "exec", HARNESS_NAMESPACE));
        argv.addAll(List.of(cmd));
        return argv;
    }

    /** The pids of every process in the hosts' network namespaces now (sshd, libvirtd, virtlogd, dnsmasq...). */
    List<Long> hostProcesses() {
        List<Long> pids = new ArrayList<>();
        for (int i = 1; i <= uris.size(); i++) {
            run(1, "ip", "netns", "pids", "vbench-h" + i).stdout().lines().filter(l -> !l.isBlank())
                    .map(Long::valueOf).forEach(pids::add);
        }
        return pids;
    }

    /** {@code scripts/hosts down}: domains, pools, networks, daemons, mounts, namespaces and state directories. */
    @Override
    public void close() {
        Output down = run(DOWN_MINUTES, script.toString(), "down");
        if (down.exitCode() != 0) {
            throw new IllegalStateException("scripts/hosts down failed with exit status " + down.exitCode() + ": "
                    + down.lastStderrLine());
        }
    }

    /** The checkout root: the first directory from the working directory upwards that holds scripts/hosts. */
    static Path checkout() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isExecutable(dir.resolve("scripts/hosts"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no scripts/hosts above " + Path.of("").toAbsolutePath());
    }

    /** A finished command: exit status, standard output and standard error (also copied to the test's output). */
    record Output(int exitCode, String stdout, String stderr) {
        /** The last non-blank line of standard error (a script's one-line reason), or "(no output)". */
        String lastStderrLine() {
            return stderr.lines().filter(l -> !l.isBlank()).reduce((a, b) -> b).orElse("(no output)");
        }
    }

    /** Runs {@code argv}, standard error kept and copied to ours, and fails when it takes more than {@code minutes}. */
    static Output run(long minutes, String... argv) {
        return run(minutes, List.of(argv));
    }

    static Output run(long minutes, List<String> argv) {
        try {
            Process p = new ProcessBuilder(argv)
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
            CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> readAll(p.getInputStream()));
            CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> readAll(p.getErrorStream()));
            if (!p.waitFor(minutes, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new IllegalStateException(argv + " did not end within " + minutes + " min");
            }
            String stderr = err.join();
            System.err.print(stderr);
            return new Output(p.exitValue(), out.join(), stderr);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String readAll(InputStream in) {
        try (in) {
            ByteArrayOutputStream buf = new ByteArrayOutputStream();
            in.transferTo(buf);
            return buf.toString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
