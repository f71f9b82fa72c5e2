package dev.vbench.provisioning;

import java.util.List;
import java.util.regex.Pattern;

/** Reads a guest's serial console log. Pure. */
public final class KernelConsole {
    /**
     * Lines a Linux kernel prints only once it has finished booting and hands over to userspace: freeing its init
     * sections, starting init ({@code Run /init as init process}, since 5.x), or panicking because init exited.
     */
    public static final List<Pattern> USERSPACE_MARKERS = List.of(
            Pattern.compile("Freeing unused kernel (image|memory)"),
            Pattern.compile("Run \\S+ as init process"),
            Pattern.compile("Attempted to kill init"));

    private static final int MAX_LINE = 160;

    private KernelConsole() {
    }

    /** Whether the console log shows the kernel reaching userspace. */
    public static boolean reachedUserspace(String consoleLog) {
        return USERSPACE_MARKERS.stream().anyMatch(p -> p.matcher(consoleLog).find());
    }

    /**
     * The last non-blank line of the log, control characters and terminal escapes removed, at most 160 characters;
     * {@code ""} for an empty log.
     */
    public static String lastLine(String consoleLog) {
        String[] lines = consoleLog.split("\r?\n|\r");
        for (int i = lines.length - 1; i >= 0; i--) {
            String clean = lines[i].replaceAll("\u001B\\[[0-9;?]*[A-Za-z]", "").replaceAll("\\p{Cntrl}", "").strip();
            if (!clean.isEmpty()) {
                return clean.length() > MAX_LINE ? clean.substring(0, MAX_LINE) + "..." : clean;
            }
        }
        return "";
    }
}
