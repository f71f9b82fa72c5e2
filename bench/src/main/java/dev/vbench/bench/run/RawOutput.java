package dev.vbench.bench.run;

import dev.vbench.results.OutputFiles;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The tools' original output under {@code raw/VARIANT/bootB/} of the run directory: {@code WORKLOAD-repN.json} for
 * each ok measurement on boot B, {@code warmup-WORKLOAD.json} for each warm-up of that boot, and the host-side iperf3
 * server's logs beside them. Listens to the run's events.
 */
final class RawOutput implements RunListener {
    static final String DIR = "raw";

    private final Path runDir;

    RawOutput(Path runDir) {
        this.runDir = runDir;
    }

    /** Path of a measurement's output relative to the run directory, as {@link Measurement#raw()} records it. */
    static String measurementFile(String variant, String workload, int boot, int rep) {
        return bootDir(variant, boot) + "/" + workload + "-rep" + rep + ".json";
    }

    private static String bootDir(String variant, int boot) {
        return DIR + "/" + variant + "/boot" + boot;
    }

    /**
     * Where the iperf3 server logs while a measurement ({@code rep} > 0) or a warm-up ({@code rep} 0) runs on boot
     * {@code boot}; its directory is made here, proven to be the run directory's own (no link on the way).
     */
    Path serverLog(String variant, String workload, int boot, int rep) {
        String name = rep > 0 ? workload + "-rep" + rep : "warmup-" + workload;
        try {
            return OutputFiles.subdirectory(runDir, bootDir(variant, boot)).resolve(name + "-server.log");
        } catch (IOException e) {
            throw Failures.unwritable(runDir, e);
        }
    }

    @Override
    public void on(RunEvent event) {
        if (event instanceof RunEvent.WarmedUp w) {
            write(bootDir(w.variant(), w.boot()) + "/warmup-" + w.workload() + ".json", w.output());
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
