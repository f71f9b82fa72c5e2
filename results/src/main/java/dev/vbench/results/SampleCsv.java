package dev.vbench.results;

import dev.vbench.results.metric.MetricCatalog;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads and writes {@code results.csv} through Apache Commons CSV: UTF-8, one {@link Sample} a record, RFC 4180
 * quoting (a field holding a comma, a double quote or a line break is enclosed in double quotes, its double quotes
 * doubled), lines ending in LF. The first six columns are exactly {@code variant,workload,metric,unit,rep,value};
 * vbench writes a seventh, {@code boot} (1 or more), and reads it when the header names it there (a file without it
 * holds samples of boot 1); a file may carry more columns after them, which reading ignores. Values are written with
 * {@link DecimalText#shortest(double)}, so they read back exactly and never depend on the default locale. Reading
 * accepts LF and CRLF line ends and a leading byte-order mark; every problem is reported as {@code file:line:
 * problem} with the fix.
 */
public final class SampleCsv {
    /** The first six columns, in this order, of every samples file. */
    public static final List<String> HEADER = List.of("variant", "workload", "metric", "unit", "rep", "value");

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setRecordSeparator('\n').get();
    private static final Pattern REP = Pattern.compile("[0-9]{1,9}");
    private static final Pattern DECIMAL = Pattern.compile("[+-]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)([eE][+-]?[0-9]+)?");

    private SampleCsv() {
    }

    /**
     * The text of a samples file: the header line, then one line per sample in the given order.
     *
     * @param samples samples to write
     * @return the CSV text, each line ending in LF
     */
    public static String format(List<Sample> samples) {
        StringBuilder out = new StringBuilder();
        print(out, true, true, samples);
        return out.toString();
    }

    /**
     * Writes a new samples file, replacing any existing one.
     *
     * @param file    the file
     * @param samples the samples
     * @throws IOException when the file cannot be written
     */
    public static void write(Path file, List<Sample> samples) throws IOException {
        OutputFiles.replace(file, format(samples));
    }

    /**
     * Appends samples to a samples file, writing the header first only when the file is missing or empty. An
     * existing file must start with the samples header; a missing final line end is added first. The boot column
     * is written when the file's header has it (or the file is new); a file without it takes samples of boot 1 only.
     *
     * @param file    the file, created when missing
     * @param samples samples to append
     * @throws IOException        when the file cannot be read or written
     * @throws SampleCsvException when the existing file does not start with the samples header (or has no boot column)
     */
    public static void append(Path file, List<Sample> samples) throws IOException {
        StringBuilder out = new StringBuilder();
        boolean fresh = !Files.exists(file) || Files.size(file) == 0;
        boolean boots = fresh || checkExistingHeader(file);
        if (!boots && samples.stream().anyMatch(s -> s.boot() != 1)) {
            throw new SampleCsvException(file.toString(), 1, "cannot append samples of boot 2 or later: the header "
                    + "has no boot column after value; choose a new file");
        }
        if (!fresh && !endsWithLineFeed(file)) {
            out.append('\n');
        }
        print(out, fresh, boots, samples);
        OutputFiles.append(file, out.toString());
    }

    /**
     * Reads a samples file.
     *
     * @param file the file
     * @return its samples in file order
     * @throws IOException        when the file cannot be read
     * @throws SampleCsvException when the content is not a valid samples file (message {@code file:line: problem})
     */
    public static List<Sample> read(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new SampleCsvException(file.toString(), 1, "not UTF-8 text; save the file as UTF-8");
        }
        return parse(text, file.toString());
    }

    /**
     * Parses the text of a samples file.
     *
     * @param text   the CSV text
     * @param source name of the text in error messages, usually the file name
     * @return its samples in text order
     * @throws SampleCsvException when the text is not a valid samples file
     */
    public static List<Sample> parse(String text, String source) {
        List<Row> rows = new CsvRows(text, source).readAll();
        if (rows.isEmpty()) {
            throw new SampleCsvException(source, 1, "empty file; expected the header " + String.join(",", HEADER));
        }
        Row header = rows.get(0);
        if (!isHeader(header.fields())) {
            throw new SampleCsvException(source, header.line(), "header must start with " + String.join(",", HEADER)
                    + ", got " + String.join(",", header.fields()));
        }
        boolean boots = BootColumn.in(header.fields());
        List<Sample> samples = new ArrayList<>(rows.size() - 1);
        for (Row row : rows.subList(1, rows.size())) {
            samples.add(toSample(row, source, boots));
        }
        return samples;
    }

    private static void print(StringBuilder out, boolean header, boolean boots, List<Sample> samples) {
        try {
            CSVPrinter printer = new CSVPrinter(out, FORMAT);
            if (header) {
                printer.printRecord(BootColumn.HEADER);
            }
            for (Sample s : samples) {
                String[] row = {s.variant(), s.workload(), s.metric(), neutral(s.unit()), Integer.toString(s.rep()),
                    DecimalText.shortest(s.value()), Integer.toString(s.boot())};
                printer.printRecord((Object[]) Arrays.copyOf(row, boots ? row.length : row.length - 1));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("a StringBuilder does not fail", e);
        }
    }

    private static boolean isHeader(List<String> fields) {
        return fields.size() >= HEADER.size() && fields.subList(0, HEADER.size()).equals(HEADER);
    }

    private static Sample toSample(Row row, String source, boolean boots) {
        List<String> fields = row.fields();
        if (fields.size() < HEADER.size()) {
            throw new SampleCsvException(source, row.line(), "expected at least " + HEADER.size() + " fields ("
                    + String.join(",", HEADER) + "), got " + fields.size());
        }
        for (int i = 0; i < 4; i++) {
            if (fields.get(i).isBlank()) {
                throw new SampleCsvException(source, row.line(), HEADER.get(i) + ": must not be empty");
            }
        }
        String rep = fields.get(4);
        if (!REP.matcher(rep).matches()) {
            throw new SampleCsvException(source, row.line(), "rep: not a non-negative integer: '" + rep + "'");
        }
        String value = fields.get(5);
        double parsed = DECIMAL.matcher(value).matches() ? Double.parseDouble(value) : Double.NaN;
        if (!Double.isFinite(parsed)) {
            throw new SampleCsvException(source, row.line(), "value: not a finite decimal number: '" + value + "'");
        }
        if (parsed < 0 && !MetricCatalog.mayBeNegative(fields.get(2), fields.get(3))) {
            throw new SampleCsvException(source, row.line(), "value: negative: '" + value + "' (" + fields.get(2)
                    + " in " + fields.get(3) + " is never below 0: vbench's metrics, rates, counts and percentages)");
        }
        for (int i = 0; i < 3; i++) {
            Pattern grammar = i < 2 ? Sample.NAME : Sample.METRIC;
            if (!grammar.matcher(fields.get(i)).matches()) {
                throw new SampleCsvException(source, row.line(), HEADER.get(i) + ": '" + fields.get(i)
                        + "' is not a " + HEADER.get(i) + " name; names match " + grammar.pattern());
            }
        }
        return new Sample(fields.get(0), fields.get(1), fields.get(2), fields.get(3), Integer.parseInt(rep), parsed,
                boots ? BootColumn.read(fields, source, row.line()) : 1);
    }

    /**
     * A text cell a spreadsheet would take for a formula ({@code =}, {@code +}, {@code -}, {@code @}, tab, carriage
     * return first) gets a leading {@code '}, as OWASP advises; names cannot start so (their grammar), units can.
     */
    static String neutral(String cell) {
        return !cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0 ? "'" + cell : cell;
    }

    /** @return whether the existing file's header has the boot column */
    private static boolean checkExistingHeader(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        int end = text.indexOf('\n');
        List<Row> rows;
        try {
            rows = new CsvRows(end < 0 ? text : text.substring(0, end + 1), file.toString()).readAll();
        } catch (SampleCsvException e) {
            rows = List.of();
        }
        if (rows.isEmpty() || !isHeader(rows.get(0).fields())) {
            throw new SampleCsvException(file.toString(), 1, "cannot append: the file does not start with the header "
                    + String.join(",", HEADER) + "; choose a new file");
        }
        return BootColumn.in(rows.get(0).fields());
    }

    private static boolean endsWithLineFeed(Path file) throws IOException {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
            raf.seek(raf.length() - 1);
            return raf.read() == '\n';
        }
    }

    /** One CSV record and the line it starts on. */
    private record Row(int line, List<String> fields) {
    }

    /**
     * The records of a CSV text as Commons CSV splits them, each with the line it starts on. Turns the library's
     * complaints, and what it tolerates but RFC 4180 forbids, into {@code file:line: problem} messages.
     */
    private static final class CsvRows {
        private final String text;
        private final String source;

        CsvRows(String text, String source) {
            this.text = text.startsWith("\uFEFF") ? text.substring(1) : text;
            this.source = source;
        }

        List<Row> readAll() {
            List<Row> rows = new ArrayList<>();
            try (CSVParser parser = CSVParser.parse(text, FORMAT)) {
                Iterator<CSVRecord> records = parser.iterator();
                while (true) {
                    int line = (int) parser.getCurrentLineNumber() + 1;
                    CSVRecord record = next(records, parser, line);
                    if (record == null) {
                        return rows;
                    }
                    List<String> fields = record.toList();
                    if (fields.size() == 1 && fields.get(0).isEmpty()) {
                        if (!text.substring((int) record.getCharacterPosition()).isBlank()) {
                            throw new SampleCsvException(source, line, "empty line; remove it");
                        }
                        return rows;
                    }
                    if (fields.stream().anyMatch(f -> f.indexOf('"') >= 0)) {
                        checkQuotes(raw(record, (int) parser.getCurrentLineNumber() - line + 1), fields, line);
                    }
                    rows.add(new Row(line, fields));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("reading a string does not fail", e);
            }
        }

        private CSVRecord next(Iterator<CSVRecord> records, CSVParser parser, int line) {
            try {
                return records.hasNext() ? records.next() : null;
            } catch (UncheckedIOException e) {
                if (String.valueOf(e.getCause().getMessage()).contains("EOF reached before encapsulated token")) {
                    throw new SampleCsvException(source, line, "quoted field is never closed; add the closing quote");
                }
                throw new SampleCsvException(source, (int) parser.getCurrentLineNumber(),
                        "unexpected character after a closing quote; expected a comma or line end");
            }
        }

        /** The text of a record that spans {@code lines} lines (at least one). */
        private String raw(CSVRecord record, int lines) {
            int start = (int) record.getCharacterPosition();
            int end = start;
            for (int i = 0; i < Math.max(1, lines) && end < text.length(); i++) {
                int lf = text.indexOf('\n', end);
                end = lf < 0 ? text.length() : lf + 1;
            }
            return text.substring(start, end);
        }

        /** Commons CSV reads a double quote inside an unquoted field as itself; RFC 4180 does not allow it. */
        private void checkQuotes(String raw, List<String> fields, int line) {
            for (String field : fields) {
                if (field.indexOf('"') >= 0 && !raw.contains(FORMAT.format(field))) {
                    throw new SampleCsvException(source, line,
                            "double quote inside an unquoted field; enclose the field in quotes and double the quote");
                }
            }
        }
    }
}
