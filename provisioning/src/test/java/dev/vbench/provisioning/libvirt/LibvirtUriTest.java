package dev.vbench.provisioning.libvirt;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class LibvirtUriTest {
    private static final Path HOME = Path.of("/var/lib/vbench");

    @ParameterizedTest
    @ValueSource(strings = {"qemu:///system", "qemu:///session", "test:///default", "qemu+ssh://lab1/system",
        "qemu+ssh://root@lab1.example:2222/system", "qemu+ssh://lab1/system?keyfile=/var/lib/vbench/ssh/id_ed25519",
        "qemu+tls://lab2/system?pkipath=/var/lib/vbench/pki", "qemu+tcp://127.0.0.1:16509/system",
        "qemu+tcp://localhost/system", "qemu+unix:///system?socket=/run/libvirt/libvirt-sock",
        "qemu+ssh://lab1/system?mode=direct&proxy=native"})
    void labTransportsAreAllowed(String uri) {
        assertThat(LibvirtUri.problem(uri, HOME)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "qemu+ext:///system?command=/tmp/x | transport 'qemu+ext' is not allowed",
        "ext:///system | transport 'ext' is not allowed",
        "qemu+libssh://lab1/system?known_hosts_verify=ignore | transport 'qemu+libssh' is not allowed",
        "qemu+ssh://lab1/system?no_verify=1 | option 'no_verify' is not allowed",
        "qemu+ssh://lab1/system?netcat=/tmp/nc | option 'netcat' is not allowed",
        "qemu+ssh://lab1/system?command=/tmp/x | option 'command' is not allowed",
        "qemu+ssh://lab1/system?keyfile=/root/.ssh/id_rsa | keyfile must be a path inside /var/lib/vbench",
        "qemu+ssh://lab1/system?keyfile=/var/lib/vbench/../../root/k | keyfile must be a path inside",
        "qemu+tls://lab2/system?pkipath=relative | pkipath must be a path inside",
        "qemu+tcp://10.0.0.5/system | only to this machine",
        "qemu+unix://lab1/system | only to this machine",
        "qemu://lab1/system | qemu: names no host",
        "qemu:///embed?root=/tmp | local qemu URIs are qemu:///system or qemu:///session",
        "qemu+ssh:///system | qemu+ssh needs a host",
        "vbox:///session | transport 'vbox' is not allowed",
    })
    void everythingElseIsRefusedWithTheReason(String uri, String reason) {
        assertThat(LibvirtUri.problem(uri, HOME)).hasValueSatisfying(p -> assertThat(p).contains(reason));
    }

    @Test
    void localMeansThisMachinesQemuOrTheInProcessFake() {
        assertThat(LibvirtUri.isLocal("qemu:///system")).isTrue();
        assertThat(LibvirtUri.isLocal("qemu:///session")).isTrue();
        assertThat(LibvirtUri.isLocal("test:///default")).isTrue();
        assertThat(LibvirtUri.isLocal("qemu+ssh://root@host/system")).isFalse();
        assertThat(LibvirtUri.isLocal("qemu+tcp://127.0.0.1/system")).isFalse();
        assertThat(LibvirtUri.isLocal("qemu://host/system")).isFalse();
        assertThat(LibvirtUri.isLocal("not a uri")).isFalse();
    }
}
