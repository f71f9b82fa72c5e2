package dev.vbench.bench.run;

import dev.vbench.results.OutputFiles;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The tools' original output under {@code raw/VARIANT/} of the run directory: {@code WORKLOAD-repN.json} for each
 * ok measurement, {@code warmup-WORKLOAD.json} for each warm-up, and the host-side iperf3 server's logs beside
 * them. Listens to the run's events.
 */
final class RawOutput implements RunListener {
    static final String DIR = "raw";

    private final Path runDir;

    RawOutput(Path runDir) {
        this.runDir = runDir;
    }

    /** Path of a measurement's output relative to the run directory, as {@link Measurement#raw()} records it. */
    static String measurementFile(String variant, String workload, int rep) {
        return DIR + "/" + variant + "/" + workload + "-rep" + rep + ".json";
    }

    /** Where the iperf3 server logs while a measurement ({@code rep} > 0) or a warm-up ({@code rep} 0) runs. */
    Path serverLog(String variant, String workload, int rep) {
        String name = rep > 0 ? workload + "-rep" + rep : "warmup-" + workload;
        return runDir.resolve(DIR).resolve(variant).resolve(name + "-server.log");
    }

    @Override
    public void on(RunEvent event) {
        if (event instanceof RunEvent.WarmedUp w) {
            write(DIR + "/" + w.variant() + "/warmup-" + w.workload() + ".json", w.output());
        } else if (event instanceof RunEvent.Measured m && m.measurement().ok()) {
            write(m.measurement().raw(), m.output());
        }
    }

    private void write(String relative, String content) {
        Path p = runDir.resolve(relative);
        try {
            OutputFiles.subdirectory(runDir, runDir.relativize(p.getParent()).toString());
            OutputFiles.replace(p, content);
        } catch (IOException e) {
            throw Failures.unwritable(runDir, e);
        }
    }
}
