package dev.vbench.results.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vbench.results.ResultsInputException;
import dev.vbench.results.Sample;
import dev.vbench.results.stats.Direction;
import dev.vbench.results.stats.UnknownUnitException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The behaviour of a {@link HistoryStore} whatever its database: the SQLite test and the PostgreSQL integration
 * test run these same tests. {@link #location()} is an empty history for each test.
 */
abstract class HistoryStoreContract {

    /** @return the location of a new, empty history */
    abstract String location() throws Exception;

    @Test
    void aRunDirectoryRoundTrips() throws Exception {
        RunArchive run = RunArchive.read(HistoryRuns.FIXTURE);
        try (HistoryStore store = HistoryStore.open(location())) {
            assertThat(store.ingest(run)).isEqualTo(new IngestResult(HistoryRuns.FIXTURE_ID, true, 16, 4));
            assertThat(store.run(run.runId())).contains(new RunInfo(run.runId(), "lab1", "nightly", run.started(),
                    "complete"));
            assertThat(store.runs(null, null)).extracting(RunInfo::runId).containsExactly(run.runId());
            assertThat(store.samples(run.runId())).containsExactlyElementsOf(run.samples().stream()
                    .sorted(Comparator.comparing(Sample::variant).thenComparing(Sample::metric)
                            .thenComparingInt(Sample::boot).thenComparingInt(Sample::rep)).toList());
            assertThat(store.environment(run.runId())).isEqualTo(run.environment());
            assertThat(store.verdicts(run.runId())).containsExactlyInAnyOrderElementsOf(run.verdicts());
            assertThat(store.canary(run.runId())).contains("ide-wt-e1000");
            assertThat(store.run("absent")).isEmpty();
            assertThat(store.samples("absent")).isEmpty();
        }
    }

    @Test
    void ingestingTheSameRunAgainChangesNothing() throws Exception {
        RunArchive run = RunArchive.read(HistoryRuns.FIXTURE);
        String location = location();
        try (HistoryStore store = HistoryStore.open(location)) {
            store.ingest(run);
        }
        try (HistoryStore store = HistoryStore.open(location)) {
            assertThat(store.ingest(RunArchive.read(HistoryRuns.FIXTURE)))
                    .isEqualTo(new IngestResult(run.runId(), false, 16, 0));
            assertThat(store.runs(null, null)).hasSize(1);
            assertThat(store.samples(run.runId())).hasSize(16);
            assertThat(store.histories(null, null)).hasSize(4).allSatisfy(h -> assertThat(h.nights()).hasSize(1));
        }
    }

    @Test
    void theSameRunIdWithOtherContentIsRefused() throws Exception {
        RunArchive run = HistoryRuns.run("r1", 0, 1);
        List<Sample> changed = new ArrayList<>(run.samples());
        Sample s = changed.get(3);
        changed.set(3, new Sample(s.variant(), s.workload(), s.metric(), s.unit(), s.rep(), s.value() + 1, s.boot()));
        try (HistoryStore store = HistoryStore.open(location())) {
            store.ingest(run);
            assertThatThrownBy(() -> store.ingest(HistoryRuns.withSamples(run, changed)))
                    .isInstanceOf(ResultsInputException.class)
                    .hasMessageStartingWith("run r1 is already in the history with different content; ");
            assertThat(store.samples("r1")).containsExactlyInAnyOrderElementsOf(run.samples());
        }
    }

    @Test
    void aSeriesKeepsItsUnitAndAFailedIngestLeavesNothing() throws Exception {
        RunArchive first = HistoryRuns.run("r1", 0, 1);
        RunArchive second = HistoryRuns.run("r2", 1, 2);
        List<Sample> other = second.samples().stream().map(s -> s.metric().equals("read_clat_p99")
                ? new Sample(s.variant(), s.workload(), s.metric(), "us", s.rep(), s.value(), s.boot()) : s).toList();
        try (HistoryStore store = HistoryStore.open(location())) {
            store.ingest(first);
            assertThatThrownBy(() -> store.ingest(HistoryRuns.withSamples(second, other)))
                    .isInstanceOf(ResultsInputException.class)
                    .hasMessage("run r2: lab1/a/randread-4k/read_clat_p99 is in us but the history has it in ns (and 1 "
                            + "more series); a series keeps its unit: convert the samples or use another history");
            assertThat(store.run("r2")).isEmpty();
            assertThat(store.environment("r2")).isEmpty();
            assertThat(store.ingest(second).added()).isTrue();
        }
    }

    @Test
    void aMetricWithoutADirectionIsRefusedBeforeAnythingIsWritten() throws Exception {
        RunArchive run = HistoryRuns.run("r1", 0, 1);
        List<Sample> odd = new ArrayList<>(run.samples());
        odd.add(new Sample("a", "randread-4k", "widgets", "pieces", 1, 3));
        try (HistoryStore store = HistoryStore.open(location())) {
            assertThatThrownBy(() -> store.ingest(HistoryRuns.withSamples(run, odd)))
                    .isInstanceOf(UnknownUnitException.class).hasMessageContaining("metric widgets: unknown unit");
            assertThat(store.runs(null, null)).isEmpty();
        }
    }

    @Test
    void newSeriesAreCountedOnce() throws Exception {
        try (HistoryStore store = HistoryStore.open(location())) {
            assertThat(store.ingest(HistoryRuns.run("r1", 0, 1)).newSeries()).isEqualTo(6);
            assertThat(store.ingest(HistoryRuns.run("r2", 1, "nightly", HistoryRuns.environment("lab1"),
                    List.of("a", "b", "c"), 2))).isEqualTo(new IngestResult("r2", true, 36, 3));
            assertThat(store.ingest(HistoryRuns.run("r3", 0, "nightly", HistoryRuns.environment("lab2"),
                    List.of("a"), 3)).newSeries()).isEqualTo(3);
        }
    }

    @Test
    void historiesHaveTheirNightsOldestFirstWithFingerprints() throws Exception {
        Map<String, String> newQemu = new TreeMap<>(HistoryRuns.environment("lab1"));
        newQemu.put("hypervisor_version", "8.0.0");
        newQemu.remove("host_cpu_model");
        try (HistoryStore store = HistoryStore.open(location())) {
            store.ingest(HistoryRuns.run("n2", 2, "nightly", newQemu, List.of("a", "b"), 12));
            store.ingest(HistoryRuns.run("n0", 0, 10));
            store.ingest(HistoryRuns.run("n1", 1, 11));
            store.ingest(HistoryRuns.run("x1", 1, "other", HistoryRuns.environment("lab1"), List.of("a"), 13));
            List<SeriesHistory> all = store.histories("nightly", null);
            assertThat(all).extracting(h -> h.key().label()).containsExactly("lab1/a/randread-4k/read_clat_p99",
                    "lab1/a/randread-4k/read_iops", "lab1/a/tcp-tx/throughput", "lab1/b/randread-4k/read_clat_p99",
                    "lab1/b/randread-4k/read_iops", "lab1/b/tcp-tx/throughput");
            SeriesHistory iops = all.get(1);
            assertThat(iops.unit()).isEqualTo("IO/s");
            assertThat(iops.direction()).isEqualTo(Direction.HIGHER_IS_BETTER);
            assertThat(all.get(0).direction()).isEqualTo(Direction.LOWER_IS_BETTER);
            assertThat(iops.nights()).extracting(Night::runId).containsExactly("n0", "n1", "n2");
            assertThat(iops.nights()).extracting(Night::started).containsExactly(HistoryRuns.T0,
                    HistoryRuns.T0.plusSeconds(86_400), HistoryRuns.T0.plusSeconds(2 * 86_400));
            Night first = iops.nights().get(0);
            List<Sample> expected = HistoryRuns.run("n0", 0, 10).samples().stream()
                    .filter(s -> s.variant().equals("a") && s.metric().equals("read_iops")).toList();
            assertThat(first.values()).containsExactly(expected.stream().mapToDouble(Sample::value).toArray());
            assertThat(first.boots()).containsExactly(1, 1, 2, 2);
            String variantDef = SeriesKey.sha256Hex("{\"disk\":{\"cache\":\"writeback\"},\"name\":\"a\"}");
            String workloadDef = SeriesKey.sha256Hex("{\"fio\":{\"rw\":\"randread\"},\"name\":\"randread-4k\"}");
            assertThat(first.fingerprint()).containsExactly(Map.entry("accelerator", "kvm"),
                    Map.entry("cpu_model", "Xeon E5"), Map.entry("guest_kernel", "6.1.0-50-amd64"),
                    Map.entry("harness_commit", "c0ffee"), Map.entry("host_kernel", "6.1.0-28-amd64"),
                    Map.entry("image", "img1"), Map.entry("libvirt", "9.0.0"), Map.entry("qemu", "7.2.0"),
                    Map.entry("variant_def", variantDef), Map.entry("workload_def", workloadDef));
            assertThat(Night.changes(iops.nights().get(1), iops.nights().get(2)))
                    .containsExactly("cpu_model: Xeon E5 -> -", "qemu: 7.2.0 -> 8.0.0");
            assertThat(store.histories(null, null)).hasSize(6).allSatisfy(h -> assertThat(h.nights())
                    .extracting(Night::runId).containsExactlyElementsOf(h.key().variant().equals("a")
                            ? List.of("n0", "n1", "x1", "n2") : List.of("n0", "n1", "n2")));
            assertThat(store.histories(null, HistoryRuns.T0.plusSeconds(86_400)).get(1).nights())
                    .extracting(Night::runId).containsExactly("n1", "x1", "n2");
            assertThat(store.runs("nightly", HistoryRuns.T0.plusSeconds(1))).extracting(RunInfo::runId)
                    .containsExactly("n1", "n2");
            assertThat(store.histories("absent", null)).isEmpty();
        }
    }

    @Test
    void annotationsApplyToTheirSeriesOrToEverySeriesOfTheirHost() throws Exception {
        Instant created = Instant.parse("2026-11-27T09:30:00.123456789Z");
        try (HistoryStore store = HistoryStore.open(location())) {
            store.ingest(HistoryRuns.run("n0", 0, 10));
            store.ingest(HistoryRuns.run("m0", 0, "nightly", HistoryRuns.environment("lab2"), List.of("a"), 11));
            String seriesId = new SeriesKey("lab1", "a", "tcp-tx", "throughput").id();
            Annotation one = new Annotation(seriesId, "n0", Annotation.Kind.OUTLIER, "noisy neighbour", created);
            Annotation every = new Annotation("*", "n0", Annotation.Kind.EXPECTED, "new kernel",
                    Instant.parse("2026-11-27T09:31:00.000001Z"));
            store.annotate(every);
            store.annotate(one);
            store.annotate(one);
            Instant stored = Instant.parse("2026-11-27T09:30:00.123456Z");
            Annotation oneStored = new Annotation(seriesId, "n0", Annotation.Kind.OUTLIER, "noisy neighbour", stored);
            assertThat(store.annotations()).containsExactly(oneStored, every);
            assertThat(HistoryStore.annotationId(oneStored)).isEqualTo(HistoryStore.annotationId(one)).hasSize(64);
            for (SeriesHistory h : store.histories(null, null)) {
                if (h.key().host().equals("lab2")) {
                    assertThat(h.annotations()).isEmpty();
                } else if (h.key().id().equals(seriesId)) {
                    assertThat(h.annotations()).containsExactly(oneStored, every);
                } else {
                    assertThat(h.annotations()).containsExactly(every);
                }
            }
            assertThatThrownBy(() -> store.annotate(new Annotation("*", "zz", Annotation.Kind.EXCLUDE, "x", created)))
                    .isInstanceOf(ResultsInputException.class).hasMessageContaining("run zz is not in the history");
            assertThatThrownBy(() -> store.annotate(new Annotation("feed", "n0", Annotation.Kind.EXCLUDE, "x",
                    created))).isInstanceOf(ResultsInputException.class)
                    .hasMessageContaining("series feed is not in the history");
        }
    }

    @Test
    void changePointsAreInsertedOnceAndNeverUpdated() throws Exception {
        String a = new SeriesKey("lab1", "a", "tcp-tx", "throughput").id();
        String b = new SeriesKey("lab1", "b", "tcp-tx", "throughput").id();
        ChangePoint late = new ChangePoint(a, "n2", 100, 90, 0.9, 0.85, 0.95, 1e-4, "e-divisive-means/1", "p=0.001");
        ChangePoint early = new ChangePoint(a, "n1", 110, 100, 0.909, Double.NEGATIVE_INFINITY,
                Double.POSITIVE_INFINITY, Double.NaN, "e-divisive-means/1", "p=0.001");
        ChangePoint other = new ChangePoint(b, "n1", 1, 2, 2, 1.5, 2.5, 0.01, "e-divisive-means/1", "p=0.001");
        try (HistoryStore store = HistoryStore.open(location())) {
            for (int night = 0; night < 3; night++) {
                store.ingest(HistoryRuns.run("n" + night, night, night));
            }
            store.addChangePoints(List.of(late, other));
            store.addChangePoints(List.of(new ChangePoint(a, "n2", 1, 1, 1, 1, 1, 1, "e-divisive-means/1",
                    "p=0.001"), early));
            boolean aFirst = a.compareTo(b) < 0;
            assertThat(store.changePoints()).containsExactlyElementsOf(aFirst ? List.of(early, late, other)
                    : List.of(other, early, late));
            ChangePoint otherParams = new ChangePoint(a, "n2", 1, 1, 1, 1, 1, 1, "e-divisive-means/1", "p=0.01");
            store.addChangePoints(List.of(otherParams));
            assertThat(store.changePoints()).containsExactlyElementsOf(aFirst
                    ? List.of(early, late, otherParams, other) : List.of(other, early, late, otherParams));
        }
    }

    @Test
    void alertsAreInsertedOnceAndNeverUpdated() throws Exception {
        Instant raised = Instant.parse("2026-11-28T05:00:00Z");
        Alert first = new Alert("s1", "n1", "regression", 0.9, 0.85, Double.POSITIVE_INFINITY, 0.001, raised,
                "lab1/a/tcp-tx/throughput: -10%");
        Alert earlier = new Alert("s2", "n1", "regression", 0.8, 0.7, 0.9, 0.002, raised.minusSeconds(1), "s2");
        try (HistoryStore store = HistoryStore.open(location())) {
            store.addAlert(first);
            store.addAlert(new Alert("s1", "n1", "regression", 2, 2, 2, 0.5, raised.plusSeconds(9), "changed"));
            store.addAlert(earlier);
            Alert environment = new Alert("s1", "n1", "environment", 0.9, 0.85, 0.95, 0.001, raised, "canary");
            store.addAlert(environment);
            assertThat(store.alerts()).containsExactly(earlier, environment, first);
        }
    }
}
