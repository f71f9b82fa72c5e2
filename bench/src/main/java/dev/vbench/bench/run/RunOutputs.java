package dev.vbench.bench.run;

import dev.vbench.bench.plan.Plan;
import dev.vbench.bench.plan.PlanException;
import dev.vbench.bench.plan.Workload;
import dev.vbench.bench.workload.Metric;
import dev.vbench.results.Analysis;
import dev.vbench.results.AnalysisOutcome;
import dev.vbench.results.AnalysisResult;
import dev.vbench.results.OutputFiles;
import dev.vbench.results.RunContext;
import dev.vbench.results.RunStatus;
import dev.vbench.results.Sample;
import dev.vbench.results.SampleCsv;
import dev.vbench.results.VariantFailure;
import dev.vbench.results.claims.Claim;
import dev.vbench.results.claims.ClaimVerdict;
import dev.vbench.results.durability.DurabilitySummary;
import dev.vbench.results.durability.DurabilityVerdict;
import dev.vbench.results.metric.MetricCatalog;
import dev.vbench.results.sequential.SequentialAction;
import dev.vbench.results.sequential.SequentialLook;
import dev.vbench.results.stats.NativeCeiling;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Writes what a run completed to its directory: run.json, results.csv and, when anything was measured, the
 * analysis (summary.json, junit.xml, report.html, charts/). Safe to call on any path, an interrupted run included.
 */
final class RunOutputs {
    static final String RESULTS_CSV = RunDirectory.RESULTS_CSV;
    private static final String WRITE_IOPS = MetricCatalog.fio("write", MetricCatalog.FioMeasure.IOPS).name();

    private final Plan plan;
    private final Path planFile;
    private final List<Claim> claims;
    private final Path dir;

    /**
     * Reads the claims at once, so that a bad claims file stops the run before anything starts.
     *
     * @param planFile   the plan file as given, recorded in run.json; null when unknown
     * @param claimsFile the claims to decide; null for the plan's own claims
     * @throws PlanException when the claims file cannot be read or is invalid
     */
    RunOutputs(Plan plan, Path planFile, Path claimsFile, Path dir) {
        this.plan = plan;
        this.planFile = planFile;
        this.claims = HostPlans.claims(plan, claimsFile);
        this.dir = dir;
    }

    /** Writes the outputs of a run that ended with {@code status} and did what {@code state} holds. */
    RunDriver.Result write(RunStatus status, ResumeState state) {
        try {
            List<VariantRecord> variants = state.variants(plan.variantNames());
            Map<String, String> env = state.environment();
            variants.stream().filter(VariantRecord::ok).findFirst().ifPresent(v -> env.put("guest_kernel",
                    v.guestKernel()));
            OutputFiles.replace(dir.resolve(RunRecord.FILE), RunRecord.format(new RunRecord.Content(state.runId(),
                    status.text(), state.seed(), state.started(), Instant.now(), HarnessVersion.current(), env, plan,
                    planFile == null ? null : planFile.toString(), variants, state.boots(), state.measurements())));
            List<Sample> samples = samples(state.measurements());
            SampleCsv.write(dir.resolve(RESULTS_CSV), samples);
            List<VariantFailure> failures = failures(variants);
            List<VariantFailure> reported = new ArrayList<>(failures);
            boolean baselineMeasured = samples.stream().anyMatch(s -> s.variant().equals(plan.baseline()));
            if (!baselineMeasured && failures.stream().noneMatch(f -> f.variant().equals(plan.baseline()))) {
                reported.add(new VariantFailure(plan.baseline(), "not measured: the run ended ("
                        + status.text() + ") before the baseline was measured"));
            }
            DurabilitySummary durability = durability(samples);
            if (samples.isEmpty()) {
                if (durability != null) {
                    Analysis.writeDurability(dir, plan.name(), durability);
                }
                return new RunDriver.Result(status, failures, worst(AnalysisOutcome.ALL_SUPPORTED, durability),
                        List.of(), dir, durability);
            }
            AnalysisResult result = Analysis.compute(samples, plan.baseline(), claims, new RunContext(env, reported,
                    status), plan.replication().design());
            Analysis.write(dir, result, durability);
            return new RunDriver.Result(status, failures, worst(result.outcome(), durability), result.claims(), dir,
                    durability);
        } catch (IOException e) {
            throw new OutputException("cannot write the results to " + dir + ": " + e.getMessage());
        }
    }

    /**
     * The crash trials recorded in the run directory summed up with the durability claims, beside each variant's
     * write IOPS (the mean of {@code write_iops} over its first fio workload that has it); {@code null} for a plan
     * without crash workloads.
     */
    private DurabilitySummary durability(List<Sample> samples) {
        if (plan.crashWorkloads().isEmpty()) {
            return null;
        }
        Map<String, Double> writeIops = new HashMap<>();
        for (Workload w : plan.workloads()) {
            samples.stream().filter(s -> s.workload().equals(w.name()) && s.metric().equals(WRITE_IOPS))
                    .collect(Collectors.groupingBy(Sample::variant, Collectors.averagingDouble(Sample::value)))
                    .forEach(writeIops::putIfAbsent);
        }
        return DurabilitySummary.of(CrashTrials.read(dir).stream().map(CrashTrial::result).toList(), writeIops,
                plan.durabilityClaims());
    }

    /** The worse of the speed claims' outcome and the durability claims' verdicts. */
    private static AnalysisOutcome worst(AnalysisOutcome speed, DurabilitySummary durability) {
        List<ClaimVerdict> verdicts = durability == null ? List.of()
                : durability.claims().stream().map(DurabilityVerdict::verdict).toList();
        if (speed == AnalysisOutcome.SOME_REFUTED || verdicts.contains(ClaimVerdict.REFUTED)) {
            return AnalysisOutcome.SOME_REFUTED;
        }
        return speed == AnalysisOutcome.SOME_INCONCLUSIVE || verdicts.contains(ClaimVerdict.INCONCLUSIVE)
                ? AnalysisOutcome.SOME_INCONCLUSIVE : AnalysisOutcome.ALL_SUPPORTED;
    }

    private static List<VariantFailure> failures(List<VariantRecord> variants) {
        return variants.stream().filter(r -> !r.ok()).map(r -> new VariantFailure(r.variant(), r.reason())).toList();
    }

    /**
     * Takes the run's sequential design's look on what it measured so far: the same replay the final analysis makes
     * from results.csv, so the run stops exactly where its report says it did.
     *
     * @return the last look, or empty for a fixed design
     */
    Optional<SequentialLook> look(List<Measurement> measurements) {
        List<SequentialLook> looks = plan.replication().design().replay(plan.baseline(), claims,
                NativeCeiling.withoutNative(samples(measurements)));
        return looks.isEmpty() ? Optional.empty() : Optional.of(looks.get(looks.size() - 1));
    }

    /**
     * Whether the run may stop after {@code look}: no hypothesis wants another round, apart from those of a variant
     * that failed (a claim naming it, a comparison of it or of the failed baseline), which no round can decide.
     */
    boolean mayStop(SequentialLook look, Set<String> failed) {
        return look.hypotheses().stream().filter(h -> h.action() == SequentialAction.CONTINUE)
                .allMatch(h -> variantsOf(h).stream().anyMatch(failed::contains));
    }

    private List<String> variantsOf(SequentialLook.Hypothesis h) {
        if (h.claim()) {
            return claims.stream().filter(c -> c.id().equals(h.id())).findFirst()
                    .map(c -> List.of(c.baseline(), c.candidate())).orElse(List.of());
        }
        // a comparison's id is candidate/workload/metric; names never hold a slash
        return List.of(plan.baseline(), h.id().substring(0, Math.max(0, h.id().indexOf('/'))));
    }

    private static List<Sample> samples(List<Measurement> measurements) {
        List<Sample> samples = new ArrayList<>();
        for (Measurement m : measurements) {
            if (m.ok()) {
                for (Metric metric : m.metrics()) {
                    samples.add(new Sample(m.variant(), m.workload(), metric.name(), metric.unit(), m.rep(),
                            metric.value(), m.boot()));
                }
            }
        }
        return samples;
    }

}
