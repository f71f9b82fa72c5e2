package dev.vbench.bench.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vbench.bench.plan.Plan;
import dev.vbench.bench.plan.PlanParser;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Seals run.json byte for byte (seeded content, environment strings fixed), under several default locales.
 * Regenerate after an intended format change with {@code -Dvbench.updateGolden=true} and review the diff.
 */
class RunRecordGoldenTest {
    static final Path GOLDEN = Path.of("src/test/resources/golden/run.json");
    private Locale saved;

    @BeforeEach
    void save() {
        saved = Locale.getDefault();
    }

    @AfterEach
    void restore() {
        Locale.setDefault(saved);
    }

    static RunRecord.Content content() throws Exception {
        Plan plan = PlanParser.parse(Path.of("src/test/resources/golden/run-plan.yaml"));
        VariantRecord ide = new VariantRecord("ide-wt-e1000", "ready", null, "vbench-r1-ide-wt-e1000",
                "192.168.150.20", "6.1.0-50-amd64", "/dev/sda",
                "vbench-devices v1\ndisk name=sda serial=vbdata drivers=sd,ata_piix sysfs=/sys/devices/x\nend\n",
                "<domain type='qemu'><name>vbench-r1-ide-wt-e1000</name></domain>");
        VariantRecord twin = new VariantRecord("ide-wt-e1000.canary", "ready", null,
                "vbench-r1-ide-wt-e1000.canary", "192.168.150.22", "6.1.0-50-amd64", "/dev/sda",
                "vbench-devices v1\ndisk name=sda serial=vbdata drivers=sd,ata_piix sysfs=/sys/devices/x\nend\n",
                "<domain type='qemu'><name>vbench-r1-ide-wt-e1000.canary</name></domain>");
        VariantRecord virtio = VariantRecord.failed("virtio-wb-virtio", "boot 1: wait for an IPv4 address of"
                + " domain 'vbench-r1-virtio-wb-virtio': no DHCP lease or ARP entry within 120 s; console:"
                + " raw/virtio-wb-virtio/boot1/console.log");
        return new RunRecord.Content("r1", "partial", 42, Instant.parse("2026-11-26T04:00:00Z"),
                Instant.parse("2026-11-26T04:05:00Z"), new HarnessVersion("0.1.0", "0123abcd", false),
                Map.of("accelerator", "tcg", "host_kernel", "6.1.0", "libvirt_version", "9.0.0", "guest_kernel",
                        "6.1.0-50-amd64", "image_recipe_hash", "0123456789abcdef"), plan,
                "run-plan.yaml", List.of(ide, twin, virtio),
                List.of(new JournalEntry.BootEntry("ide-wt-e1000", 1, "2026-11-26T04:00:01Z",
                        "2026-11-26T04:00:43.500Z", 2)),
                List.of(JournalTest.ok("ide-wt-e1000", 1, 1165.5), JournalTest.ok("ide-wt-e1000", 2, 0.1 + 0.2)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"en-US", "de-DE", "tr-TR"})
    void runJsonIsStable(String tag) throws Exception {
        Locale.setDefault(Locale.forLanguageTag(tag));
        String actual = RunRecord.format(content());
        if (Boolean.getBoolean("vbench.updateGolden")) {
            Files.createDirectories(GOLDEN.getParent());
            Files.writeString(GOLDEN, actual, StandardCharsets.UTF_8);
        }
        assertThat(GOLDEN).as("golden file (create it with -Dvbench.updateGolden=true)").exists();
        assertThat(actual).isEqualTo(Files.readString(GOLDEN, StandardCharsets.UTF_8));
    }
}
