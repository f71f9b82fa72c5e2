package dev.vbench.bench.image;

import dev.vbench.provisioning.HostCommand;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Real images for tests, made by the real {@code qemu-img} (package qemu-utils, installed by scripts/test). */
public final class TestQemuImg {
    private TestQemuImg() {
    }

    /** Runs {@code qemu-img ARGS}; its output. */
    public static String run(String... args) {
        List<String> argv = new ArrayList<>(List.of("qemu-img"));
        argv.addAll(List.of(args));
        return HostCommand.run(argv, Duration.ofSeconds(30));
    }

    /** A 1 MiB qcow2 image without a backing file. */
    public static Path qcow2(Path file) {
        run("create", "-q", "-f", "qcow2", file.toString(), "1M");
        return file;
    }

    /** A qcow2 overlay over {@code backing} as its header will name it (relative or absolute). */
    public static Path overlay(Path file, String backing, String backingFormat) {
        run("create", "-q", "-f", "qcow2", "-u", "-b", backing, "-F", backingFormat, file.toString(), "1M");
        return file;
    }

    /** What {@code qemu-img info} says of one image, read as {@code format}: the text vbench parses. */
    public static String info(Path file, String format) {
        return HostCommand.capture(List.of("qemu-img", "info", "--output=json", "-U", "-f", format, file.toString()),
                Duration.ofSeconds(30)).stdout();
    }
}
