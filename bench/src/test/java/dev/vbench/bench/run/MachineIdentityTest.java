package dev.vbench.bench.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vbench.provisioning.ProvisioningException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MachineIdentityTest {
    @TempDir
    Path dir;

    @Test
    void theMachineIdElseTheHostName() throws Exception {
        Path id = Files.writeString(dir.resolve("machine-id"), "0123456789abcdef0123456789abcdef\n");
        Path host = Files.writeString(dir.resolve("hostname"), "lab-7.example\n");
        assertThat(MachineIdentity.read(id, host)).isEqualTo("0123456789abcdef0123456789abcdef");
        Files.writeString(id, "uninitialized\n"); // systemd's first-boot placeholder
        assertThat(MachineIdentity.read(id, host)).isEqualTo("lab-7.example");
        assertThat(MachineIdentity.read(dir.resolve("missing"), host)).isEqualTo("lab-7.example");
    }

    @Test
    void noIdentityIsAProvisioningErrorWithTheFix() throws Exception {
        Path empty = Files.writeString(dir.resolve("empty"), "");
        assertThatThrownBy(() -> MachineIdentity.read(dir.resolve("missing"), empty))
                .isInstanceOf(ProvisioningException.class).hasMessageContaining("systemd-machine-id-setup");
    }

    @Test
    void thisMachineHasOneAndTheOwnerOfAHomeFollowsItsRealPath() throws Exception {
        assertThat(MachineIdentity.read()).isNotBlank();
        Path home = Files.createDirectories(dir.resolve("home"));
        Path link = Files.createSymbolicLink(dir.resolve("link"), home);
        assertThat(new LabHome(link).owner()).as("a link to a home is that home").isEqualTo(new LabHome(home).owner());
        assertThat(new LabHome(dir.resolve("other")).owner().home()).isNotEqualTo(new LabHome(home).owner().home());
        assertThat(new LabHome(home).owner().host()).isEqualTo(new LabHome(dir.resolve("other")).owner().host());
    }
}
