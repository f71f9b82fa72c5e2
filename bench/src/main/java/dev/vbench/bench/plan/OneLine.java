package dev.vbench.bench.plan;

/** Makes user-supplied text safe to echo inside a one-line message. */
final class OneLine {
    private static final int MAX_QUOTED = 60;

    private OneLine() {
    }

    /** Replaces line breaks and other control characters with visible escapes. */
    static String of(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (Character.isISOControl(c)) {
                        sb.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.toString();
    }

    /** A value in single quotes, escaped and shortened, for "unknown value 'x'" messages. */
    static String quote(String value) {
        String v = of(value);
        if (v.length() > MAX_QUOTED) {
            v = v.substring(0, MAX_QUOTED) + "...";
        }
        return "'" + v + "'";
    }
}
