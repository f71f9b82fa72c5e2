package dev.vbench.microbench;

import dev.vbench.bench.workload.Iperf3Parser;
import dev.vbench.bench.workload.Iperf3Result;
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

/** {@link Iperf3Parser#parse(String)} on the captured JSON of a two-stream TCP client run. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class Iperf3ParserBenchmark {
    String output;

    /** Loads the captured output once, outside the measurement. */
    @Setup
    public void load() {
        output = CapturedOutput.text(CapturedOutput.IPERF3_TCP);
    }

    /** @return the parsed result (returned so JMH consumes it) */
    @Benchmark
    public Iperf3Result parse() {
        return Iperf3Parser.parse(output);
    }
}
