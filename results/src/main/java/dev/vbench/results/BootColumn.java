package dev.vbench.results;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The seventh column of results.csv, {@code boot}: which boot of its variant a sample was measured on. Written
 * always; read when a header names it right after the six fixed columns, and otherwise every sample is of boot 1
 * (files written before boots existed, or by other tools).
 */
final class BootColumn {
    /** The column's name in the header. */
    static final String NAME = "boot";
    /** The header vbench writes: the six fixed columns, then this one. */
    static final List<String> HEADER = List.of("variant", "workload", "metric", "unit", "rep", "value", NAME);

    private static final Pattern NUMBER = Pattern.compile("[0-9]{1,9}");

    private BootColumn() {
    }

    /** @return whether a header has the boot column right after the six fixed columns */
    static boolean in(List<String> header) {
        return header.size() > SampleCsv.HEADER.size() && header.get(SampleCsv.HEADER.size()).equals(NAME);
    }

    /**
     * The boot of one record.
     *
     * @param fields the record's fields
     * @param source the file, for the message
     * @param line   the record's line, for the message
     * @return the boot, 1 or more
     * @throws SampleCsvException when the field is missing or not a positive integer
     */
    static int read(List<String> fields, String source, int line) {
        String text = fields.size() > SampleCsv.HEADER.size() ? fields.get(SampleCsv.HEADER.size()) : "";
        if (!NUMBER.matcher(text).matches() || Integer.parseInt(text) < 1) {
            throw new SampleCsvException(source, line, "boot: not a positive integer: '" + text
                    + "' (boots are numbered from 1)");
        }
        return Integer.parseInt(text);
    }
}
