package dev.vbench.provisioning.libvirt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class NetworkXmlTest {
    static String captured(String name) throws IOException {
        try (InputStream in = NetworkXmlTest.class.getResourceAsStream("/captured/" + name)) {
            assertThat(in).as("resource %s", name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void labNetwork() throws IOException {
        // virsh -c qemu:///system net-dumpxml vbench, as the lab scripts define it
        assertThat(NetworkXml.hostIpv4(captured("network-vbench.xml"))).contains("192.168.150.1");
    }

    @Test
    void ipv6FirstThenIpv4() {
        String xml = "<network><name>n</name><ip family='ipv6' address='fd00::1' prefix='64'/>"
                + "<ip family='ipv4' address='10.0.0.1' prefix='24'/></network>";
        assertThat(NetworkXml.hostIpv4(xml)).contains("10.0.0.1");
    }

    @Test
    void noAddress() {
        assertThat(NetworkXml.hostIpv4("<network><name>br</name><forward mode='bridge'/><bridge name='br0'/>"
                + "</network>")).isEmpty();
        assertThat(NetworkXml.hostIpv4("<network><name>n</name><ip family='ipv6' address='fd00::1'/></network>"))
                .isEmpty();
        assertThat(NetworkXml.hostIpv4("<network><name>n</name><dns><ip address='1.1.1.1'/></dns></network>"))
                .as("only <ip> directly under <network>").isEmpty();
    }

    @Test
    void notXml() {
        assertThatThrownBy(() -> NetworkXml.hostIpv4("error: network not found"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
