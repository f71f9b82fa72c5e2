package dev.vbench.provisioning.libvirt;

/** Parses {@code /proc/PID/stat}. Pure. */
final class ProcStat {
    /**
     * Clock ticks per second of the times in {@code /proc/PID/stat} ({@code USER_HZ}, {@code sysconf(_SC_CLK_TCK)}):
     * fixed at 100 by the Linux ABI on x86 and arm.
     */
    static final long USER_HZ = 100;

    private ProcStat() {
    }

    /**
     * User plus system CPU time of the whole process (all its threads) in nanoseconds: fields 14 ({@code utime})
     * and 15 ({@code stime}) of the stat line. The command name (field 2) may contain spaces and parentheses, so
     * fields are counted after the last {@code ')'}.
     *
     * @throws IllegalArgumentException when the line is not a stat line
     */
    static long cpuNanos(String statLine) {
        int close = statLine.lastIndexOf(')');
        if (close < 0) {
            throw new IllegalArgumentException("not a /proc/PID/stat line (no command name): " + abbreviate(statLine));
        }
        String[] f = statLine.substring(close + 1).trim().split("\\s+");
        // f[0] is field 3 (state); utime is field 14 -> f[11], stime field 15 -> f[12]
        if (f.length < 13) {
            throw new IllegalArgumentException("not a /proc/PID/stat line (too few fields): " + abbreviate(statLine));
        }
        try {
            long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]);
            return ticks * (1_000_000_000L / USER_HZ);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a /proc/PID/stat line (utime/stime not numbers): "
                    + abbreviate(statLine), e);
        }
    }

    private static String abbreviate(String s) {
        return s.length() > 80 ? s.substring(0, 80) + "..." : s;
    }
}
