package dev.vbench.provisioning;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** lab.properties is the one source of the lab's facts: the Java and the scripts read the same values. */
class LabFactsTest {

    @Test
    void everyDiskBusAndNicModelHasAGuestDriver() {
        for (DiskBus bus : DiskBus.values()) {
            assertThat(bus.guestDriver()).as(bus.planName()).matches("[a-z0-9_]+");
        }
        for (NicModel model : NicModel.values()) {
            assertThat(model.guestDriver()).as(model.planName()).matches("[a-z0-9_]+");
        }
        assertThat(DiskBus.IDE.guestDriver()).isEqualTo("ata_piix");
        assertThat(NicModel.RTL8139.guestDriver()).isEqualTo("8139cp");
    }

    @Test
    void dataDiskIsWholeMebibytes() {
        assertThat(LabFacts.dataDiskBytes()).isPositive();
        assertThat(LabFacts.dataDiskBytes() % (1L << 20)).isZero();
    }

    @Test
    void theScriptsReadTheSameFacts() throws Exception {
        assertThat(shell("source scripts/lib/common.sh; printf '%s\\n' \"$VBENCH_NS\" \"$VBENCH_NET\"; "
                + "lab_fact data_disk_mib"))
                .containsExactly(LabFacts.namespace(), LabFacts.network(),
                        Long.toString(LabFacts.dataDiskBytes() >> 20));
        List<String> modules = shell("source scripts/lib/common.sh; source scripts/lib/image.sh; "
                + "printf '%s\\n' \"${IMAGE_INITRD_MODULES[@]}\" -- \"${IMAGE_KERNEL_MODULES[@]}\"");
        int split = modules.indexOf("--");
        for (DiskBus bus : DiskBus.values()) {
            assertThat(modules.subList(0, split)).contains(bus.guestDriver());
        }
        for (NicModel model : NicModel.values()) {
            assertThat(modules.subList(split + 1, modules.size())).contains(model.guestDriver());
        }
    }

    private static List<String> shell(String script) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("bash", "-c", "set -euo pipefail; " + script)
                .directory(Path.of("..").toAbsolutePath().normalize().toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(out).isZero();
        return out.lines().toList();
    }
}
