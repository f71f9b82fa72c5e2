package dev.vbench.bench.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Where a plan runs: {@code connect:} (one URI or a list), {@code hosts:}, spread, iperf3_server, claims_hold_on. */
class HostsPlanTest {
    private static final String BODY = """
            variants:
              - {name: a, disk: {bus: ide}}
              - {name: b, disk: {bus: virtio}}
              - {name: c, disk: {bus: sata}}
              - {name: d, disk: {bus: virtio-scsi}}
            workloads:
              - {name: rr, fio: {rw: randread}}
            repetitions: 1
            """;
    private static final String KEY = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIKjM2um+/KJql6ryFsMKCPHxxKvJoGVUGomkRReQOVy8";

    private static Plan parse(String head) {
        return PlanParser.parse("name: p\n" + head + BODY, "p.yaml");
    }

    @Test
    void aPlanWithoutHostsRunsOnTheLocalLab() {
        PlanHosts hosts = parse("").hosts();
        assertThat(hosts.hosts()).containsExactly(PlanHost.of("local", "qemu:///system"));
        assertThat(hosts.several()).isFalse();
        assertThat(hosts.iperf3Server()).isEqualTo(PlanHosts.Iperf3Server.HOST);
        assertThat(hosts.claimsHoldOn()).isEqualTo(PlanHosts.ClaimsRule.EVERY);
        assertThat(hosts.first().remote()).isFalse();
    }

    @Test
    void aListOfUrisNamesEachHostByItsAddress() {
        Plan plan = parse("connect: [qemu+ssh://root@lab1.example/system, qemu+ssh://10.0.0.2:2222/system]\n");
        assertThat(plan.hosts().hosts()).extracting(PlanHost::name).containsExactly("lab1.example", "10.0.0.2");
        assertThat(plan.connect()).isEqualTo("qemu+ssh://root@lab1.example/system");
        PlanHost second = plan.hosts().hosts().get(1);
        assertThat(second.remote()).isTrue();
        assertThat(second.sshHost()).isEqualTo("10.0.0.2");
        assertThat(second.sshPort()).isEqualTo(2222);
        assertThat(second.sshUser()).isEqualTo("root");
    }

    @Test
    void hostsNameEachUriAndMayPinItsKey() {
        Plan plan = parse("hosts:\n  - {name: h1, connect: 'qemu+ssh://vb@lab1/system', host_key: '" + KEY
                + "'}\n  - {name: h2, connect: 'qemu+ssh://lab2/system', known_hosts: /etc/lab/known_hosts}\n"
                + "spread: true\niperf3_server: host\nclaims_hold_on: any\n");
        PlanHosts hosts = plan.hosts();
        assertThat(hosts.hosts()).containsExactly(new PlanHost("h1", "qemu+ssh://vb@lab1/system", KEY, null),
                new PlanHost("h2", "qemu+ssh://lab2/system", null, Path.of("/etc/lab/known_hosts")));
        assertThat(hosts.first().sshUser()).isEqualTo("vb");
        assertThat(hosts.spread()).isTrue();
        assertThat(hosts.claimsHoldOn()).isEqualTo(PlanHosts.ClaimsRule.ANY);
    }

    @Test
    void spreadKeepsTheBaselineOnEveryHostAndDealsTheOthersOut() {
        PlanHosts hosts = parse("connect: [qemu+ssh://h1/system, qemu+ssh://h2/system]\nspread: true\n").hosts();
        List<String> all = List.of("a", "b", "c", "d");
        assertThat(hosts.variantsOn(0, all, "a", List.of())).containsExactly("a", "b", "d");
        assertThat(hosts.variantsOn(1, all, "a", List.of())).containsExactly("a", "c");
        assertThat(hosts.variantsOn(1, all, "a", List.of("c", "d"))).as("the canary pair stays whole")
                .containsExactly("a", "c", "d");
        PlanHosts together = parse("connect: [qemu+ssh://h1/system, qemu+ssh://h2/system]\n").hosts();
        assertThat(together.variantsOn(1, all, "a", List.of())).containsExactlyElementsOf(all);
    }

    @Test
    void badHostsAreRefusedWithTheFix() {
        assertThatThrownBy(() -> parse("connect: qemu:///system\nhosts: [{name: h, connect: qemu:///system}]\n"))
                .isInstanceOf(PlanException.class).hasMessageContaining("with connect: or with hosts:, not both");
        assertThatThrownBy(() -> parse("connect: [qemu+ssh://h1/system, qemu+ssh://h1/system]\n"))
                .hasMessageContaining("host name 'h1' is given twice");
        assertThatThrownBy(() -> parse("hosts: [{name: h, connect: 'qemu+ssh://h/system', host_key: nokey}]\n"))
                .hasMessageContaining("not an OpenSSH public key line");
        assertThatThrownBy(() -> parse("spread: true\n")).hasMessageContaining("spread: true needs two hosts");
        assertThatThrownBy(() -> parse("iperf3_server: guest\n")).isInstanceOf(PlanException.class)
                .hasMessageContaining("host");
        assertThatThrownBy(() -> parse("connect: ['qemu+ext:///system?command=/bin/sh']\n"))
                .hasMessageContaining("transport 'qemu+ext' is not allowed");
        assertThatThrownBy(() -> parse("hosts: []\n")).hasMessageContaining("names no host");
    }
}
