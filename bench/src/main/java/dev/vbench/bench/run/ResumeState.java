package dev.vbench.bench.run;

import dev.vbench.bench.plan.Workload;
import dev.vbench.provisioning.RunTag;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * What a run has done, including what an interrupted attempt of it did: its id, seed and start, the measurements
 * it keeps, each variant's record and the environment. A new run starts empty; {@code --resume} reads the journal
 * of the interrupted run: its ok measurements are kept (failed and invalid ones are measured again, and so is every
 * visit, one boot of one variant, it did not finish), each
 * variant's latest record stands until this attempt records the variant again, and its first environment stands
 * until this attempt records its own. A corrupt journal line after the first is skipped with a warning: had it
 * recorded a measurement, that measurement is taken again, which is safe. Listens to the run's events to stay
 * current.
 */
final class ResumeState implements RunListener {
    private final String runId;
    private final long seed;
    private final Instant started;
    private final boolean resumed;
    private final List<Measurement> measurements = new ArrayList<>();
    private final List<JournalEntry.BootEntry> boots = new ArrayList<>();
    private final Map<String, VariantRecord> earlier = new LinkedHashMap<>();
    private final Map<String, VariantRecord> now = new LinkedHashMap<>();
    private Map<String, String> environment = Map.of();
    private List<String> skippedLines = List.of();

    private ResumeState(String runId, long seed, Instant started, boolean resumed) {
        this.runId = runId;
        this.seed = seed;
        this.started = started;
        this.resumed = resumed;
    }

    /** A new run started at {@code started}: a new id, and {@code seed} or a random one. */
    static ResumeState fresh(Long seed, Instant started) {
        String runId = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT).withZone(ZoneOffset.UTC)
                .format(started) + "-"
                + String.format(Locale.ROOT, "%04x", ThreadLocalRandom.current().nextInt(0x10000));
        return new ResumeState(runId, seed != null ? seed : ThreadLocalRandom.current().nextLong(), started, false);
    }

    /**
     * The interrupted run in {@code dir}, from its journal.
     *
     * @throws RunInputException when {@code dir} holds no journal with a start entry, or its first line is corrupt
     */
    static ResumeState read(Path dir) throws IOException {
        Journal.Contents journal = Journal.readAll(dir);
        Path file = dir.resolve(Journal.FILE);
        for (Journal.Skipped s : journal.skipped()) {
            if (s.line() == 1) {
                throw new RunInputException(file + ":1: " + s.problem() + ": the run's start line is unreadable, so"
                        + " the run cannot be resumed; start a new run with --plan and --out");
            }
        }
        List<JournalEntry> entries = journal.entries();
        JournalEntry.Start start = Journal.start(entries).orElseThrow(() -> new RunInputException(dir
                + " holds no vbench run to resume (no " + Journal.FILE + "); start a new run with --plan and --out"));
        if (start.runId() == null || !RunTag.RUN_ID.matcher(start.runId()).matches()) {
            throw new RunInputException(dir.resolve(Journal.FILE) + ": run_id " + shown(start.runId())
                    + " is not a vbench run id (" + RunTag.RUN_ID.pattern()
                    + "): this journal was not written by vbench; start a new run with --plan and --out");
        }
        Instant started;
        try {
            started = Instant.parse(String.valueOf(start.time()));
        } catch (java.time.format.DateTimeParseException e) {
            throw new RunInputException(dir.resolve(Journal.FILE) + ": start time " + shown(start.time())
                    + " is not an ISO-8601 instant: this journal was not written by vbench; start a new run with"
                    + " --plan and --out");
        }
        ResumeState state = new ResumeState(start.runId(), start.seed(), started, true);
        state.skippedLines = journal.skipped().stream().map(s -> file + ":" + s.line() + ": " + s.problem()
                + "; line skipped (a measurement it held is taken again)").toList();
        Journal.measurements(entries).stream().filter(Measurement::ok).forEach(state.measurements::add);
        for (JournalEntry e : entries) {
            if (e instanceof JournalEntry.VariantEntry v) {
                state.earlier.put(v.record().variant(), v.record());
            } else if (e instanceof JournalEntry.BootEntry b) {
                state.boots.add(b);
            } else if (e instanceof JournalEntry.Environment env && state.environment.isEmpty()) {
                state.environment = env.values();
            }
        }
        return state;
    }

    /** A value read from a journal, safe to print on one line: quoted, printable ASCII, at most 64 characters. */
    private static String shown(String value) {
        if (value == null) {
            return "(none)";
        }
        String clean = value.replaceAll("[^\\x20-\\x7e]", "?");
        return "'" + (clean.length() > 64 ? clean.substring(0, 64) + "..." : clean) + "'";
    }

    @Override
    public void on(RunEvent event) {
        if (event instanceof RunEvent.EnvironmentKnown e) {
            environment = new TreeMap<>(e.environment());
        } else if (event instanceof RunEvent.VariantReady r) {
            now.put(r.record().variant(), r.record());
        } else if (event instanceof RunEvent.VariantFailed f) {
            now.put(f.record().variant(), f.record());
        } else if (event instanceof RunEvent.Booted b) {
            boots.add(JournalEntry.BootEntry.of(b));
        } else if (event instanceof RunEvent.Measured m) {
            measurements.add(m.measurement());
        }
    }

    String runId() {
        return runId;
    }

    long seed() {
        return seed;
    }

    Instant started() {
        return started;
    }

    boolean resumed() {
        return resumed;
    }

    /** The journal lines a resume skipped, each as {@code file:line: problem; ...}, for warnings. */
    List<String> skippedLines() {
        return skippedLines;
    }

    /** The measurements kept from earlier attempts and every one of this attempt, in order. */
    /** Every boot that came up, in this and earlier attempts, in order. */
    List<JournalEntry.BootEntry> boots() {
        return List.copyOf(boots);
    }

    List<Measurement> measurements() {
        return List.copyOf(measurements);
    }

    /**
     * Whether boot {@code boot} of a variant was visited: every workload has every repetition of that boot measured
     * (ok, or failed in this attempt). A visit is the unit: it is measured whole, on one fresh boot.
     */
    boolean visited(String variant, int boot, List<Workload> workloads, int repetitions) {
        Set<String> done = new HashSet<>();
        for (Measurement m : measurements) {
            if (m.variant().equals(variant) && m.boot() == boot) {
                done.add(m.workload() + "\u0000" + m.rep());
            }
        }
        for (Workload w : workloads) {
            for (int rep = 1; rep <= repetitions; rep++) {
                if (!done.contains(w.name() + "\u0000" + rep)) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * Drops the kept measurements of every visit the interrupted attempt did not finish, so that each is measured
     * again, whole, on a fresh boot: repetitions of two boots must never share one boot's number.
     *
     * @return one line per visit dropped, for warnings
     */
    List<String> dropUnfinishedVisits(List<Workload> workloads, int repetitions) {
        Map<String, List<Measurement>> byVisit = new LinkedHashMap<>();
        for (Measurement m : measurements) {
            byVisit.computeIfAbsent(m.variant() + " boot " + m.boot(), k -> new ArrayList<>()).add(m);
        }
        List<String> dropped = new ArrayList<>();
        byVisit.forEach((visit, kept) -> {
            Measurement first = kept.get(0);
            if (!visited(first.variant(), first.boot(), workloads, repetitions)) {
                measurements.removeAll(kept);
                dropped.add(visit + " was not finished (" + kept.size() + " of " + workloads.size() * repetitions
                        + " measurements kept): it is measured again on a fresh boot");
            }
        });
        return dropped;
    }

    /** Whether a variant failed in this attempt: it is not booted again. */
    boolean failedNow(String variant) {
        VariantRecord r = now.get(variant);
        return r != null && !r.ok();
    }

    /** Whether a variant failed in this attempt. */
    boolean anyFailedNow() {
        return now.values().stream().anyMatch(r -> !r.ok());
    }

    /** The latest record of each variant in {@code planOrder}, this attempt's over earlier ones. */
    List<VariantRecord> variants(List<String> planOrder) {
        Map<String, VariantRecord> latest = new LinkedHashMap<>(earlier);
        latest.putAll(now);
        return planOrder.stream().filter(latest::containsKey).map(latest::get).toList();
    }

    /** This attempt's environment, or the interrupted run's when this attempt ended before recording its own. */
    Map<String, String> environment() {
        return new TreeMap<>(environment);
    }
}
