package dev.vbench.microbench;

import dev.vbench.results.Analysis;
import dev.vbench.results.AnalysisResult;
import dev.vbench.results.RunContext;
import dev.vbench.results.Sample;
import dev.vbench.results.claims.Claim;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@link Analysis#compute} on a seeded run of 8 variants x 4 workloads x 10 repetitions ({@link SyntheticRun}):
 * grouping into cells, statistics, Welch tests with Holm's correction, Fieller gains and three claims. Writing
 * the report files is not measured.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class AnalysisBenchmark {
    List<Sample> samples;
    List<Claim> claims;
    RunContext context;

    /** Generates the samples once, outside the measurement. */
    @Setup
    public void generate() {
        samples = SyntheticRun.samples();
        claims = SyntheticRun.claims();
        context = RunContext.unknown();
    }

    /** @return the analysis (returned so JMH consumes it) */
    @Benchmark
    public AnalysisResult compute() {
        return Analysis.compute(samples, SyntheticRun.BASELINE, claims, context);
    }
}
