package dev.vbench.bench.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Facts about the machine the harness runs on, read from /proc; parsing is pure and tested on captured text. */
public final class HostFacts {
    private HostFacts() {
    }

    /** The {@code model name} of the first processor in a /proc/cpuinfo text, or "unknown". */
    public static String cpuModel(String cpuinfo) {
        for (String line : cpuinfo.split("\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).trim().equals("model name")) {
                return line.substring(colon + 1).trim();
            }
        }
        return "unknown";
    }

    public static String cpuModel() {
        try {
            return cpuModel(Files.readString(Path.of("/proc/cpuinfo")));
        } catch (IOException e) {
            return "unknown";
        }
    }

    /** The running kernel's release, as {@code uname -r} prints it. */
    public static String kernelRelease() {
        try {
            return Files.readString(Path.of("/proc/sys/kernel/osrelease")).trim();
        } catch (IOException e) {
            return System.getProperty("os.version");
        }
    }

    public static int cpuCount() {
        return Runtime.getRuntime().availableProcessors();
    }
}
