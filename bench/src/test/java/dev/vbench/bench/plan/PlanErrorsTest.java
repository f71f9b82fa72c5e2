package dev.vbench.bench.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every bad plan is refused with one line naming the file, the line, the key and the problem. */
class PlanErrorsTest {
    /** A valid plan; each case changes one thing. Line numbers in the cases refer to this layout. */
    static final String VALID = """
            name: errs
            variants:
              - name: a
                disk: {bus: ide, cache: writethrough}
                nic: {model: e1000}
              - name: b
                disk: {bus: virtio, cache: writeback}
            workloads:
              - {name: rr, fio: {rw: randread, bs: 4k}}
              - {name: tcp, iperf3: {duration: 5s}}
            repetitions: 3
            """;

    record Case(String what, String yaml, int line, String key, List<String> words) {
        @Override
        public String toString() {
            return what;
        }
    }

    static Case bad(String what, String yaml, int line, String key, String... words) {
        return new Case(what, yaml, line, key, List.of(words));
    }

    /** {@link #VALID} with {@code from} replaced by {@code to}; {@code from} must occur. */
    static String with(String from, String to) {
        assertThat(VALID).contains(from);
        return VALID.replace(from, to);
    }

    static String plus(String lines) {
        return VALID + lines;
    }

    static Stream<Case> cases() {
        return Stream.of(
                // values outside closed sets
                bad("unknown disk bus", with("bus: ide", "bus: scsi"), 4, "variants[0].disk.bus",
                        "unknown value 'scsi'", "(valid: ide, sata, virtio, virtio-scsi)"),
                bad("unknown cache mode with a suggestion", with("cache: writeback", "cache: writebak"), 7,
                        "variants[1].disk.cache", "unknown value 'writebak'", "did you mean 'writeback'?"),
                bad("unknown nic model", with("model: e1000", "model: ne2k_pci"), 5, "variants[0].nic.model",
                        "unknown value 'ne2k_pci'", "e1000, rtl8139, virtio"),
                bad("unknown io mode", with("cache: writeback}", "cache: writeback, io: aio}"), 7,
                        "variants[1].disk.io", "unknown value 'aio'", "threads, native, io_uring"),
                bad("unknown disk backend", with("cache: writeback}", "cache: writeback, backend: nbd}"), 7,
                        "variants[1].disk.backend", "unknown value 'nbd'", "file, nbdkit"),
                bad("unknown accel", plus("accel: hvf\n"), 12, "accel", "unknown value 'hvf'", "auto, kvm, tcg"),
                bad("unknown fio rw", with("rw: randread", "rw: random"), 9, "workloads[0].fio.rw",
                        "unknown value 'random'", "randread"),
                bad("unknown ioengine", with("bs: 4k}", "bs: 4k, ioengine: windowsaio}"), 9,
                        "workloads[0].fio.ioengine", "'windowsaio'", "libaio, io_uring, psync, sync, posixaio"),
                // injection attempts and grammar
                bad("shell in a block size", with("bs: 4k", "bs: \"4k; reboot\""), 9, "workloads[0].fio.bs",
                        "not a size", "'4k; reboot'"),
                bad("newline in a block size stays on one line", with("bs: 4k", "bs: \"4k\\nreboot\""), 9,
                        "workloads[0].fio.bs", "'4k\\nreboot'"),
                bad("duration without unit", with("duration: 5s", "duration: 5"), 10, "workloads[1].iperf3.duration",
                        "not a duration", "add a unit: 5s"),
                bad("bit rate grammar", with("duration: 5s}", "duration: 5s, udp: true, bitrate: fast}"), 10,
                        "workloads[1].iperf3.bitrate", "not a bit rate", "100M"),
                bad("connect URI with a space", plus("connect: \"qemu:///system; rm -rf\"\n"), 12, "connect",
                        "not a libvirt URI"),
                // structure and types
                bad("unknown top-level key with a suggestion", with("repetitions: 3", "repetition: 3"), 11,
                        "repetition", "unknown key", "did you mean 'repetitions'?"),
                bad("unknown fio key", with("bs: 4k}", "bs: 4k, blocksize: 4k}"), 9, "workloads[0].fio.blocksize",
                        "unknown key", "rw, bs, iodepth"),
                bad("quoted number where an integer belongs", with("bs: 4k}", "bs: 4k, iodepth: \"32\"}"), 9,
                        "workloads[0].fio.iodepth", "expected a whole number", "the text '32'"),
                bad("fractional integer", with("repetitions: 3", "repetitions: 3.5"), 11, "repetitions",
                        "expected a whole number", "3.5"),
                bad("yes is not a boolean here", with("duration: 5s}", "duration: 5s, reverse: yes}"), 10,
                        "workloads[1].iperf3.reverse", "expected true or false"),
                bad("a list where a mapping belongs", with("nic: {model: e1000}", "nic: [e1000]"), 5,
                        "variants[0].nic", "expected a mapping {model: ...}", "got a list"),
                bad("variants not a list", "name: x\nvariants: a\nworkloads: [{name: w, iperf3: {}}]\nrepetitions: 1\n", 2,
                        "variants", "expected a list of variants", "the text 'a'"),
                bad("claims of the wrong type", plus("claims: 5\n"), 12, "claims",
                        "expected a list of claims or the path of a claims file"),
                // numbers out of range
                bad("zero iodepth", with("bs: 4k}", "bs: 4k, iodepth: 0}"), 9, "workloads[0].fio.iodepth",
                        "0 is out of range", "1..1024"),
                bad("negative numjobs", with("bs: 4k}", "bs: 4k, numjobs: -1}"), 9, "workloads[0].fio.numjobs",
                        "-1 is out of range", "1..64"),
                bad("absurd repetitions", with("repetitions: 3", "repetitions: 100000"), 11, "repetitions",
                        "100000 is out of range", "1..1000"),
                bad("huge integer", with("repetitions: 3", "repetitions: 99999999999999999999999"), 11, "repetitions",
                        "out of range"),
                bad("leading zero (octal in YAML 1.1)", with("repetitions: 3", "repetitions: 010"), 11, "repetitions",
                        "leading zeros", "'010'"),
                bad("hexadecimal", with("repetitions: 3", "repetitions: 0x10"), 11, "repetitions",
                        "expected a whole number", "'0x10'"),
                bad("not a finite number",
                        plus("claims:\n  - {id: c1, baseline: a, candidate: b, workload: rr, metric: read_iops, min_gain: .inf}\n"),
                        13, "claims[0].min_gain", "expected a number"),
                bad("zero repetitions", with("repetitions: 3", "repetitions: 0"), 11, "repetitions",
                        "0 is out of range"),
                bad("size bigger than the data disk", with("bs: 4k}", "bs: 4k, size: 3G}"), 9,
                        "workloads[0].fio.size", "3g is out of range", "1m .. 2g", "data disk"),
                bad("block size not a multiple of 512", with("bs: 4k", "bs: 1000"), 9, "workloads[0].fio.bs",
                        "multiple of 512"),
                bad("size not a multiple of bs", with("bs: 4k}", "bs: 1M, size: 1536k}"), 9,
                        "workloads[0].fio.size", "not a multiple of bs 1m"),
                bad("runtime above an hour", with("bs: 4k}", "bs: 4k, runtime: 2h}"), 9, "workloads[0].fio.runtime",
                        "2h is out of range", "1s..1h"),
                bad("fio ramp time in milliseconds", with("bs: 4k}", "bs: 4k, ramp_time: 500ms}"), 9,
                        "workloads[0].fio.ramp_time", "500ms is not a whole number of seconds"),
                bad("rate_iops zero", with("bs: 4k}", "bs: 4k, rate_iops: 0}"), 9, "workloads[0].fio.rate_iops",
                        "0 is out of range", "1..10000000"),
                bad("rate_iops above the cap", with("bs: 4k}", "bs: 4k, rate_iops: 10000001}"), 9,
                        "workloads[0].fio.rate_iops", "10000001 is out of range", "1..10000000"),
                bad("rate_iops with a unit", with("bs: 4k}", "bs: 4k, rate_iops: 5k}"), 9,
                        "workloads[0].fio.rate_iops", "expected a whole number (1..10000000", "the text '5k'"),
                bad("rate_iops a fraction", with("bs: 4k}", "bs: 4k, rate_iops: 2.5}"), 9,
                        "workloads[0].fio.rate_iops", "expected a whole number", "the number '2.5'"),
                bad("rate_iops misspelt", with("bs: 4k}", "bs: 4k, rate_iop: 500}"), 9, "workloads[0].fio.rate_iop",
                        "unknown key", "ioengine, rate_iops)", "did you mean 'rate_iops'?"),
                bad("rate_iops in iperf3", with("duration: 5s}", "duration: 5s, rate_iops: 500}"), 10,
                        "workloads[1].iperf3.rate_iops", "unknown key (valid: duration, streams"),
                bad("direct is 0 or 1", with("bs: 4k}", "bs: 4k, direct: 2}"), 9, "workloads[0].fio.direct",
                        "2 is out of range", "0..1"),
                bad("iperf3 streams", with("duration: 5s}", "duration: 5s, streams: 500}"), 10,
                        "workloads[1].iperf3.streams", "500 is out of range", "1..128"),
                bad("iperf3 fractional seconds", with("duration: 5s", "duration: 1500ms"), 10,
                        "workloads[1].iperf3.duration", "whole number of seconds"),
                bad("guest vcpus", plus("guest: {vcpus: 0}\n"), 12, "guest.vcpus", "0 is out of range", "1..64"),
                bad("guest memory", plus("guest: {vcpus: 1, memory_mib: 100}\n"), 12, "guest.memory_mib",
                        "100 is out of range", "256..262144"),
                bad("adaptive repetitions removed", with("repetitions: 3", "repetitions: {min: 3, max: 9, target_ci_pct: 5}"),
                        11, "repetitions", "adaptive form", "was removed", "boots: N"),
                bad("boots zero", with("repetitions: 3", "boots: 0\nrepetitions: 3"), 11, "boots",
                        "0 is out of range", "1..50"),
                bad("boots absurd", with("repetitions: 3", "boots: 500\nrepetitions: 3"), 11, "boots",
                        "500 is out of range", "1..50"),
                bad("stopping unknown", with("repetitions: 3", "repetitions: 3\nstopping: early"), 12, "stopping",
                        "'early'", "sequential, fixed"),
                bad("parallel boots zero", with("repetitions: 3", "repetitions: 3\nparallel_boots: 0"), 12,
                        "parallel_boots", "0 is out of range", "1..64"),
                bad("parallel boots a word", with("repetitions: 3", "repetitions: 3\nparallel_boots: all"), 12,
                        "parallel_boots", "expected auto or a whole number", "1 boots one at a time", "'all'"),
                // combinations
                bad("io native with writeback", with("cache: writeback}", "cache: writeback, io: native}"), 7,
                        "variants[1].disk.io", "native needs cache none or directsync", "not cache writeback"),
                bad("io native in a matrix",
                        plus("matrix:\n  disk.cache: [none, writethrough]\n  disk.io: [native]\n"), 14, "matrix.disk.io", "disk.cache writethrough with disk.io native is invalid"),
                bad("rwmixread without a mixed pattern", with("bs: 4k}", "bs: 4k, rwmixread: 70}"), 9,
                        "workloads[0].fio.rwmixread", "only applies to rw: rw or randrw"),
                bad("sync engine with depth", with("bs: 4k}", "bs: 4k, ioengine: psync, iodepth: 8}"), 9,
                        "workloads[0].fio.iodepth", "no effect", "psync"),
                bad("udp without bit rate", with("duration: 5s}", "duration: 5s, udp: true}"), 10,
                        "workloads[1].iperf3.bitrate", "required with udp: true"),
                bad("bit rate without udp", with("duration: 5s}", "duration: 5s, bitrate: 1G}"), 10,
                        "workloads[1].iperf3.bitrate", "only applies with udp: true"),
                bad("fio and iperf3 in one workload", with("{duration: 5s}}", "{duration: 5s}, fio: {rw: read}}"), 10,
                        "workloads[1]", "give one of fio, iperf3 and durability, not fio and iperf3"),
                bad("workload without a tool", with("{name: tcp, iperf3: {duration: 5s}}", "{name: tcp}"), 10,
                        "workloads[1]", "missing the tool"),
                bad("image initrd without kernel", plus("image: {disk: /i/d.qcow2, initrd: /i/initrd.img}\n"), 12,
                        "image.initrd", "needs kernel"),
                bad("image mapping without disk", plus("image: {kernel: /i/vmlinuz}\n"), 12, "image.disk",
                        "missing (required"),
                bad("image word other than default", plus("image: latest\n"), 12, "image", "unknown value 'latest'",
                        "default"),
                bad("bridge name too long", plus("network: {bridge: averyveryverylongbridge}\n"), 12, "network.bridge",
                        "not a bridge name"),
                bad("virtualport", plus("network: {bridge: br0, virtualport: 802.1Qbh}\n"), 12,
                        "network.virtualport", "unknown value '802.1Qbh'", "openvswitch"),
                // names and references
                bad("duplicate variant name", with("- name: b", "- name: a"), 6, "variants[1].name",
                        "duplicate variant name 'a'", "line 3"),
                bad("duplicate workload name", with("{name: tcp,", "{name: rr,"), 10, "workloads[1].name",
                        "duplicate workload name 'rr'", "line 9"),
                bad("path separator in a variant name", with("- name: b", "- name: x/../../etc"), 6,
                        "variants[1].name", "must not contain path separators"),
                bad("upper-case workload name", with("{name: rr,", "{name: RandRead,"), 9, "workloads[0].name",
                        "invalid workload name 'RandRead'"),
                bad("variant named auto", with("- name: b", "- name: auto"), 6, "variants[1].name", "'auto' is reserved"),
                bad("variant named native", with("- name: b", "- name: native"), 6, "variants[1].name",
                        "'native' is reserved for the host's own ceiling", "choose another name"),
                bad("native not a boolean", plus("native: sometimes\n"), 12, "native", "expected true or false"),
                bad("baseline not a variant", plus("baseline: c\n"), 12, "baseline", "unknown variant 'c'",
                        "(valid: auto, a, b)"),
                bad("canary not a variant", plus("canary: c\n"), 12, "canary", "unknown variant 'c'", "(valid: a, b)",
                        "name one variant of the plan", "VARIANT.canary"),
                bad("canary misspelt", with("- name: b", "- name: bravo").replace("repetitions: 3\n",
                        "repetitions: 3\ncanary: brav\n"), 12, "canary", "unknown variant 'brav'", "did you mean 'bravo'?"),
                bad("canary twin clashes with a variant", plus("canary: a\n").replace("- name: b", "- name: a.canary"),
                        12, "canary", "already has a variant 'a.canary'", "rename that variant"),
                bad("canary name too long for its twin", plus("canary: " + "x".repeat(42) + "\n")
                        .replace("- name: a", "- name: " + "x".repeat(42)), 12, "canary", "longer than 48 characters",
                        "at most 41"),
                bad("canary a list", plus("canary: [a, b]\n"), 12, "canary", "expected"),
                bad("matrix name clash", plus("matrix: {disk.bus: [ide], disk.cache: [writethrough], nic.model: [e1000]}\n")
                        .replace("- name: a", "- name: ide-wt-e1000").replace("bus: ide, cache: writethrough", "bus: sata, cache: writethrough"),
                        12, "matrix", "generates variant 'ide-wt-e1000'", "defines differently on line 3"),
                bad("matrix duplicate value", plus("matrix: {disk.bus: [ide, virtio, ide]}\n"), 12, "matrix.disk.bus[2]",
                        "duplicate value 'ide'"),
                bad("matrix unknown key", plus("matrix: {disk.size: [1G]}\n"), 12, "matrix.disk.size", "unknown key",
                        "disk.bus, disk.cache, disk.io, nic.model"),
                bad("claim with an unknown candidate",
                        plus("claims:\n  - {id: c1, baseline: a, candidate: z, workload: rr, metric: read_iops, min_gain: 1.2}\n"),
                        13, "claims[0].candidate", "unknown variant 'z'", "a, b"),
                bad("claim with a metric of another tool",
                        plus("claims:\n  - {id: c1, baseline: a, candidate: b, workload: tcp, metric: iops, min_gain: 1.2}\n"),
                        13, "claims[0].metric", "unknown metric 'iops' for iperf3 workload tcp", "throughput, retransmits"),
                bad("claim with a metric of the other direction",
                        plus("claims:\n  - {id: c1, baseline: a, candidate: b, workload: rr, metric: write_iops, min_gain: 1}\n"),
                        13, "claims[0].metric", "unknown metric 'write_iops' for fio workload rr", "read_iops, read_bw"),
                bad("claim with zero gain",
                        plus("claims:\n  - {id: c1, baseline: a, candidate: b, workload: rr, metric: read_iops, min_gain: 0}\n"),
                        13, "claims[0].min_gain", "out of range"),
                bad("claim comparing a variant with itself",
                        plus("claims:\n  - {id: c1, baseline: a, candidate: a, workload: rr, metric: read_iops, min_gain: 2}\n"),
                        13, "claims[0].candidate", "same variant as baseline"),
                bad("claim with an unknown workload",
                        plus("claims:\n  - id: c1\n    baseline: a\n    candidate: b\n    workload: seqwrite\n"
                                + "    metric: iops\n    min_gain: 2\n"), 16, "claims[0].workload",
                        "unknown workload 'seqwrite'", "rr, tcp"),
                // missing things
                bad("missing name", with("name: errs\n", ""), 1, "name", "missing (required"),
                bad("missing repetitions", with("repetitions: 3\n", ""), 1, "repetitions", "missing (required"),
                bad("missing fio rw", with("rw: randread, bs: 4k", "bs: 4k"), 9, "workloads[0].fio.rw",
                        "missing (required", "randread"),
                bad("no variants at all", "name: x\nworkloads: [{name: w, iperf3: {}}]\nrepetitions: 1\n", 1, "variants",
                        "no variants", "matrix"),
                bad("empty workload list", VALID.substring(0, VALID.indexOf("workloads:")) + "workloads: []\n"
                        + "repetitions: 3\n", 8, "workloads", "no workloads"),
                bad("empty variant list and no matrix", "name: x\nvariants: []\nworkloads: [{name: w, iperf3: {}}]\n"
                        + "repetitions: 1\n", 2, "variants", "no variants"),
                // YAML itself
                bad("empty file", "", 1, null, "empty plan"),
                bad("only comments", "# nothing here\n\n", 1, null, "empty plan"),
                bad("a list instead of a mapping", "- a\n- b\n", 1, null, "a plan is a mapping", "not a list"),
                bad("a scalar instead of a mapping", "hello\n", 1, null, "a plan is a mapping", "the text 'hello'"),
                bad("duplicate key", plus("name: again\n"), 12, "name", "duplicate key", "line 1"),
                bad("tab indentation", with("    nic: {model: e1000}", "\tnic: {model: e1000}"), 5, null,
                        "YAML syntax error", "Do not use"),
                bad("unclosed flow mapping", with("{name: tcp, iperf3: {duration: 5s}}", "{name: tcp, iperf3: {duration: 5s}"),
                        11, null, "YAML syntax error"),
                bad("nesting too deep", "name: " + "[".repeat(1100) + "]".repeat(1100) + "\n", 1, null,
                        "YAML syntax error", "nesting depth"),
                bad("second document", plus("---\nname: other\n"), 13, null, "second YAML document"),
                bad("alias", plus("guest: &g {vcpus: 2}\n"), 12, "guest", "anchors"),
                bad("anchor on a scalar", with("repetitions: 3", "repetitions: &r 3"), 11, "repetitions", "anchors"),
                bad("alias without an anchor", plus("guest: *g\n"), 12, "guest", "aliases (*name)"),
                bad("tag on a key", with("name: errs", "!!str name: errs"), 1, "name", "tags", "!!str"),
                bad("a list as a key", "? [a]\n: b\n", 1, null, "YAML syntax error", "keys must be plain text"),
                bad("tag", with("bs: 4k", "bs: !!str 4k"), 9, "workloads[0].fio.bs", "tags", "!!str"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void badPlanIsRefusedWithLineKeyAndReason(Case c) {
        PlanException e = catchThrowableOfType(PlanException.class, () -> PlanParser.parse(c.yaml(), "plans/t.yaml"));

        assertThat(e).as("%s must be refused", c.what()).isNotNull();
        assertThat(e.getMessage()).doesNotContain("\n").doesNotContain("\r");
        assertThat(e.file()).isEqualTo("plans/t.yaml");
        assertThat(e.line()).as(e.getMessage()).isEqualTo(c.line());
        assertThat(e.key()).as(e.getMessage()).isEqualTo(c.key());
        String prefix = "plans/t.yaml:" + c.line() + ": " + (c.key() == null ? "" : c.key() + ": ");
        assertThat(e.getMessage()).startsWith(prefix);
        for (String word : c.words()) {
            assertThat(e.getMessage()).contains(word);
        }
    }

    @org.junit.jupiter.api.Test
    void theValidBaseParses() {
        assertThat(PlanParser.parse(VALID, "plans/t.yaml").variantNames()).containsExactly("a", "b");
    }

    @org.junit.jupiter.api.Test
    void thereAreAtLeastTwentyCases() {
        assertThat(cases().count()).isGreaterThanOrEqualTo(20);
    }
}
