package dev.vbench.bench.run;

import dev.vbench.bench.plan.PlanHost;
import dev.vbench.bench.ssh.ShellQuote;
import dev.vbench.results.OutputFiles;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * The URI vbench opens for a remote host whose key the plan names ({@code host_key:} or {@code known_hosts:}), so
 * that libvirt's own {@code qemu+ssh} transport checks the same key as vbench's SSH does: a small ssh wrapper of
 * vbench's own, {@code VBENCH_HOME/ssh/libvirt/NAME.ssh}, runs {@code ssh} with only that known_hosts file, strict
 * host key checking, the one key and no password prompt, and the URI gets {@code command=} it (a plan itself may not
 * name a command). Other URIs are opened as the plan gives them, with the user's own ssh configuration.
 */
public final class LibvirtSsh {
    /** Directory under {@code VBENCH_HOME/ssh} holding the wrappers and the pinned keys' known_hosts files. */
    static final String DIR = "libvirt";

    private LibvirtSsh() {
    }

    /**
     * @return the URI to open for {@code host}
     * @throws OutputException when the wrapper cannot be written
     */
    public static String uri(PlanHost host, LabHome lab) {
        URI u = URI.create(host.connect());
        if (!host.remote() || !"qemu+ssh".equals(u.getScheme())
                || host.hostKey() == null && host.knownHosts() == null) {
            return host.connect();
        }
        Path dir = lab.sshKey().getParent().resolve(DIR);
        try {
            OutputFiles.directory(dir);
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
            Path known = host.knownHosts();
            if (known == null) {
                known = dir.resolve(host.name() + ".known_hosts");
                String name = host.sshPort() == 22 ? host.sshHost() : "[" + host.sshHost() + "]:" + host.sshPort();
                OutputFiles.replace(known, name + " " + host.hostKey() + "\n");
            }
            Path wrapper = dir.resolve(host.name() + ".ssh");
            OutputFiles.replace(wrapper, wrapper(known));
            Files.setPosixFilePermissions(wrapper, PosixFilePermissions.fromString("rwx------"));
            String keyfile = host.uriOption("keyfile");
            return host.connect() + (u.getRawQuery() == null ? "?" : "&") + "command=" + wrapper
                    + (keyfile == null ? "&keyfile=" + lab.sshKey() : "") + "&no_tty=1";
        } catch (IOException e) {
            throw new OutputException("cannot write the ssh wrapper for host " + host.name() + " in " + dir + ": "
                    + e.getMessage() + "; check that VBENCH_HOME is writable");
        }
    }

    /** The wrapper script: pure. */
    static String wrapper(Path knownHosts) {
        return "#!/bin/sh\n# written by vbench: libvirt's qemu+ssh checks the host key the plan names\n"
                + "exec ssh -F none -o UserKnownHostsFile=" + ShellQuote.quote(knownHosts.toString())
                + " -o GlobalKnownHostsFile=none -o StrictHostKeyChecking=yes -o IdentitiesOnly=yes"
                + " -o BatchMode=yes \"$@\"\n";
    }
}
