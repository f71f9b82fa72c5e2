package dev.vbench.bench.plan;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The strict grammars of sizes, durations and bit rates in a plan. Every accepted value is a number with an
 * optional unit and nothing else, because these values end up as fio and iperf3 command-line arguments.
 */
public final class Quantity {
    private static final Pattern BYTES = Pattern.compile("([0-9]{1,12})([kKmMgGtT]?)");
    private static final Pattern DURATION = Pattern.compile("([0-9]{1,9})(ms|s|m|h)");
    private static final Pattern BITRATE = Pattern.compile("([0-9]{1,12})([kKmMgG]?)");

    /** How sizes are written, for messages. */
    public static final String BYTES_GRAMMAR = "a whole number of bytes with an optional k, m, g or t suffix"
            + " (powers of 1024, as fio counts), e.g. 4k, 1M, 1G";
    /** How durations are written, for messages. */
    public static final String DURATION_GRAMMAR = "a whole number with a unit ms, s, m or h, e.g. 500ms, 30s, 2m";
    /** How bit rates are written, for messages. */
    public static final String BITRATE_GRAMMAR = "bits per second as a whole number with an optional K, M or G"
            + " suffix (powers of 1000, as iperf3 counts), e.g. 100M, 1G";

    private Quantity() {
    }

    /** Parses {@code 4k}, {@code 1M}, {@code 512}: bytes, suffixes are powers of 1024. */
    public static long parseBytes(String text) {
        Matcher m = BYTES.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a size: " + OneLine.quote(text) + " (write " + BYTES_GRAMMAR + ")");
        }
        int shift = switch (m.group(2).toLowerCase(Locale.ROOT)) {
            case "" -> 0;
            case "k" -> 10;
            case "m" -> 20;
            case "g" -> 30;
            default -> 40;
        };
        long n = Long.parseLong(m.group(1));
        if (n > (Long.MAX_VALUE >> shift)) {
            throw new IllegalArgumentException("size " + OneLine.quote(text) + " is too large");
        }
        return n << shift;
    }

    /** Parses {@code 500ms}, {@code 30s}, {@code 2m}, {@code 1h}; a unit is required. */
    public static Duration parseDuration(String text) {
        Matcher m = DURATION.matcher(text);
        if (!m.matches()) {
            String hint = text.matches("[0-9]+") ? " (add a unit: " + text + "s)" : " (write " + DURATION_GRAMMAR + ")";
            throw new IllegalArgumentException("not a duration: " + OneLine.quote(text) + hint);
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "ms" -> Duration.ofMillis(n);
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            default -> Duration.ofHours(n);
        };
    }

    /** Parses {@code 100M}, {@code 1G}, {@code 500K}: bits per second, suffixes are powers of 1000. */
    public static long parseBitrate(String text) {
        Matcher m = BITRATE.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a bit rate: " + OneLine.quote(text) + " (write " + BITRATE_GRAMMAR
                    + ")");
        }
        long factor = switch (m.group(2).toLowerCase(Locale.ROOT)) {
            case "" -> 1L;
            case "k" -> 1_000L;
            case "m" -> 1_000_000L;
            default -> 1_000_000_000L;
        };
        try {
            return Math.multiplyExact(Long.parseLong(m.group(1)), factor);
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("bit rate " + OneLine.quote(text) + " is too large");
        }
    }

    /** The shortest exact spelling of a byte count in the plan grammar: {@code 4096 -> 4k}. */
    public static String formatBytes(long bytes) {
        String[] units = {"", "k", "m", "g", "t"};
        int u = 0;
        long v = bytes;
        while (u < units.length - 1 && v != 0 && v % 1024 == 0) {
            v /= 1024;
            u++;
        }
        return v + units[u];
    }

    /** The shortest exact spelling of a duration in the plan grammar: {@code PT90S -> 90s}, {@code PT2M -> 2m}. */
    public static String formatDuration(Duration d) {
        long ms = d.toMillis();
        if (ms % 3_600_000 == 0 && ms != 0) {
            return ms / 3_600_000 + "h";
        }
        if (ms % 60_000 == 0 && ms != 0) {
            return ms / 60_000 + "m";
        }
        if (ms % 1000 == 0) {
            return ms / 1000 + "s";
        }
        return ms + "ms";
    }

    /** The shortest exact spelling of a bit rate: {@code 100000000 -> 100M}. */
    public static String formatBitrate(long bitsPerSecond) {
        String[] units = {"", "K", "M", "G"};
        int u = 0;
        long v = bitsPerSecond;
        while (u < units.length - 1 && v != 0 && v % 1000 == 0) {
            v /= 1000;
            u++;
        }
        return v + units[u];
    }
}
