package dev.vbench.microbench;

import dev.vbench.bench.workload.FioParser;
import dev.vbench.bench.workload.FioResult;
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
 * {@link FioParser#parse(String)} on captured fio output with three JSON documents in a row
 * ({@code --status-interval}): splitting the documents, reading the jobs and computing the metrics of the last.
 * {@link #parseLongStream} does the same on about 20 MB of such reports (a long {@code --status-interval} run, or
 * a guest printing as much as it can): its time per byte stays that of {@link #parse}, the split being linear.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class FioParserBenchmark {
    String output;

    /** Loads the captured output once, outside the measurement. */
    @Setup
    public void load() {
        output = CapturedOutput.text(CapturedOutput.FIO_STATUS_INTERVAL);
    }

    /** @return the parsed final report (returned so JMH consumes it) */
    @Benchmark
    public FioResult parse() {
        return FioParser.parse(output);
    }

    /** About 20 MB of status reports, built once per fork. */
    @State(Scope.Benchmark)
    public static class LongStream {
        /** Size of the output, at least. */
        static final int CHARS = 20_000_000;
        String output;

        /** Repeats the captured output to {@link #CHARS}. */
        @Setup
        public void load() {
            String one = CapturedOutput.text(CapturedOutput.FIO_STATUS_INTERVAL);
            output = one.repeat(CHARS / one.length() + 1);
        }
    }

    /** @return the parsed final report of the long stream */
    @Benchmark
    @Measurement(iterations = 3, time = 2)
    public FioResult parseLongStream(LongStream stream) {
        return FioParser.parse(stream.output);
    }
}
