package dev.vbench.provisioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class HostEnvironmentTest {
    static String captured(String name) throws IOException {
        try (InputStream in = HostEnvironmentTest.class.getResourceAsStream("/captured/" + name)) {
            assertThat(in).as("resource %s", name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void formatsLibvirtVersionNumbers() {
        assertThat(HostEnvironment.formatVersion(9_000_000)).isEqualTo("9.0.0");
        assertThat(HostEnvironment.formatVersion(7_002_000)).isEqualTo("7.2.0");
        assertThat(HostEnvironment.formatVersion(10_010_012)).isEqualTo("10.10.12");
        assertThat(HostEnvironment.formatVersion(2)).isEqualTo("0.0.2");
        assertThatThrownBy(() -> HostEnvironment.formatVersion(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void fakeHypervisorOffersOnlyTestDomainsForI686() throws IOException {
        String caps = captured("capabilities-test-default.xml"); // virsh -c test:///default capabilities
        assertThat(HostEnvironment.offers(caps, "i686", "test")).isTrue();
        assertThat(HostEnvironment.offers(caps, "x86_64", "kvm")).isFalse();
        assertThat(HostEnvironment.offers(caps, "i686", "kvm")).isFalse();
    }

    @Test
    void nestedQemuHostOffersKvmAndQemuForX86_64() throws IOException {
        // virsh -c qemu:///system capabilities on the kvm_pvm lab machine: KVM is offered, yet does not boot
        // a Debian kernel there, which is why AccelResolver probes instead of trusting this
        String caps = captured("capabilities-qemu-nested.xml");
        assertThat(HostEnvironment.offers(caps, "x86_64", "kvm")).isTrue();
        assertThat(HostEnvironment.offers(caps, "x86_64", "qemu")).isTrue();
        assertThat(HostEnvironment.offers(caps, "aarch64", "kvm")).isFalse();
        assertThat(HostEnvironment.offers(caps, "x86_64", "xen")).isFalse();
    }

    @Test
    void notXml() {
        assertThatThrownBy(() -> HostEnvironment.offers("<capabilities>", "x86_64", "kvm"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
