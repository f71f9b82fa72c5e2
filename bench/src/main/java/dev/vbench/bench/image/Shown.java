package dev.vbench.bench.image;

/** A name read from a file (a path, a qcow2 header's backing file name) made safe for a one-line message. */
final class Shown {
    private static final int MAX = 200;

    private Shown() {
    }

    /** Control and other non-printable characters as {@code ?}, at most {@value #MAX} characters. */
    static String of(String text) {
        String clean = text.codePoints().map(c -> Character.isISOControl(c) || !Character.isDefined(c) ? '?' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        return clean.length() > MAX ? clean.substring(0, MAX) + "..." : clean;
    }
}
