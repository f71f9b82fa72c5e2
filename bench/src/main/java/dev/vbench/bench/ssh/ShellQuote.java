package dev.vbench.bench.ssh;

import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Turns an argument list into one command string for a POSIX shell, which is what an SSH server runs a command
 * with. Pure. Arguments made only of characters no shell treats specially are left as they are (readable logs);
 * every other argument is put in single quotes, and a single quote inside becomes {@code '\''}.
 */
public final class ShellQuote {
    /** Characters that never mean anything to sh, bash or dash in an argument word. */
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_@%+=:,./-]+");

    private ShellQuote() {
    }

    /**
     * Joins arguments into one shell command line that runs exactly this argument vector.
     *
     * @param argv program and arguments, at least the program
     * @return e.g. {@code fio --name=x 'a b' 'it'\''s'}
     * @throws IllegalArgumentException when the list is empty or an argument holds a NUL character (which no
     *                                  argument vector can carry)
     */
    public static String join(List<String> argv) {
        if (argv.isEmpty()) {
            throw new IllegalArgumentException("empty command: need at least the program name");
        }
        return IntStream.range(0, argv.size()).mapToObj(i -> quote(argv.get(i), i == 0))
                .collect(Collectors.joining(" "));
    }

    /**
     * Quotes one argument (not in command position).
     *
     * @param arg the argument, any text without NUL
     * @return the argument as one shell word
     */
    public static String quote(String arg) {
        return quote(arg, false);
    }

    private static String quote(String arg, boolean commandPosition) {
        if (arg == null) {
            throw new IllegalArgumentException("null argument in command");
        }
        if (arg.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("argument contains a NUL character, which a command cannot carry");
        }
        // '=' in the first word would make it a variable assignment
        if (PLAIN.matcher(arg).matches() && !(commandPosition && arg.indexOf('=') >= 0)) {
            return arg;
        }
        return "'" + arg.replace("'", "'\\''") + "'";
    }
}
