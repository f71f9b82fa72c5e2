package dev.vbench.bench.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vbench.bench.plan.PlanHost;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** libvirt's own ssh checks the key the plan names: a wrapper of vbench's own, named by command= in the URI. */
class LibvirtSshTest {
    private static final String KEY = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIKjM2um+/KJql6ryFsMKCPHxxKvJoGVUGomkRReQOVy8";

    @TempDir
    Path dir;

    private LabHome lab() throws Exception {
        Files.createDirectories(dir.resolve("ssh"));
        return new LabHome(dir);
    }

    @Test
    void aPinnedKeyBecomesTheOnlyKnownHostOfLibvirtsSsh() throws Exception {
        LabHome lab = lab();
        String uri = LibvirtSsh.uri(new PlanHost("h1", "qemu+ssh://root@10.0.0.2:2222/system", KEY, null), lab);
        Path wrapper = dir.resolve("ssh/libvirt/h1.ssh");
        Path known = dir.resolve("ssh/libvirt/h1.known_hosts");
        assertThat(uri).isEqualTo("qemu+ssh://root@10.0.0.2:2222/system?command=" + wrapper + "&keyfile="
                + lab.sshKey() + "&no_tty=1");
        assertThat(known).hasContent("[10.0.0.2]:2222 " + KEY);
        assertThat(Files.readString(wrapper)).contains("-o UserKnownHostsFile=" + known,
                "-o StrictHostKeyChecking=yes", "-o BatchMode=yes \"$@\"");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(wrapper))).isEqualTo("rwx------");
        Process p = new ProcessBuilder(wrapper.toString(), "-V").redirectErrorStream(true).start();
        assertThat(new String(p.getInputStream().readAllBytes())).startsWith("OpenSSH");
        assertThat(p.waitFor()).isZero();
    }

    @Test
    void aKnownHostsFileIsUsedAsItIsAndTheUrisKeyfileKept() throws Exception {
        String uri = LibvirtSsh.uri(new PlanHost("h2", "qemu+ssh://lab2/system?keyfile=/k", null,
                Path.of("/etc/lab/known_hosts")), lab());
        assertThat(uri).isEqualTo("qemu+ssh://lab2/system?keyfile=/k&command=" + dir.resolve("ssh/libvirt/h2.ssh")
                + "&no_tty=1");
        assertThat(dir.resolve("ssh/libvirt/h2.known_hosts")).doesNotExist();
        assertThat(Files.readString(dir.resolve("ssh/libvirt/h2.ssh"))).contains("UserKnownHostsFile=/etc/lab/");
    }

    @Test
    void otherUrisAreOpenedAsGiven() throws Exception {
        assertThat(LibvirtSsh.uri(PlanHost.of("local", "qemu:///system"), lab())).isEqualTo("qemu:///system");
        assertThat(LibvirtSsh.uri(PlanHost.of("lab3", "qemu+ssh://lab3/system"), lab()))
                .as("the user's own ssh configuration").isEqualTo("qemu+ssh://lab3/system");
        assertThat(dir.resolve("ssh/libvirt")).doesNotExist();
    }
}
