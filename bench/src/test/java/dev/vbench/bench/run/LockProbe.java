package dev.vbench.bench.run;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * Another process for the lock tests, since file locks are per process: {@code probe FILE} prints {@code held} or
 * {@code free}; {@code hold FILE} creates and locks FILE, prints {@code locked} and holds it until its stdin closes.
 */
final class LockProbe implements AutoCloseable {
    private final Process process;
    private final BufferedReader out;

    private LockProbe(Process process) {
        this.process = process;
        this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    }

    public static void main(String[] args) throws IOException {
        Path file = Path.of(args[1]);
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        if (args[0].equals("hold")) {
            try (FileChannel c = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                    FileLock lock = c.lock()) {
                out.println("locked");
                while (System.in.read() >= 0) {
                    // hold until stdin closes
                }
            }
        } else {
            try (FileChannel c = FileChannel.open(file, StandardOpenOption.WRITE)) {
                FileLock lock = c.tryLock();
                out.println(lock == null ? "held" : "free");
            }
        }
    }

    /** Whether another process finds {@code file} locked. */
    static String probe(Path file) throws Exception {
        try (LockProbe p = start("probe", file)) {
            String line = p.out.readLine();
            p.process.waitFor();
            return line;
        }
    }

    /** Another process that creates and locks {@code file}, holding it until closed. */
    static LockProbe hold(Path file) throws IOException {
        LockProbe p = start("hold", file);
        String line = p.out.readLine();
        if (!"locked".equals(line)) {
            p.close();
            throw new IOException("the lock holder said " + line);
        }
        return p;
    }

    private static LockProbe start(String mode, Path file) throws IOException {
        String classes;
        try {
            classes = Path.of(LockProbe.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (java.net.URISyntaxException e) {
            throw new IOException(e);
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new LockProbe(new ProcessBuilder(List.of(java, "-cp", classes, LockProbe.class.getName(), mode,
                file.toString())).redirectError(ProcessBuilder.Redirect.INHERIT).start());
    }

    @Override
    public void close() throws IOException {
        process.getOutputStream().close();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
