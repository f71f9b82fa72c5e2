package dev.vbench.bench.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.vbench.bench.plan.DurabilitySpec.Mode;
import dev.vbench.bench.plan.DurabilitySpec.Target;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The {@code durability:} workload: read from a plan, defaults, and one-line errors naming the fix. */
class DurabilityPlanTest {
    private static final String PLAN = """
            name: dur
            variants:
              - {name: only, disk: {backend: nbdkit}}
            workloads:
              - {name: w, DURABILITY}
            repetitions: 1
            """;

    private static Plan parse(String durability) {
        return PlanParser.parse(PLAN.replace("DURABILITY", durability), "plans/t.yaml");
    }

    private static PlanException refused(String durability) {
        PlanException e = catchThrowableOfType(PlanException.class, () -> parse(durability));
        assertThat(e).as(durability + " must be refused").isNotNull();
        assertThat(e.getMessage()).doesNotContain("\n").startsWith("plans/t.yaml:5: ");
        return e;
    }

    @Test
    void everyKeyIsRead() {
        Workload w = parse("durability: {mode: dsync, target: ext4, records: 5000, trials: 7, crash_after: [3s, 1m]}")
                .crashWorkloads().get(0);
        assertThat(w.isDurability()).isTrue();
        assertThat(w.isFio()).isFalse();
        assertThat(w.fio()).isNull();
        assertThat(w.iperf3()).isNull();
        assertThat(w.tool()).isEqualTo("vbench-durable");
        assertThat(w.durability()).isEqualTo(new DurabilitySpec(Mode.DSYNC, Target.EXT4, 5000, 7,
                Duration.ofSeconds(3), Duration.ofMinutes(1)));
        assertThat(w.metricNames()).containsExactly("acked_lost", "corrupt");
    }

    @Test
    void onlyTheModeIsRequired() {
        assertThat(parse("durability: {mode: buffered}").crashWorkloads().get(0).durability())
                .isEqualTo(DurabilitySpec.of(Mode.BUFFERED))
                .isEqualTo(new DurabilitySpec(Mode.BUFFERED, Target.RAW, 100_000, 20, Duration.ofSeconds(5),
                        Duration.ofSeconds(15)));
        assertThat(parse("durability: {mode: sync, crash_after: [7s, 7s]}").crashWorkloads().get(0).durability()
                .crashAfterMax()).isEqualTo(Duration.ofSeconds(7));
    }

    @Test
    void modesCarryTheRecordsModeField() {
        assertThat(Mode.SYNC.code()).isZero();
        assertThat(Mode.DSYNC.code()).isEqualTo(1);
        assertThat(Mode.BUFFERED.code()).isEqualTo(2);
        assertThat(Mode.DSYNC.spelling()).isEqualTo("dsync");
        assertThat(Target.EXT4.spelling()).isEqualTo("ext4");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "durability: {target: raw}| workloads[0].durability.mode| missing (required; e.g. mode: sync)",
        "durability: {mode: fsync}| workloads[0].durability.mode| unknown value 'fsync' (valid: sync, dsync, buffered)",
        "durability: {mode: sync, target: xfs}| workloads[0].durability.target| (valid: raw, ext4)",
        "durability: {mode: sync, records: 0}| workloads[0].durability.records| out of range (valid: 1..1000000)",
        "durability: {mode: sync, trials: 0}| workloads[0].durability.trials| out of range (valid: 1..1000)",
        "durability: {mode: sync, crash_after: 5s}| workloads[0].durability.crash_after| crash_after: [5s, 15s]",
        "durability: {mode: sync, crash_after: [5s]}| workloads[0].durability.crash_after| got 1 items",
        "durability: {mode: sync, crash_after: [5, 9s]}| workloads[0].durability.crash_after[0]| add a unit: 5s",
        "durability: {mode: sync, crash_after: [9s, 5s]}| workloads[0].durability.crash_after| MIN <= MAX",
        "durability: {mode: sync, crash_after: [0s, 5s]}| workloads[0].durability.crash_after| (valid: 1s..1h)",
        "durability: {mode: sync, crash_after: [1500ms, 5s]}| workloads[0].durability.crash_after| whole number",
        "durability: {mode: sync, fsync: 1}| workloads[0].durability.fsync| (valid: mode, target, records, trials, crash_after)",
        "durability: sync| workloads[0].durability| e.g. {mode: sync, target: raw, crash_after: [5s, 15s]}",
        "durability: {mode: sync}, fio: {rw: read}| workloads[0]| give one of fio, iperf3 and durability, not fio and"
                + " durability (make one workload each)",
    })
    void aBadDurabilityWorkloadIsRefusedNamingTheFix(String yaml, String key, String words) {
        PlanException e = refused(yaml);
        assertThat(e.key()).as(e.getMessage()).isEqualTo(key);
        assertThat(e.getMessage()).contains(words.strip());
    }

    @Test
    void crashWorkloadsStandApartAndRunOnTheVariantsNbdkitServes() {
        Plan plan = PlanParser.parse(PLAN.replace("{name: w, DURABILITY}", "{name: w, durability: {mode: sync}}\n"
                + "  - {name: r, fio: {rw: randwrite}}").replace("  - {name: only, disk: {backend: nbdkit}}",
                "  - {name: only, disk: {backend: nbdkit}}\n  - {name: file}"), "plans/t.yaml");
        assertThat(plan.workloads()).extracting(Workload::name).containsExactly("r");
        assertThat(plan.crashWorkloads()).extracting(Workload::name).containsExactly("w");
        assertThat(plan.workload("w")).isPresent();
        assertThat(plan.crashVariants()).extracting(v -> v.name()).containsExactly("only");
    }

    @Test
    void aCrashWorkloadNeedsAVariantNbdkitServesOnTheLocalLab() {
        PlanException none = catchThrowableOfType(PlanException.class, () -> PlanParser.parse(PLAN.replace(
                "DURABILITY", "durability: {mode: sync}").replace("disk: {backend: nbdkit}", "disk: {bus: virtio}"),
                "plans/t.yaml"));
        assertThat(none.getMessage()).doesNotContain("\n").contains("durability workload w needs a variant whose"
                + " data disk nbdkit serves").contains("backend: nbdkit");
        PlanException remote = catchThrowableOfType(PlanException.class, () -> PlanParser.parse("connect:"
                + " qemu+ssh://root@lab1/system\n" + PLAN.replace("DURABILITY", "durability: {mode: sync}"),
                "plans/t.yaml"));
        assertThat(remote.getMessage()).doesNotContain("\n").contains("needs the local lab")
                .contains("qemu+ssh://root@lab1/system");
    }

    @Test
    void aWorkloadWithoutAToolNamesAllThree() {
        assertThat(refused("records: 3").getMessage()).contains("unknown key");
        PlanException e = catchThrowableOfType(PlanException.class,
                () -> PlanParser.parse(PLAN.replace("{name: w, DURABILITY}", "{name: w}"), "plans/t.yaml"));
        assertThat(e.getMessage()).contains("missing the tool").contains("durability: {mode: sync}");
    }

    @Test
    void theRecordRefusesNoneOrTwoTools() {
        assertThatThrownBy(() -> new Workload("w", FioSpec.of("read"), null, DurabilitySpec.of(Mode.SYNC)))
                .isInstanceOf(InvalidSpecException.class)
                .hasMessageContaining("needs exactly one of fio, iperf3 and durability");
        assertThatThrownBy(() -> new Workload("w", null, null, null))
                .hasMessageContaining("needs exactly one of fio, iperf3 and durability");
        assertThat(new Workload("w", FioSpec.of("read"), null).durability()).isNull();
    }
}
