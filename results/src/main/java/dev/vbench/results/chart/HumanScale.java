package dev.vbench.results.chart;

import dev.vbench.results.DecimalText;
import java.util.Locale;

/**
 * A unit people read at a glance for a range of values: IOPS, MiB/s, Gbit/s, µs. Chosen from the raw unit and
 * the largest magnitude to show, so that the numbers are between 1 and 1024 where possible.
 *
 * @param label   the unit to print, e.g. {@code MiB/s}
 * @param divisor raw value / divisor = value in {@code label}
 */
public record HumanScale(String label, double divisor) {

    /**
     * @param unit      the raw unit: IO/s, B/s, bit/s (and per host CPU second: IO/cpu-s, B/cpu-s, bit/cpu-s), ns,
     *                  us, ms, s, % , count or any other
     * @param magnitude the largest absolute value to show, in the raw unit
     * @return the scale to show values of that unit and size in
     */
    public static HumanScale of(String unit, double magnitude) {
        double m = Math.abs(magnitude);
        switch (unit) {
            case "IO/s":
                return m >= 1e6 ? new HumanScale("kIOPS", 1e3) : new HumanScale("IOPS", 1);
            case "B/s":
                return binary(m, "B/s", "KiB/s", "MiB/s", "GiB/s");
            case "B":
                return binary(m, "B", "KiB", "MiB", "GiB");
            case "bit/s":
                if (m >= 1e9) {
                    return new HumanScale("Gbit/s", 1e9);
                }
                if (m >= 1e6) {
                    return new HumanScale("Mbit/s", 1e6);
                }
                return m >= 1e3 ? new HumanScale("kbit/s", 1e3) : new HumanScale("bit/s", 1);
            case "IO/cpu-s", "B/cpu-s", "bit/cpu-s": {
                // per host CPU second: the rate's scale, per CPU second instead of per second
                HumanScale rate = of(unit.replace("/cpu-s", "/s"), m);
                return new HumanScale(rate.label().replace("IOPS", "IO").replace("/s", "") + "/cpu-s", rate.divisor());
            }
            case "ns", "us", "\u00b5s", "ms", "s":
                return time(m * nanosPer(unit), nanosPer(unit));
            default:
                return new HumanScale(unit, 1);
        }
    }

    /**
     * One value as a console line shows it: three significant digits in the unit people read, {@code 16.3k IO/s},
     * {@code 3.97 Gbit/s}, {@code 940 µs}, {@code 12 count}; {@code n/a} when not finite.
     *
     * @param raw  a value in {@code unit}
     * @param unit its unit
     * @return the text
     */
    public static String compact(double raw, String unit) {
        if (!Double.isFinite(raw)) {
            return "n/a";
        }
        if (unit.equals("IO/s")) {
            double m = Math.abs(raw);
            return m >= 1e6 ? DecimalText.significant(raw / 1e6, 3) + "M IO/s"
                    : m >= 1e3 ? DecimalText.significant(raw / 1e3, 3) + "k IO/s"
                    : DecimalText.significant(raw, 3) + " IO/s";
        }
        HumanScale scale = of(unit, raw);
        return DecimalText.significant(scale.apply(raw), 3) + " " + scale.label();
    }

    /**
     * @param raw a value in the raw unit
     * @return the value in this scale's unit
     */
    public double apply(double raw) {
        return raw / divisor;
    }

    /**
     * A value in this scale, three significant digits or a whole number, with its unit: {@code 5,181 IOPS},
     * {@code 12.3 MiB/s}, {@code 0.418 µs}; counts without a unit. Always with {@link Locale#ROOT} symbols.
     *
     * @param raw a value in the raw unit
     * @return the value and unit
     */
    public String format(double raw) {
        return label.equals("count") ? number(apply(raw)) : number(apply(raw)) + " " + label;
    }

    /**
     * @param scaled a value already in this scale
     * @return the value with three significant digits (whole numbers above 100), grouped by thousands
     */
    public static String number(double scaled) {
        if (!Double.isFinite(scaled)) {
            return "n/a";
        }
        double abs = Math.abs(scaled);
        String pattern = abs >= 100 || scaled == 0 ? "%,.0f" : abs >= 10 ? "%.1f" : abs >= 1 ? "%.2f" : "%.3g";
        return String.format(Locale.ROOT, pattern, scaled);
    }

    private static HumanScale binary(double m, String... labels) {
        int power = 0;
        while (power < labels.length - 1 && m >= Math.pow(1024, power + 1)) {
            power++;
        }
        return new HumanScale(labels[power], Math.pow(1024, power));
    }

    private static double nanosPer(String unit) {
        return switch (unit) {
            case "ns" -> 1;
            case "us", "\u00b5s" -> 1e3;
            case "ms" -> 1e6;
            default -> 1e9;
        };
    }

    private static HumanScale time(double nanos, double rawNanos) {
        if (nanos >= 1e9) {
            return new HumanScale("s", 1e9 / rawNanos);
        }
        if (nanos >= 1e6) {
            return new HumanScale("ms", 1e6 / rawNanos);
        }
        if (nanos >= 1e3) {
            return new HumanScale("\u00b5s", 1e3 / rawNanos);
        }
        return new HumanScale("ns", 1 / rawNanos);
    }
}
