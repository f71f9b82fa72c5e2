package dev.vbench.bench.run;

import dev.vbench.bench.plan.Plan;
import dev.vbench.bench.plan.PlanParser;
import dev.vbench.bench.plan.Replication;
import dev.vbench.provisioning.Provisioner;
import dev.vbench.results.OutputFiles;
import dev.vbench.results.Sample;
import dev.vbench.results.SampleCsv;
import dev.vbench.results.history.Night;
import dev.vbench.results.history.SeriesKey;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The gate's re-measurement: the suspect variants and workloads of a run, booted once more on fresh overlays
 * (one boot, the run's repetitions, no claims) into {@code RUN/confirm/} (or {@code confirm-2/}...), through the
 * same driver as any run.
 *
 * @param bootTimeout   how long a guest may take to boot
 * @param provisioners  the libvirt adapter
 * @param lab           the lab home
 * @param out           where progress goes
 */
public record Confirmation(Duration bootTimeout, Provisioner.Factory provisioners, LabHome lab, PrintWriter out)
        implements GateRun.Confirmer {

    @Override
    public Map<SeriesKey, Night> remeasure(Path runDir, List<SeriesKey> suspects) {
        Path copy = runDir.resolve(RunDirectory.PLAN_COPY);
        Plan plan = PlanParser.parse(PlanParser.readText(copy, "plan", "gate a run directory vbench wrote"),
                copy.toString());
        Set<String> variants = new LinkedHashSet<>();
        Set<String> workloads = new LinkedHashSet<>();
        suspects.forEach(k -> {
            variants.add(k.variant());
            workloads.add(k.workload());
        });
        Plan only = restrict(plan, variants, workloads);
        Path dir = freshDirectory(runDir);
        out.println("confirming " + suspects.size() + " suspected regression(s) on a fresh boot of "
                + String.join(", ", variants) + " into " + dir);
        out.flush();
        RunDriver.run(only, new RunDriver.Options(dir, copy, null, null, false, bootTimeout, provisioners, lab,
                out));
        List<Sample> samples;
        try {
            samples = SampleCsv.read(dir.resolve("results.csv"));
        } catch (IOException e) {
            throw new OutputException("cannot read the confirmation's samples in " + dir + ": "
                    + OutputFiles.reason(e));
        }
        Map<SeriesKey, Night> nights = new LinkedHashMap<>();
        Instant now = Instant.now();
        for (SeriesKey key : suspects) {
            List<Sample> cell = samples.stream().filter(s -> s.variant().equals(key.variant())
                    && s.workload().equals(key.workload()) && s.metric().equals(key.metric())).toList();
            if (!cell.isEmpty()) {
                nights.put(key, new Night("confirm-" + dir.getFileName(), now, Map.of(),
                        cell.stream().mapToDouble(Sample::value).toArray(),
                        cell.stream().mapToInt(Sample::boot).toArray()));
            }
        }
        return nights;
    }

    /**
     * The plan cut down to the suspects: their variants and workloads, one boot, no claims, no canary pair, no
     * native ceiling.
     */
    static Plan restrict(Plan plan, Set<String> variants, Set<String> workloads) {
        return new Plan(plan.name(), plan.connect(), plan.hosts(), plan.image(), plan.accel(), plan.guest(),
                plan.network(), variants.iterator().next(), List.of(),
                plan.variants().stream().filter(v -> variants.contains(v.name())).toList(),
                plan.workloads().stream().filter(w -> workloads.contains(w.name())).toList(), List.of(),
                new Replication(1, plan.replication().repetitions(), Replication.Stopping.FIXED), plan.parallelBoots(),
                List.of(), null, false, plan.source(), List.of());
    }

    private static Path freshDirectory(Path runDir) {
        for (int i = 1; i < 100; i++) {
            Path dir = runDir.resolve(i == 1 ? "confirm" : "confirm-" + i);
            if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
                return dir;
            }
        }
        throw new RunInputException(runDir + " already holds 99 confirmation runs; gate a new run");
    }
}
