package dev.vbench.bench.run;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** The vbench jar run as a separate process, so that tests can send it signals; its output is collected. */
final class HarnessProcess implements AutoCloseable {
    private final Process process;
    private final List<String> lines = new ArrayList<>();

    private HarnessProcess(Process process) {
        this.process = process;
        Thread pump = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    System.out.println("  | " + line);
                    synchronized (lines) {
                        lines.add(line);
                        lines.notifyAll();
                    }
                }
            } catch (IOException e) {
                // process ended
            }
        }, "harness-output");
        pump.setDaemon(true);
        pump.start();
    }

    static HarnessProcess start(String... args) throws IOException {
        return start(List.of(), args);
    }

    /** The harness with {@code home} as its {@code VBENCH_HOME} ({@code -Dvbench.home}). */
    static HarnessProcess startIn(Path home, String... args) throws IOException {
        return start(List.of("-Dvbench.home=" + home), args);
    }

    /** The harness inside network namespace {@code namespace}, with {@code home} as its {@code VBENCH_HOME}. */
    static HarnessProcess startInNamespace(String namespace, Path home, String... args) throws IOException {
        return start(List.of("ip", "netns", "exec", namespace), List.of("-Dvbench.home=" + home), args);
    }

    private static HarnessProcess start(List<String> jvmOptions, String... args) throws IOException {
        return start(List.of(), jvmOptions, args);
    }

    private static HarnessProcess start(List<String> prefix, List<String> jvmOptions, String... args)
            throws IOException {
        List<String> argv = new ArrayList<>(prefix);
        argv.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        argv.addAll(jvmOptions);
        argv.addAll(List.of("-jar", System.getProperty("vbench.jar", "target/vbench.jar")));
        argv.addAll(List.of(args));
        return new HarnessProcess(new ProcessBuilder(argv).redirectErrorStream(true).start());
    }

    /** Waits until a line of output matches, or fails after {@code timeout}. */
    String awaitLine(Predicate<String> match, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        int seen = 0;
        synchronized (lines) {
            while (true) {
                for (; seen < lines.size(); seen++) {
                    if (match.test(lines.get(seen))) {
                        return lines.get(seen);
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0 || !process.isAlive() && seen == lines.size()) {
                    throw new AssertionError("no matching line within " + timeout + "; output:\n"
                            + String.join("\n", lines));
                }
                lines.wait(Math.max(1, Math.min(TimeUnit.NANOSECONDS.toMillis(left), 500)));
            }
        }
    }

    int waitFor(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("vbench did not end within " + timeout + ":\n" + output());
        }
        return process.exitValue();
    }

    void terminate() {
        process.destroy();
    }

    void kill() {
        process.destroyForcibly();
    }

    String output() {
        synchronized (lines) {
            return String.join("\n", lines);
        }
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
