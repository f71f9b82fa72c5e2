package dev.vbench.bench.run;

import dev.vbench.bench.plan.PlanHost;
import dev.vbench.bench.ssh.GuestShell;
import dev.vbench.bench.ssh.HostPublicKey;
import dev.vbench.bench.ssh.KnownHostsFile;
import dev.vbench.bench.ssh.SshTarget;
import dev.vbench.provisioning.Provisioner;
import dev.vbench.provisioning.ProvisioningException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

/**
 * How a run reaches its host: the libvirt URI it opens ({@link LibvirtSsh}), and for a remote host the SSH login
 * vbench uses to start servers there and to reach its guests through it. The login is the URI's user (default
 * root), host and port, the URI's {@code keyfile} or the lab key, and the host's own key, pinned in the plan
 * ({@code host_key:}) or found in a known_hosts file (the plan's {@code known_hosts:}, else the user's
 * {@code ~/.ssh/known_hosts}). An unknown host key is refused, never learned.
 *
 * @param host the plan's host
 * @param uri  the URI to open
 * @param ssh  the login on the host, or {@code null} for a host of this machine (no SSH needed)
 */
record HostAccess(PlanHost host, String uri, SshTarget ssh) {
    /**
     * @throws dev.vbench.bench.ssh.HostKeyMismatchException when a remote host's key is neither pinned nor known
     */
    static HostAccess of(PlanHost host, LabHome lab) {
        return new HostAccess(host, LibvirtSsh.uri(host, lab), host.remote() ? login(host, lab) : null);
    }

    private static SshTarget login(PlanHost host, LabHome lab) {
        String keyfile = host.uriOption("keyfile");
        Path key = keyfile != null ? Path.of(keyfile) : lab.sshKey();
        HostPublicKey hostKey = host.hostKey() != null ? HostPublicKey.parse(host.hostKey())
                : KnownHostsFile.lookup(knownHosts(host), host.sshHost(), host.sshPort());
        return new SshTarget(host.sshHost(), host.sshPort(), host.sshUser(), key, hostKey);
    }

    private static Path knownHosts(PlanHost host) {
        if (host.knownHosts() != null) {
            return host.knownHosts();
        }
        return Path.of(System.getProperty("user.home"), ".ssh", "known_hosts");
    }

    /** Connects; a failure names the fix, not only libvirt's error. */
    Provisioner connect(Provisioner.Factory provisioners) {
        try {
            return provisioners.connect(uri);
        } catch (ProvisioningException e) {
            throw new ProvisioningException(e.operation(), e.detail() + "; check connect: in the plan and that"
                    + " libvirtd is running there (vbench doctor --connect " + host.connect() + ")", e);
        }
    }

    /** Where iperf3 servers start: on this machine (pid in {@code localPidFile}) or on the remote host. */
    ServerSide servers(Path localPidFile, String runId) {
        return ssh == null ? ServerSide.local(localPidFile) : ServerSide.remote(ssh, runId);
    }

    /**
     * What run.json records of the host beyond libvirt's answers: the plan's name of it when the plan names hosts
     * ({@code vbench_host}), and a remote host's own {@code host_kernel}, {@code host_cpus} and
     * {@code host_cpu_model}, read over SSH (the harness's machine's would be wrong).
     */
    Map<String, String> facts() {
        Map<String, String> facts = new TreeMap<>();
        if (!host.name().equals(PlanHost.LOCAL)) {
            facts.put(RunRecord.PLAN_HOST, host.name());
        }
        if (ssh != null) {
            try (GuestShell shell = GuestShell.connect(ssh, Duration.ofSeconds(30))) {
                String[] lines = shell.execScript("cat /proc/sys/kernel/osrelease; nproc; cat /proc/cpuinfo",
                        Duration.ofSeconds(30)).stdout().split("\\n", 3);
                facts.put("host_kernel", lines[0].trim());
                facts.put("host_cpus", lines.length > 1 ? lines[1].trim() : "unknown");
                facts.put("host_cpu_model", HostFacts.cpuModel(lines.length > 2 ? lines[2] : ""));
            }
        }
        return facts;
    }

    /** Where the host's own commands (the native ceiling's) run: here, or on the remote host over SSH. */
    HostShell shell(HostShell local) {
        if (ssh == null) {
            return local;
        }
        return (argv, timeout) -> {
            try (GuestShell shell = GuestShell.connect(ssh, Duration.ofSeconds(30))) {
                return shell.execAnyStatus(argv, timeout);
            }
        };
    }

    /**
     * The directory of the native ceiling's fio files: on the storage that holds the overlays, the run's pool here,
     * or on a remote host the directory of vbench's storage pool there (that of the image's volumes).
     */
    Path nativeDir(Path localPool, dev.vbench.provisioning.ImageSpec image) {
        return ssh == null ? localPool : image.disk().getParent();
    }
}
