package dev.vbench.bench.workload;

/** Folds tool messages into one line for exception messages. */
final class OneLine {
    private OneLine() {
    }

    /** Line breaks become {@code " | "}, surrounding blanks are stripped. */
    static String of(String text) {
        if (text == null) {
            return "";
        }
        return text.strip().replaceAll("\\s*\\R\\s*", " | ");
    }
}
