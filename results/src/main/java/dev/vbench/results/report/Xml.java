package dev.vbench.results.report;

/** Escaping for XML and HTML text and attribute values. */
final class Xml {
    private Xml() {
    }

    /**
     * Escapes {@code & < > " '} and replaces characters XML 1.0 cannot hold with U+FFFD.
     *
     * @param text any text
     * @return text safe inside an element or a quoted attribute
     */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                    boolean legal = c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF)
                            || (c >= 0xE000 && c <= 0xFFFD) || c >= 0x10000;
                    out.appendCodePoint(legal ? c : 0xFFFD);
                }
            }
        });
        return out.toString();
    }
}
