package dev.vbench.microbench;

import dev.vbench.results.Sample;
import dev.vbench.results.SampleCsv;
import dev.vbench.results.history.EDivisive;
import dev.vbench.results.history.NightlyGate.GateParams;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * The nightly gate's benchmark over synthetic histories made from real noise ({@link LabNoise}):
 * <pre>java -cp bench/jmh/target/benchmarks.jar dev.vbench.microbench.GateSimulation [--nights 1000]
 *     [--samples FILE.csv ...] [--seed N] [--canary VARIANT]</pre>
 * Every cell of the samples (default: the bundled {@code noise/lab-samples.csv}) is a series of the plan; each
 * trial has {@value GateTrials#BASELINE} baseline nights of {@value GateTrials#BOOTS} boots x
 * {@value GateTrials#REPS} repetitions. It prints the A/A false-alarm rate of the whole plan (nights with a
 * regression or an environment alarm) and, for a 10% and a 5% step of one series at 3% per-sample noise (the cell
 * whose tested metric's noise is closest to 3%, its residuals scaled to exactly that), the fraction caught by each
 * night after the step (a regression at the gate, or a stored change point within minSegment nights of the step)
 * and the fraction whose stored change point is at the step's night.
 */
public final class GateSimulation {
    private static final String USAGE = "usage: GateSimulation [--nights 1000] [--samples FILE.csv ...] [--seed N]"
            + " [--canary VARIANT] [--k 3] [--floor 0.02] [--q 0.05] [--min-nights 5] [--p-value 0.001]"
            + " [--min-segment 3]";
    private static final double NOISE = 0.03;
    private static final Set<String> OPTIONS = Set.of("--nights", "--samples", "--seed", "--canary", "--k", "--floor",
            "--q", "--min-nights", "--p-value", "--min-segment");

    private GateSimulation() {
    }

    /**
     * @param args the options
     * @throws IOException when a samples file cannot be read
     */
    public static void main(String[] args) throws IOException {
        Map<String, String> options = new HashMap<>();
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (!OPTIONS.contains(args[i])) {
                System.err.println("unknown option " + args[i] + "\n" + USAGE);
                System.exit(2);
            }
            options.put(args[i], value(args, ++i));
            if (args[i - 1].equals("--samples")) {
                files.add(Path.of(args[i]));
                while (i + 1 < args.length && !args[i + 1].startsWith("--")) {
                    files.add(Path.of(args[++i]));
                }
            }
        }
        GateParams d = GateParams.defaults();
        GateParams g = new GateParams(number(options, "--k", d.k()), number(options, "--floor", d.floor()),
                number(options, "--q", d.q()), (int) number(options, "--min-nights", d.minNights()));
        EDivisive.Params c = EDivisive.Params.defaults();
        EDivisive.Params cp = new EDivisive.Params(number(options, "--p-value", c.pValue()),
                (int) number(options, "--min-segment", c.minSegment()), c.window());
        List<List<Sample>> runs = new ArrayList<>();
        for (Path f : files) {
            runs.add(SampleCsv.read(f));
        }
        String source = files.isEmpty() ? "bundled noise/lab-samples.csv (placeholder from measured components)"
                : files.toString();
        run(runs.isEmpty() ? List.of(bundled()) : runs, source, (int) number(options, "--nights", 1000),
                (long) number(options, "--seed", 1), new GateTrials.Setup(List.of(),
                        options.getOrDefault("--canary", "canary"), g, cp), System.out);
    }

    private static double number(Map<String, String> options, String name, double otherwise) {
        return options.containsKey(name) ? Double.parseDouble(options.get(name)) : otherwise;
    }

    private static String value(String[] args, int i) {
        if (i >= args.length) {
            System.err.println(args[i - 1] + " needs a value\n" + USAGE);
            System.exit(2);
        }
        return args[i];
    }

    /** @return the bundled samples */
    static List<Sample> bundled() {
        try (InputStream in = GateSimulation.class.getResourceAsStream("/noise/lab-samples.csv")) {
            return SampleCsv.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "noise/lab-samples.csv");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Runs the benchmark and prints its table.
     *
     * @param runs   the samples of each lab run
     * @param source where they came from, for the header
     * @param nights A/A nights, and trials of each step
     * @param seed   the random seed
     * @param params the canary variant's name (ignored when no cell has it) and the parameters; its cells are
     *               replaced by those of the runs
     * @param out    where to print
     */
    static void run(List<List<Sample>> runs, String source, int nights, long seed, GateTrials.Setup params,
            PrintStream out) {
        List<LabNoise.Cell> cells = LabNoise.cells(runs);
        String canary = params.canary();
        GateTrials.Setup setup = new GateTrials.Setup(cells, canary, params.gate(), params.cp());
        GateParams g = setup.gate();
        int series = cells.stream().mapToInt(c -> c.means().size()).sum();
        boolean hasCanary = cells.stream().anyMatch(c -> c.variant().equals(canary));
        out.printf(Locale.ROOT, "vbench gate simulation: seed %d, noise from %s%n", seed, source);
        out.printf(Locale.ROOT, "plan: %d series in %d cells%s; %d baseline nights, %d boots x %d reps a night%n",
                series, cells.size(), hasCanary ? " (canary: " + canary + ")" : "", GateTrials.BASELINE,
                GateTrials.BOOTS, GateTrials.REPS);
        out.printf(Locale.ROOT, "gate: k=%s floor=%s q=%s minNights=%d; change points: %s %s%n%n", g.k(), g.floor(),
                g.q(), g.minNights(), EDivisive.ALGORITHM, setup.cp().text());

        GateTrials.AaResult aa = GateTrials.aa(setup, nights, new Random(seed));
        double rate = aa.falseNights() / (double) aa.nights();
        double[] ci = wilson(aa.falseNights(), aa.nights());
        out.printf(Locale.ROOT, "A/A: %d nights, %d with a false alarm = %.1f%% (95%% CI %.1f-%.1f%%), target <= 5%%:"
                + " %s%n", aa.nights(), aa.falseNights(), 100 * rate, 100 * ci[0], 100 * ci[1],
                rate <= 0.05 ? "met" : "MISSED");
        out.printf(Locale.ROOT, "     false change points stored: %.4f per series per %d nights%n%n",
                aa.changePointsPerSeries(), GateTrials.BASELINE);

        LabNoise.Cell stepCell = cells.stream().min(Comparator.comparingDouble(c -> Math.abs(c.cv(c.tested())
                - NOISE))).orElseThrow();
        out.printf(Locale.ROOT, "detection delay: fraction caught by night d after the step (gate regression or"
                + " stored change point)%n");
        out.printf(Locale.ROOT, "%-6s %-6s %s  %s%n", "step", "noise", "d=0    d=1    d=2    d=3    d=4    d=5",
                "change point at the step's night");
        List<GateTrials.StepResult> steps = List.of(
                GateTrials.step(setup, stepCell, NOISE, 0.10, nights, new Random(seed + 1)),
                GateTrials.step(setup, stepCell, NOISE, 0.05, nights, new Random(seed + 2)));
        for (GateTrials.StepResult s : steps) {
            StringBuilder curve = new StringBuilder();
            for (int c : s.caughtBy()) {
                curve.append(String.format(Locale.ROOT, "%.3f  ", c / (double) s.trials()));
            }
            out.printf(Locale.ROOT, "%-6s %-6s %s %.3f%n", String.format(Locale.ROOT, "%.0f%%", 100 * s.step()),
                    String.format(Locale.ROOT, "%.0f%%", 100 * s.noise()), curve, s.exact() / (double) s.trials());
        }
        GateTrials.StepResult ten = steps.get(0);
        GateTrials.StepResult five = steps.get(1);
        out.printf(Locale.ROOT, "(%d trials each; stepping series %s, all its metrics stepped the bad way)%n",
                ten.trials(), ten.series());
        out.printf(Locale.ROOT, "targets: 10%% same night >= 95%%: %s; 5%% within 3 nights (d<=2) >= 90%%: %s;"
                + " change-point night exact >= 90%%: 10%% %s, 5%% %s%n", met(ten.caughtBy()[0], ten.trials(), 0.95),
                met(five.caughtBy()[2], five.trials(), 0.90), met(ten.exact(), ten.trials(), 0.90),
                met(five.exact(), five.trials(), 0.90));
    }

    private static String met(int count, int trials, double target) {
        return count >= target * trials ? "met" : "MISSED";
    }

    /** Wilson's 95% score interval of a binomial proportion. */
    static double[] wilson(int successes, int trials) {
        double z = 1.959963984540054;
        double p = successes / (double) trials;
        double centre = (p + z * z / (2 * trials)) / (1 + z * z / trials);
        double half = z * Math.sqrt(p * (1 - p) / trials + z * z / (4.0 * trials * trials)) / (1 + z * z / trials);
        return new double[] {Math.max(0, centre - half), Math.min(1, centre + half)};
    }
}
