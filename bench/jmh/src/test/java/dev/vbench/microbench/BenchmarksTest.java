package dev.vbench.microbench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vbench.bench.workload.FioResult;
import dev.vbench.bench.workload.Iperf3Result;
import dev.vbench.bench.workload.Metric;
import dev.vbench.results.AnalysisResult;
import dev.vbench.results.claims.ClaimResult;
import dev.vbench.results.claims.ClaimVerdict;
import dev.vbench.results.history.IngestResult;
import dev.vbench.results.history.Night;
import dev.vbench.results.history.SeriesHistory;
import dev.vbench.results.history.EDivisive;
import dev.vbench.results.history.NightlyGate;
import dev.vbench.results.stats.Comparison;
import java.io.PrintStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.runner.BenchmarkList;
import org.openjdk.jmh.runner.BenchmarkListEntry;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Runs every benchmark method once on its {@code @Setup} state and checks what it computed, so a benchmark cannot
 * silently measure an exception, an empty input or the wrong code path. Expected values come from the captured
 * files (the same numbers as bench's parser tests) and from the seeded {@link SyntheticRun}.
 */
class BenchmarksTest {

    @Test
    void fioBenchmarkParsesTheFinalOfThreeReports() {
        FioParserBenchmark benchmark = new FioParserBenchmark();
        benchmark.load();
        assertThat(benchmark.output.lines().filter(l -> l.equals("{"))).hasSize(3);
        FioResult result = benchmark.parse();
        assertThat(result.metric("write_iops")).get().extracting(Metric::value).isEqualTo(34374.312844);
        assertThat(result.metrics()).extracting(Metric::name).containsExactly("write_iops", "write_bw",
                "write_clat_mean", "write_clat_p50", "write_clat_p99", "write_clat_p999");
        assertThat(result.runtime()).isEqualTo(Duration.ofSeconds(2));

        FioParserBenchmark.LongStream stream = new FioParserBenchmark.LongStream();
        stream.load();
        assertThat(stream.output.length()).isGreaterThan(FioParserBenchmark.LongStream.CHARS);
        assertThat(benchmark.parseLongStream(stream).metrics()).isEqualTo(result.metrics());
    }

    @Test
    void iperf3BenchmarkParsesTheTcpRun() {
        Iperf3ParserBenchmark benchmark = new Iperf3ParserBenchmark();
        benchmark.load();
        Iperf3Result result = benchmark.parse();
        assertThat(result.protocol()).isEqualTo("TCP");
        assertThat(result.metrics()).containsExactly(
                new Metric("throughput", "bit/s", 19302397083.4695),
                new Metric("retransmits", "count", 7),
                new Metric("cpu_local", "%", 94.28271929640833),
                new Metric("cpu_remote", "%", 38.7254671718055));
    }

    @Test
    void domainXmlBenchmarkRendersTheScsiDataDiskWithItsSerial() {
        DomainXmlBenchmark benchmark = new DomainXmlBenchmark();
        benchmark.build();
        String xml = benchmark.render();
        assertThat(xml).startsWith("<domain type=\"qemu\">")
                .contains("<name>vbench-r20261126-virtio-scsi-none-iouring-e1000</name>")
                .contains("<controller type=\"scsi\" index=\"0\" model=\"virtio-scsi\"/>")
                .contains("<driver name=\"qemu\" type=\"qcow2\" cache=\"none\" io=\"io_uring\"/>")
                .contains("<target dev=\"sda\" bus=\"scsi\"/>\n      <serial>vbdata</serial>")
                .contains("<model type=\"e1000\"/>");
        assertThat(benchmark.render()).isEqualTo(xml);
    }

    @Test
    void analysisBenchmarkComputesEveryCellComparisonAndClaim() {
        AnalysisBenchmark benchmark = new AnalysisBenchmark();
        benchmark.generate();
        int variants = SyntheticRun.variants().size();
        int metrics = SyntheticRun.WORKLOADS.size() * SyntheticRun.METRICS_PER_WORKLOAD;
        assertThat(variants).isEqualTo(8);
        assertThat(benchmark.samples).hasSize(variants * metrics * SyntheticRun.REPS);

        AnalysisResult result = benchmark.compute();
        assertThat(result.cells()).hasSize(variants * metrics)
                .allSatisfy(c -> assertThat(c.stats().n()).isEqualTo(SyntheticRun.REPS));
        assertThat(result.comparisons()).hasSize((variants - 1) * metrics);
        Comparison virtioReads = result.comparisons().stream()
                .filter(c -> c.candidate().equals("virtio-wb-virtio") && c.metric().equals("read_iops"))
                .findFirst().orElseThrow();
        assertThat(virtioReads.gain().value()).isBetween(3.5, 5.5);
        assertThat(result.claims()).extracting(r -> r.claim().id(), ClaimResult::verdict).containsExactly(
                org.assertj.core.groups.Tuple.tuple("virtio-disk-randread", ClaimVerdict.SUPPORTED),
                org.assertj.core.groups.Tuple.tuple("virtio-net-5x", ClaimVerdict.REFUTED),
                org.assertj.core.groups.Tuple.tuple("sata-beats-ide", ClaimVerdict.INCONCLUSIVE));
        assertThat(benchmark.compute()).isEqualTo(result);
    }

    @Test
    void historyIngestBenchmarkIngestsADefaultPlanRunIntoAFreshFile() throws Exception {
        HistoryIngestBenchmark benchmark = new HistoryIngestBenchmark();
        benchmark.generate();
        int metrics = SyntheticHistory.workloads().values().stream().mapToInt(List::size).sum();
        // 19 tool metrics (fio read, fio write, iperf3 TCP) and the cost per host CPU second of each: IO and bytes
        // for each fio workload, bits for the TCP one
        assertThat(metrics).isEqualTo(19 + 2 + 2 + 1);
        int series = SyntheticHistory.VARIANTS.size() * metrics;
        int samples = series * SyntheticHistory.BOOTS * SyntheticHistory.REPS;
        for (int i = 0; i < 2; i++) {
            benchmark.freshHistory();
            assertThat(java.nio.file.Files.size(benchmark.file)).isPositive();
            assertThat(benchmark.ingest()).isEqualTo(new IngestResult(benchmark.run.runId(), true, samples, series));
            assertThat(benchmark.openAndIngest()).isEqualTo(new IngestResult(benchmark.run.runId(), true, samples,
                    series));
            benchmark.close();
            assertThat(benchmark.file).doesNotExist();
        }
        benchmark.removeDirectory();
        assertThat(benchmark.dir).doesNotExist();
    }

    @Test
    void historyLoadBenchmarkLoadsEverySeriesWithItsNights() throws Exception {
        HistoryLoadBenchmark benchmark = new HistoryLoadBenchmark();
        benchmark.nights = 3;
        benchmark.build();
        List<SeriesHistory> histories = benchmark.load();
        assertThat(histories).hasSize(100).allSatisfy(h -> assertThat(h.nights()).extracting(Night::runId)
                .containsExactly("n000", "n001", "n002"));
        assertThat(histories.get(0).nights().get(0).values()).hasSize(5);
        benchmark.remove();
        assertThat(benchmark.dir).doesNotExist();
    }

    @Test
    void historyAnalysisBenchmarkDetectsMergesAndGatesEverySeries() {
        HistoryAnalysisBenchmark benchmark = new HistoryAnalysisBenchmark();
        benchmark.generate();
        assertThat(benchmark.histories).hasSize(100).allSatisfy(h -> assertThat(h.nights()).hasSize(364)
                .allSatisfy(n -> assertThat(n.values()).hasSize(5)));
        assertThat(benchmark.stored.stream().mapToInt(List::size).sum()).isGreaterThan(50);
        NightlyGate.GateReport report = benchmark.analyse();
        assertThat(report.decisions()).hasSize(100);
        assertThat(report.regressions()).extracting(d -> d.key().variant()).containsExactly("v00", "v10", "v20",
                "v30", "v40", "v50", "v60", "v70", "v80", "v90");
        assertThat(benchmark.analyse()).isEqualTo(report);
    }

    @Test
    void gateSimulationPrintsItsTable() {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        GateSimulation.run(List.of(GateSimulation.bundled()), "bundled", 20, 1, new GateTrials.Setup(List.of(),
                "canary", NightlyGate.GateParams.defaults(), EDivisive.Params.defaults()),
                new PrintStream(bytes, true, java.nio.charset.StandardCharsets.UTF_8));
        String out = bytes.toString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(out).contains("plan: 15 series in 15 cells (canary: canary); 30 baseline nights, 3 boots x 2 reps")
                .contains("gate: k=4.0 floor=0.02 q=0.05 minNights=5; change points: e-divisive-means/1"
                        + " minSegment=3,pValue=0.001,window=50")
                .containsPattern("A/A: 20 nights, [0-9]+ with a false alarm")
                .containsPattern("\\n10%    3%     [01]\\.[0-9]{3}  ")
                .containsPattern("\\n5%     3%     [01]\\.[0-9]{3}  ")
                .contains("stepping series lab/ide-wt-e1000/randread-4k/read_iops");
        assertThat(GateSimulation.wilson(5, 100)[0]).isCloseTo(0.0215, org.assertj.core.api.Assertions.within(1e-4));
        assertThat(GateSimulation.wilson(5, 100)[1]).isCloseTo(0.1118, org.assertj.core.api.Assertions.within(1e-4));
    }

    @Test
    void theAnnotationProcessorRegisteredEveryBenchmark() {
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
        List<String> names = BenchmarkList.defaultList()
                .getAll(OutputFormatFactory.createFormatInstance(quiet, VerboseMode.SILENT), List.of()).stream()
                .map(BenchmarkListEntry::getUsername).toList();
        assertThat(names).containsExactlyInAnyOrder(
                "dev.vbench.microbench.AnalysisBenchmark.compute",
                "dev.vbench.microbench.DomainXmlBenchmark.render",
                "dev.vbench.microbench.FioParserBenchmark.parse",
                "dev.vbench.microbench.FioParserBenchmark.parseLongStream",
                "dev.vbench.microbench.HistoryIngestBenchmark.ingest",
                "dev.vbench.microbench.HistoryIngestBenchmark.openAndIngest",
                "dev.vbench.microbench.HistoryLoadBenchmark.load",
                "dev.vbench.microbench.HistoryAnalysisBenchmark.analyse",
                "dev.vbench.microbench.Iperf3ParserBenchmark.parse");
    }
}
