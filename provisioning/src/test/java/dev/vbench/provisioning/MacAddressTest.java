package dev.vbench.provisioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MacAddressTest {
    @Test
    void derivedFromSha256OfTheName() {
        // oracle outside Java: printf %s NAME | sha256sum | cut -c1-6
        assertThat(MacAddress.forName("vbench-r20261126-virtio-wb-virtio").value()).isEqualTo("52:54:00:58:02:d8");
        assertThat(MacAddress.forName("vbench-r20261126-ide-wt-e1000").value()).isEqualTo("52:54:00:fa:40:71");
    }

    @Test
    void sameNameSameMacOtherNameOtherMac() {
        assertThat(MacAddress.forName("vbench-a-x")).isEqualTo(MacAddress.forName("vbench-a-x"));
        assertThat(MacAddress.forName("vbench-a-x")).isNotEqualTo(MacAddress.forName("vbench-a-y"));
    }

    @Test
    void locallyAdministeredUnicastQemuPrefix() {
        for (String n : new String[] {"a", "vbench-r1-ide-wb", "Z", "vbench-x-" + "y".repeat(100)}) {
            String mac = MacAddress.forName(n).value();
            assertThat(mac).startsWith("52:54:00:").matches("([0-9a-f]{2}:){5}[0-9a-f]{2}");
            int first = Integer.parseInt(mac.substring(0, 2), 16);
            assertThat(first & 0x02).as("locally administered bit").isEqualTo(0x02);
            assertThat(first & 0x01).as("multicast bit").isZero();
        }
    }

    @Test
    void rejectsMalformedAddresses() {
        assertThatThrownBy(() -> new MacAddress("52:54:00:AB:CD:EF")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("lower-case");
        assertThatThrownBy(() -> new MacAddress("52:54:00:ab:cd")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new MacAddress("52-54-00-ab-cd-ef")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void matchesOtherSpellings() {
        MacAddress m = new MacAddress("52:54:00:ab:cd:ef");
        assertThat(m.matches("52:54:00:AB:CD:EF ")).isTrue();
        assertThat(m.matches("52:54:00:ab:cd:ee")).isFalse();
        assertThat(m.matches(null)).isFalse();
    }
}
