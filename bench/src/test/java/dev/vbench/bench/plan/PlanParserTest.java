package dev.vbench.bench.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import dev.vbench.results.claims.Claim;

import dev.vbench.provisioning.Accel;
import dev.vbench.provisioning.CacheMode;
import dev.vbench.provisioning.DiskBackend;
import dev.vbench.provisioning.DiskBus;
import dev.vbench.provisioning.DiskSpec;
import dev.vbench.provisioning.GuestSpec;
import dev.vbench.provisioning.IoMode;
import dev.vbench.provisioning.NetworkSpec;
import dev.vbench.provisioning.NicModel;
import dev.vbench.provisioning.NicSpec;
import dev.vbench.provisioning.Variant;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class PlanParserTest {
    /** The smallest valid plan: one variant, one workload. */
    static final String MINIMAL = """
            name: minimal
            variants:
              - name: only
            workloads:
              - {name: rr, fio: {rw: randread}}
            repetitions: 1
            """;

    static Plan parse(String yaml) {
        return PlanParser.parse(yaml, "t.yaml");
    }

    @Test
    void shippedDefaultPlanHoldsTheSeedClaims() {
        Plan plan = PlanParser.parse(Path.of("plans/default.yaml"));

        assertThat(plan.name()).isEqualTo("seed-claims");
        assertThat(plan.variantNames()).containsExactly("ide-wt-e1000", "virtio-wt-e1000", "virtio-wb-e1000",
                "ide-wt-virtio");
        assertThat(plan.baseline()).isEqualTo("ide-wt-e1000");
        assertThat(plan.baselineVariant().disk()).isEqualTo(new DiskSpec(DiskBus.IDE, CacheMode.WRITETHROUGH, null));
        assertThat(plan.workloads()).extracting(Workload::name)
                .containsExactly("randread-4k", "randwrite-4k", "seqread-1m", "tcp-tx");
        FioSpec randread = plan.workload("randread-4k").orElseThrow().fio();
        assertThat(randread.rw()).isEqualTo("randread");
        assertThat(randread.bsBytes()).isEqualTo(4096);
        assertThat(randread.iodepth()).isEqualTo(16);
        assertThat(randread.sizeBytes()).isEqualTo(512L << 20);
        assertThat(randread.runtime()).isEqualTo(Duration.ofSeconds(6));
        assertThat(randread.rampTime()).isEqualTo(Duration.ofSeconds(1));
        assertThat(randread.direct()).isTrue();
        assertThat(randread.ioengine()).isEqualTo("libaio");
        assertThat(plan.workload("seqread-1m").orElseThrow().fio().bsBytes()).isEqualTo(1L << 20);
        Iperf3Spec tcp = plan.workload("tcp-tx").orElseThrow().iperf3();
        assertThat(tcp.durationSeconds()).isEqualTo(6);
        assertThat(tcp.omitSeconds()).isEqualTo(1);
        assertThat(tcp.udp()).isFalse();
        assertThat(plan.replication()).isEqualTo(new Replication(3, 2, Replication.Stopping.SEQUENTIAL));
        assertThat(plan.claims()).extracting(Claim::id).containsExactly("virtio-blk-iops",
                "virtio-blk-bandwidth", "virtio-blk-latency", "writeback-writes", "virtio-net-throughput");
        for (Claim c : plan.claims()) {
            Variant base = plan.variant(c.baseline()).orElseThrow();
            Variant cand = plan.variant(c.candidate()).orElseThrow();
            assertThat(differingDevices(base, cand)).as("claim %s changes exactly one device", c.id()).isEqualTo(1);
            assertThat(c.minGain()).isBetween(1.2, 1.5);
        }
        assertThat(plan.source()).startsWith("# vbench default plan");
    }

    private static int differingDevices(Variant a, Variant b) {
        int n = 0;
        n += a.disk().bus() != b.disk().bus() ? 1 : 0;
        n += a.disk().cache() != b.disk().cache() ? 1 : 0;
        n += a.disk().io() != b.disk().io() ? 1 : 0;
        n += a.nic().model() != b.nic().model() ? 1 : 0;
        return n;
    }

    @Test
    void defaultPlanDecidesWithinTwentyFiveMinutesUnderTcg() {
        // measured on the local lab under TCG (2 cores): a boot takes 19-21 s to SSH, and starting a tool over SSH
        // and reading its JSON takes under 1 s; both are rounded up here
        Plan plan = PlanParser.parse(Path.of("plans/default.yaml"));
        Duration boot = Duration.ofSeconds(25);
        Duration perRunOverhead = Duration.ofSeconds(2);
        Duration visit = boot;
        for (Workload w : plan.workloads()) {
            visit = visit.plus(Duration.ofSeconds(3)).plus(perRunOverhead); // warm-up, cut to 3 s
            Duration run = (w.isFio() ? w.fio().wallTime() : w.iperf3().wallTime()).plus(perRunOverhead);
            visit = visit.plus(run.multipliedBy(plan.replication().repetitions()));
        }
        Duration atMost = visit.multipliedBy((long) plan.variants().size() * plan.replication().boots());
        assertThat(plan.replication().boots()).as("boots are the replicates: at least 3 (Welch is conservative at 2)")
                .isGreaterThanOrEqualTo(3);
        assertThat(atMost).as("every boot of the plan taken, with no early stop").isLessThan(Duration.ofMinutes(25));
    }

    @Test
    void shippedSmokePlanIsSmall() {
        Plan plan = PlanParser.parse(Path.of("plans/smoke.yaml"));

        assertThat(plan.variantNames()).containsExactly("ide-wt-e1000", "virtio-wb-virtio");
        assertThat(plan.variants().get(1).disk()).isEqualTo(new DiskSpec(DiskBus.VIRTIO, CacheMode.WRITEBACK, null));
        assertThat(plan.variants().get(1).nic().model()).isEqualTo(NicModel.VIRTIO);
        assertThat(plan.workloads()).hasSize(2);
        assertThat(plan.workloads().get(0).fio().runtime()).isEqualTo(Duration.ofSeconds(5));
        assertThat(plan.workloads().get(1).iperf3().duration()).isEqualTo(Duration.ofSeconds(5));
        assertThat(plan.replication()).isEqualTo(Replication.oneBoot(2));
        assertThat(plan.claims()).hasSize(2);
        assertThat(plan.nativeCeiling()).as("the shipped plans measure the host's own ceiling").isTrue();
        assertThat(PlanParser.parse(Path.of("plans/default.yaml")).nativeCeiling()).isTrue();
    }

    @Test
    void aClaimMayNameAnEfficiencyPerHostCpuSecond() {
        Plan plan = parse(MINIMAL.replace("  - name: only\n", "  - name: only\n  - name: other\n")
                + "claims:\n  - {id: cheaper, text: cheaper, baseline: only, candidate: other, workload: rr,"
                + " metric: io_per_host_cpu_s, min_gain: 1.1}\n");
        assertThat(plan.claims()).extracting(c -> c.metric()).containsExactly("io_per_host_cpu_s");
    }

    @Test
    void nativeIsOffUnlessThePlanSaysSo() {
        assertThat(parse(MINIMAL).nativeCeiling()).isFalse();
        assertThat(parse(MINIMAL + "native: true\n").nativeCeiling()).isTrue();
        assertThat(parse(MINIMAL + "native: false\n").nativeCeiling()).isFalse();
    }

    @Test
    void minimalPlanGetsTheDocumentedDefaults() {
        Plan plan = parse(MINIMAL);

        assertThat(plan.connect()).isEqualTo("qemu:///system");
        assertThat(plan.image().isLabDefault()).isTrue();
        assertThat(plan.accel()).isEqualTo(Accel.AUTO);
        assertThat(plan.guest()).isEqualTo(GuestSpec.DEFAULT);
        assertThat(plan.network()).isEqualTo(NetworkSpec.libvirtNetwork("vbench"));
        assertThat(plan.baseline()).isEqualTo("only");
        assertThat(plan.variants()).containsExactly(new Variant("only",
                new DiskSpec(DiskBus.VIRTIO, CacheMode.DEFAULT, null), new NicSpec(NicModel.VIRTIO)));
        assertThat(plan.workloads().get(0).fio()).isEqualTo(FioSpec.of("randread"));
        assertThat(plan.claims()).isEmpty();
        assertThat(plan.claimsFile()).isNull();
        assertThat(plan.source()).isEqualTo(MINIMAL);
    }

    @Test
    void matrixExpandsAsFullFactorialWithBusSlowestAndNicFastest() {
        Plan plan = parse("""
                name: m
                matrix:
                  disk.bus: [ide, virtio]
                  disk.cache: [writethrough, writeback]
                  nic.model: [e1000, virtio]
                workloads: [{name: w, iperf3: {}}]
                repetitions: 3
                """);

        assertThat(plan.variantNames()).containsExactly("ide-wt-e1000", "ide-wt-virtio", "ide-wb-e1000",
                "ide-wb-virtio", "virtio-wt-e1000", "virtio-wt-virtio", "virtio-wb-e1000", "virtio-wb-virtio");
        assertThat(plan.variants().get(5)).isEqualTo(new Variant("virtio-wt-virtio",
                new DiskSpec(DiskBus.VIRTIO, CacheMode.WRITETHROUGH, null), new NicSpec(NicModel.VIRTIO)));
        assertThat(plan.baseline()).isEqualTo("ide-wt-e1000");
        for (Variant v : plan.variants()) {
            assertThat(v.name()).matches(Variant.NAME).isEqualTo(v.disk().shortName() + "-" + v.nic().model().planName());
        }
    }

    @Test
    void matrixWithIoAndMissingKeysUsesDefaults() {
        Plan plan = parse("""
                name: m
                matrix:
                  disk.cache: [none]
                  disk.io: [default, native, io_uring]
                workloads: [{name: w, iperf3: {}}]
                repetitions: 3
                """);

        assertThat(plan.variantNames()).containsExactly("virtio-none-virtio", "virtio-none-native-virtio",
                "virtio-none-iouring-virtio");
        assertThat(plan.variants().get(1).disk().io()).isEqualTo(IoMode.NATIVE);
        assertThat(plan.variants().get(0).disk().io()).isNull();
    }

    @Test
    void aDataDiskMayBeServedByNbdkit() {
        Plan plan = parse("""
                name: m
                variants:
                  - {name: wb-nbd, disk: {bus: virtio, cache: writeback, backend: nbdkit}}
                  - {name: wb, disk: {bus: virtio, cache: writeback}}
                workloads: [{name: w, iperf3: {}}]
                repetitions: 3
                """);

        assertThat(plan.variants().get(0).disk().backend()).isEqualTo(DiskBackend.NBDKIT);
        assertThat(plan.variants().get(1).disk().backend()).isEqualTo(DiskBackend.FILE);
        assertThat(plan.variants().get(0).disk().shortName()).isEqualTo("virtio-wb-nbd");
    }

    @Test
    void listVariantsComeFirstAndIdenticalMatrixVariantsAreNotRepeated() {
        Plan plan = parse("""
                name: both
                baseline: auto
                variants:
                  - name: virtio-wb-virtio
                    disk: {bus: virtio, cache: writeback}
                    nic: {model: virtio}
                  - name: custom
                    disk: {bus: sata, cache: none, io: native}
                    nic: {model: rtl8139}
                matrix:
                  disk.bus: [ide, virtio]
                  disk.cache: [writeback]
                  nic.model: [virtio]
                workloads: [{name: w, fio: {rw: read}}]
                repetitions: 2
                """);

        assertThat(plan.variantNames()).containsExactly("virtio-wb-virtio", "custom", "ide-wb-virtio");
        assertThat(plan.baseline()).isEqualTo("virtio-wb-virtio");
        assertThat(plan.variant("custom").orElseThrow().disk())
                .isEqualTo(new DiskSpec(DiskBus.SATA, CacheMode.NONE, IoMode.NATIVE));
    }

    @ParameterizedTest
    @EnumSource(DiskBus.class)
    void everyDiskBusIsAccepted(DiskBus bus) {
        Plan plan = parse(MINIMAL.replace("- name: only", "- {name: only, disk: {bus: " + bus.planName() + "}}"));
        assertThat(plan.variants().get(0).disk().bus()).isEqualTo(bus);
    }

    @ParameterizedTest
    @EnumSource(CacheMode.class)
    void everyCacheModeIsAccepted(CacheMode cache) {
        Plan plan = parse(MINIMAL.replace("- name: only", "- {name: only, disk: {cache: " + cache.planName() + "}}"));
        assertThat(plan.variants().get(0).disk().cache()).isEqualTo(cache);
    }

    @ParameterizedTest
    @EnumSource(IoMode.class)
    void everyIoModeIsAccepted(IoMode io) {
        Plan plan = parse(MINIMAL.replace("- name: only",
                "- {name: only, disk: {cache: directsync, io: " + io.planName() + "}}"));
        assertThat(plan.variants().get(0).disk().io()).isEqualTo(io);
    }

    @Test
    void ioDefaultMeansNoIoAttribute() {
        Plan plan = parse(MINIMAL.replace("- name: only", "- {name: only, disk: {io: default}}"));
        assertThat(plan.variants().get(0).disk().io()).isNull();
    }

    @ParameterizedTest
    @EnumSource(NicModel.class)
    void everyNicModelIsAccepted(NicModel model) {
        Plan plan = parse(MINIMAL.replace("- name: only", "- {name: only, nic: {model: " + model.planName() + "}}"));
        assertThat(plan.variants().get(0).nic().model()).isEqualTo(model);
    }

    @ParameterizedTest
    @EnumSource(Accel.class)
    void everyAccelIsAccepted(Accel accel) {
        Plan plan = parse("accel: " + accel.planName() + "\n" + MINIMAL);
        assertThat(plan.accel()).isEqualTo(accel);
    }

    static List<String> rwModes() {
        return FioSpec.RW_MODES;
    }

    @ParameterizedTest
    @MethodSource("rwModes")
    void everyFioRwModeIsAccepted(String rw) {
        Plan plan = parse(MINIMAL.replace("rw: randread", "rw: " + rw));
        assertThat(plan.workloads().get(0).fio().rw()).isEqualTo(rw);
    }

    static List<String> ioEngines() {
        return FioSpec.IO_ENGINES;
    }

    @ParameterizedTest
    @MethodSource("ioEngines")
    void everyFioEngineIsAccepted(String engine) {
        Plan plan = parse(MINIMAL.replace("rw: randread", "rw: randread, ioengine: " + engine));
        assertThat(plan.workloads().get(0).fio().ioengine()).isEqualTo(engine);
    }

    @Test
    void everyFioKeyIsRead() {
        Plan plan = parse(MINIMAL.replace("{rw: randread}", "{rw: randrw, bs: 64k, iodepth: 32, numjobs: 4,"
                + " size: 2G, runtime: 2m, ramp_time: 5s, rwmixread: 70, fsync: 8, direct: 0, ioengine: io_uring,"
                + " rate_iops: 500}"));

        assertThat(plan.workloads().get(0).fio()).isEqualTo(new FioSpec("randrw", 64 << 10, 32, 4, 2L << 30,
                Duration.ofMinutes(2), Duration.ofSeconds(5), 70, 8, false, "io_uring", 500));
        assertThat(FioSpec.KEYS).as("every key is read").allMatch(key -> plan.source().matches("(?s).*[{ ]" + key + ": .*"));
    }

    @Test
    void rateIopsIsAbsentUnlessGiven() {
        assertThat(parse(MINIMAL).workloads().get(0).fio().rateIops()).isNull();
        assertThat(parse(MINIMAL.replace("{rw: randread}", "{rw: randread, rate_iops: 10000000}")).workloads().get(0)
                .fio().rateIops()).isEqualTo(FioSpec.MAX_RATE_IOPS);
    }

    @Test
    void sizesMayBeIntegersAndUpperCase() {
        Plan plan = parse(MINIMAL.replace("{rw: randread}", "{rw: read, bs: 8192, size: 64M}"));
        assertThat(plan.workloads().get(0).fio().bsBytes()).isEqualTo(8192);
        assertThat(plan.workloads().get(0).fio().sizeBytes()).isEqualTo(64L << 20);
    }

    @Test
    void everyIperf3KeyIsRead() {
        Plan plan = parse(MINIMAL.replace("fio: {rw: randread}", "iperf3: {duration: 20s, streams: 4, reverse: true,"
                + " udp: true, bitrate: 100M, omit: 2s}"));

        Workload w = plan.workloads().get(0);
        assertThat(w.isFio()).isFalse();
        assertThat(w.tool()).isEqualTo("iperf3");
        assertThat(w.iperf3()).isEqualTo(new Iperf3Spec(Duration.ofSeconds(20), 4, true, true, 100_000_000L,
                Duration.ofSeconds(2)));
        assertThat(w.metricNames()).containsExactly("throughput", "jitter", "lost", "cpu_local", "cpu_remote",
                "bits_per_host_cpu_s", "host_cpu");
    }

    @Test
    void iperf3Defaults() {
        Plan plan = parse(MINIMAL.replace("fio: {rw: randread}", "iperf3: {}"));
        assertThat(plan.workloads().get(0).iperf3()).isEqualTo(Iperf3Spec.tcp());
    }

    @Test
    void bootsAndStopping() {
        Plan plan = parse(MINIMAL.replace("repetitions: 1", "boots: 4\nrepetitions: 2"));
        assertThat(plan.replication()).isEqualTo(new Replication(4, 2, Replication.Stopping.SEQUENTIAL));
        assertThat(plan.replication().sequential()).isTrue();
        assertThat(plan.replication().perCell()).isEqualTo(8);
        Plan fixed = parse(MINIMAL.replace("repetitions: 1", "boots: 4\nrepetitions: 2\nstopping: fixed"));
        assertThat(fixed.replication().sequential()).isFalse();
        assertThat(parse(MINIMAL).replication()).isEqualTo(Replication.oneBoot(1));
        assertThat(parse(MINIMAL.replace("repetitions: 1", "repetitions: 3\nstopping: sequential")).replication())
                .as("one boot has nothing to look at before the end").isEqualTo(Replication.oneBoot(3));
    }

    @Test
    void parallelBootsAreAutoUnlessANumberIsGiven() {
        assertThat(parse(MINIMAL).parallelBoots()).isEqualTo(ParallelBoots.AUTO);
        assertThat(parse(MINIMAL.replace("repetitions: 1", "repetitions: 1\nparallel_boots: auto")).parallelBoots()
                .planName()).isEqualTo("auto");
        ParallelBoots one = parse(MINIMAL.replace("repetitions: 1", "repetitions: 1\nparallel_boots: 1"))
                .parallelBoots();
        assertThat(one.auto()).isFalse();
        assertThat(one.cap()).isEqualTo(1);
        assertThat(one.planName()).isEqualTo("1");
    }

    @Test
    void explicitSettingsAreKept(@TempDir Path dir) throws Exception {
        Path planFile = dir.resolve("sub/p.yaml");
        Files.createDirectories(planFile.getParent());
        Files.writeString(planFile, """
                name: explicit
                connect: test:///default
                image: {disk: img/disk.qcow2, kernel: /boot/vmlinuz, initrd: img/initrd.img, cmdline: "root=LABEL=root console=ttyS0 quiet"}
                accel: tcg
                guest: {vcpus: 4, memory_mib: 2048}
                network: {bridge: br0, virtualport: openvswitch}
                variants:
                  - {name: a}
                  - {name: b, disk: {bus: ide}}
                baseline: b
                workloads: [{name: w, fio: {rw: write}}]
                repetitions: 1000
                claims: ../claims/seed.yaml
                """);

        Plan plan = PlanParser.parse(planFile);

        assertThat(plan.connect()).isEqualTo("test:///default");
        assertThat(plan.image()).isEqualTo(new PlanImage(dir.resolve("sub/img/disk.qcow2").toAbsolutePath(),
                Path.of("/boot/vmlinuz"), dir.resolve("sub/img/initrd.img").toAbsolutePath(),
                "root=LABEL=root console=ttyS0 quiet"));
        assertThat(plan.image().toImageSpec(null).directKernelBoot()).isTrue();
        assertThat(plan.accel()).isEqualTo(Accel.TCG);
        assertThat(plan.guest()).isEqualTo(new GuestSpec(4, 2048));
        assertThat(plan.network()).isEqualTo(NetworkSpec.hostBridge("br0", "openvswitch"));
        assertThat(plan.baseline()).isEqualTo("b");
        assertThat(plan.replication()).isEqualTo(Replication.oneBoot(1000));
        assertThat(plan.claimsFile()).isEqualTo(dir.resolve("claims/seed.yaml").toAbsolutePath());
        assertThat(plan.claims()).isEmpty();
    }

    @Test
    void imageWithDiskAloneBootsFromDisk() {
        Plan plan = parse("image: {disk: /images/d.qcow2}\n" + MINIMAL);
        assertThat(plan.image().toImageSpec(null).directKernelBoot()).isFalse();
        assertThat(plan.image().disk()).isEqualTo(Path.of("/images/d.qcow2"));
    }

    @Test
    void libvirtNetworkByName() {
        assertThat(parse("network: default\n" + MINIMAL).network()).isEqualTo(NetworkSpec.libvirtNetwork("default"));
    }

    @Test
    void claimsAreCheckedAndGetAGeneratedTextWhenNoneIsGiven() {
        Plan plan = parse("""
                name: c
                variants: [{name: a, disk: {bus: ide}}, {name: b}]
                workloads: [{name: rr, fio: {rw: randread}}, {name: udp, iperf3: {udp: true, bitrate: 1G}}]
                repetitions: 3
                claims:
                  - {id: one, baseline: a, candidate: b, workload: rr, metric: read_clat_p99, min_gain: 2}
                  - {id: two, text: jitter is lower, baseline: a, candidate: b, workload: udp, metric: jitter,
                     min_gain: 1.25}
                """);

        assertThat(plan.claims()).containsExactly(
                new Claim("one", "b beats a on read_clat_p99 of rr by at least 2x", "a", "b", "rr",
                        "read_clat_p99", 2.0),
                new Claim("two", "jitter is lower", "a", "b", "udp", "jitter", 1.25));
    }

    @Test
    void scalarsThatYamlTypesAsNumbersOrBooleansStillWorkAsNames() {
        Plan plan = parse(MINIMAL.replace("- name: only", "- name: 2024").replace("name: rr", "name: 'yes'"));
        assertThat(plan.variantNames()).containsExactly("2024");
        assertThat(plan.workloads().get(0).name()).isEqualTo("yes");
    }

    @Test
    void recordsRejectInvalidValuesWithTheKey() {
        assertThatThrownBy(() -> new FioSpec("read", 4096, 0, 1, 1 << 20, Duration.ofSeconds(1), Duration.ZERO,
                null, 0, true, "libaio", null)).isInstanceOfSatisfying(InvalidSpecException.class,
                        e -> assertThat(e.key()).isEqualTo("iodepth"));
        assertThatThrownBy(() -> new FioSpec("read", 4096, 1, 1, 1 << 20, Duration.ofSeconds(1), Duration.ZERO,
                null, 0, true, "libaio", 0)).isInstanceOfSatisfying(InvalidSpecException.class,
                        e -> assertThat(e.key()).isEqualTo("rate_iops"));
        assertThatThrownBy(() -> new Iperf3Spec(Duration.ofSeconds(1), 1, false, false, 5000L, Duration.ZERO))
                .isInstanceOfSatisfying(InvalidSpecException.class, e -> assertThat(e.key()).isEqualTo("bitrate"));
        assertThatThrownBy(() -> new Replication(0, 2, Replication.Stopping.FIXED))
                .isInstanceOf(InvalidSpecException.class);
        assertThatThrownBy(() -> Workload.fio("a/b", FioSpec.of("read"))).isInstanceOf(InvalidSpecException.class);
    }

    @Test
    void nearMissesGetASuggestionButShortNamesDoNot() {
        assertThat(Suggestion.of("writebak", List.of("writethrough", "writeback"))).isEqualTo(
                "; did you mean 'writeback'?");
        assertThat(Suggestion.of("VIRTIO", List.of("ide", "virtio"))).isEqualTo("; did you mean 'virtio'?");
        assertThat(Suggestion.of("c", List.of("a", "b"))).isEmpty();
        assertThat(Suggestion.of("zzzzzz", List.of("virtio", "e1000"))).isEmpty();
    }

    @Test
    void metricNamesFollowTheDirectionsFioReports() {
        assertThat(Workload.fio("r", FioSpec.of("randread")).metricNames()).containsExactly("read_iops", "read_bw",
                "read_clat_mean", "read_clat_p50", "read_clat_p99", "read_clat_p999", "io_per_host_cpu_s",
                "bytes_per_host_cpu_s", "host_cpu");
        assertThat(Workload.fio("w", FioSpec.of("write")).metricNames()).contains("write_iops")
                .doesNotContain("read_iops");
        assertThat(Workload.fio("m", FioSpec.of("randrw")).metricNames()).contains("read_iops", "write_iops")
                .hasSize(15);
        assertThat(Workload.fio("t", FioSpec.of("trim")).metricNames()).contains("trim_iops").hasSize(9);
        assertThat(Workload.iperf3("n", Iperf3Spec.tcp()).metricNames()).containsExactly("throughput", "retransmits",
                "cpu_local", "cpu_remote", "bits_per_host_cpu_s", "host_cpu");
    }
}
