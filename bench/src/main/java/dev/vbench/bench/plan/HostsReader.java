package dev.vbench.bench.plan;

import dev.vbench.bench.run.LabHome;
import dev.vbench.provisioning.Variant;
import dev.vbench.provisioning.libvirt.LibvirtUri;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Reads where a plan runs: {@code connect: URI} or {@code connect: [URI, ...]}, or {@code hosts:} with a name per
 * URI ({@code [{name: lab1, connect: URI, host_key: "ssh-ed25519 AAAA...", known_hosts: FILE}]}); then
 * {@code spread}, {@code iperf3_server: host|peer} and {@code claims_hold_on: every|any}.
 */
final class HostsReader {
    private static final Pattern URI = Pattern.compile("[a-z][a-z0-9+.-]*://[A-Za-z0-9._~:/?#\\[\\]@!&=+,%-]*");
    private static final List<String> HOST_KEYS = List.of("name", "connect", "host_key", "known_hosts");

    private HostsReader() {
    }

    static PlanHosts read(PlanNode top) {
        PlanNode connectNode = top.get("connect").orElse(null);
        PlanNode hostsNode = top.get("hosts").orElse(null);
        if (connectNode != null && hostsNode != null) {
            throw hostsNode.error("a plan names its hosts with connect: or with hosts:, not both; move the URIs"
                    + " into hosts: [{name: ..., connect: ...}]");
        }
        List<PlanHost> hosts = new ArrayList<>();
        if (hostsNode != null) {
            for (PlanNode h : hostsNode.list("a list of hosts, e.g. [{name: lab1, connect: qemu+ssh://lab1/system}]")) {
                PlanNode m = h.map("a host {name: NAME, connect: URI}").allowKeys(HOST_KEYS);
                String name = m.required("name", "e.g. name: lab1").name(Variant.NAME, "host name");
                String uri = connect(m.required("connect", "e.g. connect: qemu+ssh://root@lab1/system"));
                String hostKey = m.get("host_key").map(HostsReader::hostKey).orElse(null);
                hosts.add(new PlanHost(name, uri, hostKey, m.get("known_hosts").map(PlanNode::toPath).orElse(null)));
            }
        } else if (connectNode != null && connectNode.isList()) {
            for (PlanNode c : connectNode.list("a list of libvirt URIs")) {
                String uri = connect(c);
                hosts.add(PlanHost.of(PlanHost.nameOf(uri), uri));
            }
        } else {
            String uri = connectNode == null ? Plan.DEFAULT_CONNECT : connect(connectNode);
            hosts.add(PlanHost.of(PlanHost.nameOf(uri), uri));
        }
        PlanNode where = hostsNode != null ? hostsNode : connectNode != null ? connectNode : top;
        if (hosts.isEmpty()) {
            throw where.error("names no host; give at least one libvirt URI");
        }
        List<String> names = new ArrayList<>();
        for (PlanHost h : hosts) {
            if (!Variant.NAME.matcher(h.name()).matches() || names.contains(h.name())) {
                throw where.error("host name " + OneLine.quote(h.name()) + (names.contains(h.name())
                        ? " is given twice" : " is not a valid name") + "; name each host with hosts: [{name: ...,"
                        + " connect: ...}]");
            }
            names.add(h.name());
        }
        boolean spread = top.get("spread").map(PlanNode::bool).orElse(false);
        if (spread && hosts.size() < 2) {
            throw top.get("spread").orElseThrow().error("spread: true needs two hosts or more");
        }
        PlanHosts.Iperf3Server server = top.get("iperf3_server").map(n -> PlanHosts.Iperf3Server.valueOf(
                n.choice(List.of("host", "peer")).toUpperCase(Locale.ROOT))).orElse(PlanHosts.Iperf3Server.HOST);
        PlanHosts.ClaimsRule rule = top.get("claims_hold_on").map(n -> PlanHosts.ClaimsRule.valueOf(
                n.choice(List.of("every", "any")).toUpperCase(Locale.ROOT))).orElse(PlanHosts.ClaimsRule.EVERY);
        return new PlanHosts(hosts, spread, server, rule);
    }

    private static String hostKey(PlanNode node) {
        String line = node.text();
        if (!line.matches("(ssh-ed25519|ecdsa-sha2-nistp(256|384|521)|ssh-rsa) [A-Za-z0-9+/=]{16,}( .*)?")) {
            throw node.error("not an OpenSSH public key line: " + OneLine.quote(line) + " (e.g. host_key:"
                    + " \"ssh-ed25519 AAAA...\", the host's /etc/ssh/ssh_host_ed25519_key.pub)");
        }
        return line;
    }

    static String connect(PlanNode node) {
        String uri = node.text();
        if (!URI.matcher(uri).matches()) {
            throw node.error("not a libvirt URI: " + OneLine.quote(uri) + " (e.g. qemu:///system, test:///default,"
                    + " qemu+ssh://user@host/system; letters, digits and . _ ~ : / ? # [ ] @ ! & = + , % - only)");
        }
        LibvirtUri.problem(uri, LabHome.fromEnvironment().root()).ifPresent(problem -> {
            throw node.error(OneLine.quote(uri) + ": " + problem);
        });
        return uri;
    }
}
