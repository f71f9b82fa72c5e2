package dev.vbench.bench.run;

import dev.vbench.bench.plan.PlanHost;
import dev.vbench.bench.ssh.HostPublicKey;
import dev.vbench.bench.ssh.KnownHostsFile;
import dev.vbench.bench.ssh.SshTarget;
import dev.vbench.bench.ssh.GuestShell;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

/**
 * How vbench logs in to a remote hypervisor host over SSH, to start servers there and to reach its guests through
 * it: the URI's user, host and port; the URI's {@code keyfile} or the lab's key; and the host's own key, pinned in
 * the plan ({@code host_key}) or found in a known_hosts file (the plan's {@code known_hosts}, else the user's
 * {@code ~/.ssh/known_hosts}). An unknown host key is refused, never learned.
 */
final class HypervisorLogin {
    private HypervisorLogin() {
    }

    /**
     * @return the login, or {@code null} for a host of this machine (no SSH needed)
     * @throws dev.vbench.bench.ssh.HostKeyMismatchException when the host's key is neither pinned nor known
     */
    static SshTarget of(PlanHost host, LabHome lab) {
        if (!host.remote()) {
            return null;
        }
        String keyfile = host.uriOption("keyfile");
        Path key = keyfile != null ? Path.of(keyfile) : lab.sshKey();
        HostPublicKey hostKey = host.hostKey() != null ? HostPublicKey.parse(host.hostKey())
                : KnownHostsFile.lookup(knownHosts(host), host.sshHost(), host.sshPort());
        return new SshTarget(host.sshHost(), host.sshPort(), host.sshUser(), key, hostKey);
    }

    /**
     * The remote host's own facts for run.json, read over SSH: {@code host_kernel}, {@code host_cpus} and
     * {@code host_cpu_model} (the harness's machine's would be wrong for a remote host).
     */
    static Map<String, String> facts(SshTarget host) {
        try (GuestShell shell = GuestShell.connect(host, Duration.ofSeconds(30))) {
            String text = shell.execScript("cat /proc/sys/kernel/osrelease; nproc; cat /proc/cpuinfo",
                    Duration.ofSeconds(30)).stdout();
            String[] lines = text.split("\n", 3);
            Map<String, String> facts = new TreeMap<>();
            facts.put("host_kernel", lines[0].trim());
            facts.put("host_cpus", lines.length > 1 ? lines[1].trim() : "unknown");
            facts.put("host_cpu_model", HostFacts.cpuModel(lines.length > 2 ? lines[2] : ""));
            return facts;
        }
    }

    private static Path knownHosts(PlanHost host) {
        if (host.knownHosts() != null) {
            return host.knownHosts();
        }
        String fromUri = host.uriOption("known_hosts");
        return fromUri != null ? Path.of(fromUri) : Path.of(System.getProperty("user.home"), ".ssh", "known_hosts");
    }
}
