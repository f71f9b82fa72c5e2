package dev.vbench.bench.cli;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.vbench.bench.run.RunDirectory;
import dev.vbench.bench.run.RunRecord;
import dev.vbench.results.OutputFiles;
import dev.vbench.results.ResultsInputException;
import dev.vbench.results.Sample;
import dev.vbench.results.SampleCsv;
import dev.vbench.results.compare.RunLookup;
import dev.vbench.results.compare.RunSamples;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Finds a run by its directory, as {@code vbench run} wrote it: the samples from {@code results.csv}, the run's id
 * and environment from {@code run.json}.
 */
public final class RunDirectoryLookup implements RunLookup {
    private static final JsonMapper JSON = new JsonMapper();

    /** A lookup of run directories. */
    public RunDirectoryLookup() {
    }

    @Override
    public RunSamples find(String ref) {
        Path dir = Path.of(ref);
        if (!Files.isDirectory(dir)) {
            throw new ResultsInputException("run " + dir + (Files.exists(dir) ? " is not a directory" : " does not "
                    + "exist") + "; give the directory of a run (it holds results.csv and run.json)");
        }
        Path csv = dir.resolve(RunDirectory.RESULTS_CSV);
        Path json = dir.resolve(RunRecord.FILE);
        for (Path file : List.of(csv, json)) {
            if (!Files.exists(file)) {
                throw new ResultsInputException(dir + " has no " + file.getFileName() + "; give the directory of a "
                        + "run that ended (an interrupted run writes it too)");
            }
        }
        List<Sample> samples;
        JsonNode record;
        try {
            samples = SampleCsv.read(csv);
            record = JSON.readTree(json.toFile());
        } catch (JacksonException e) {
            throw new ResultsInputException(json + ": not valid JSON (" + e.getOriginalMessage() + "); give the "
                    + "directory of a run vbench wrote");
        } catch (IOException e) {
            throw new ResultsInputException("cannot read the run " + dir + ": " + OutputFiles.reason(e));
        }
        String runId = record.path("run_id").asText("");
        if (!RunRecord.FORMAT.equals(record.path("format").asText()) || runId.isBlank()) {
            throw new ResultsInputException(json + " is not a vbench run record (format " + RunRecord.FORMAT
                    + " with a run_id); give the directory of a run vbench wrote");
        }
        Map<String, String> environment = new TreeMap<>();
        record.path("environment").properties().forEach(e -> environment.put(e.getKey(), e.getValue().asText()));
        return new RunSamples(runId, samples, environment);
    }
}
