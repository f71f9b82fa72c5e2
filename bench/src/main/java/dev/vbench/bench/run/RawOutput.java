package dev.vbench.bench.run;

import dev.vbench.results.OutputFiles;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * The tools' original output under {@code raw/VARIANT/bootB/} of the run directory: {@code WORKLOAD-repN.json} for
 * each ok measurement on boot B, {@code warmup-WORKLOAD.json} for each warm-up of that boot, and the host-side iperf3
 * server's logs beside them, and {@code console.log}, the serial console of a boot that failed. Listens to the run's
 * events.
 */
final class RawOutput implements RunListener {
    static final String DIR = "raw";
    /** The name of a failed boot's console log in its boot directory. */
    static final String CONSOLE = "console.log";
    /** The most of a console log kept: its end, where a failed boot shows why. */
    static final int CONSOLE_MAX_BYTES = 1 << 20;

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

    /**
     * Keeps the serial console log {@code log} of boot {@code boot} of {@code variant} as
     * {@code raw/VARIANT/bootB/console.log} (its last {@value #CONSOLE_MAX_BYTES} bytes), reading it without following
     * a link and writing it as every output file is written.
     *
     * @return the words for the failure reason: {@code console: raw/VARIANT/bootB/console.log}, or why it was not kept
     * @throws OutputException when the run directory cannot be written
     */
    String keepConsole(Path log, String variant, int boot) {
        byte[] console;
        try {
            BasicFileAttributes a = Files.readAttributes(log, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            if (!a.isRegularFile()) {
                return "console log " + log + " not kept: " + (a.isSymbolicLink() ? "a symbolic link"
                        : "not a regular file");
            }
            console = tail(log);
        } catch (NoSuchFileException e) {
            return "console log " + log + " not kept: no such file here (a remote libvirt host writes it there)";
        } catch (IOException e) {
            return "console log " + log + " not kept: " + OutputFiles.reason(e);
        }
        String relative = bootDir(variant, boot) + "/" + CONSOLE;
        try {
            OutputFiles.replace(OutputFiles.subdirectory(runDir, bootDir(variant, boot)).resolve(CONSOLE), console);
        } catch (IOException e) {
            throw Failures.unwritable(runDir, e);
        }
        return "console: " + relative;
    }

    /**
     * Keeps {@code console}, the end of a console log read back from a remote host (at most
     * {@value #CONSOLE_MAX_BYTES} bytes), as {@code raw/VARIANT/bootB/console.log}.
     *
     * @return the words for the failure reason: {@code console: raw/VARIANT/bootB/console.log}
     * @throws OutputException when the run directory cannot be written
     */
    String keepConsole(String console, String variant, int boot) {
        try {
            OutputFiles.replace(OutputFiles.subdirectory(runDir, bootDir(variant, boot)).resolve(CONSOLE),
                    console.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw Failures.unwritable(runDir, e);
        }
        return "console: " + bootDir(variant, boot) + "/" + CONSOLE;
    }

    /** The last {@value #CONSOLE_MAX_BYTES} bytes of {@code log}, after a line saying what was dropped before. */
    private static byte[] tail(Path log) throws IOException {
        try (SeekableByteChannel in = Files.newByteChannel(log, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
            long dropped = Math.max(0, in.size() - CONSOLE_MAX_BYTES);
            in.position(dropped);
            ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(in.size(), CONSOLE_MAX_BYTES));
            while (buffer.hasRemaining()) {
                if (in.read(buffer) < 0) {
                    break;
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream(buffer.position() + 100);
            if (dropped > 0) {
                out.writeBytes(("[vbench: the first " + dropped + " bytes of the console log were dropped; its last "
                        + CONSOLE_MAX_BYTES + " follow]\n").getBytes(StandardCharsets.UTF_8));
            }
            out.write(buffer.array(), 0, buffer.position());
            return out.toByteArray();
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
