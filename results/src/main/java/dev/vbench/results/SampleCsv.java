package dev.vbench.results;

import dev.vbench.results.metric.MetricCatalog;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Reads and writes {@code results.csv} through Apache Commons CSV: UTF-8, one {@link Sample} a record, RFC 4180
 * quoting (a field holding a comma, a double quote or a line break is enclosed in double quotes, its double quotes
 * doubled), lines ending in LF. The first six columns are exactly {@code variant,workload,metric,unit,rep,value};
 * vbench writes a seventh, {@code boot} (1 or more), and reads it when the header names it there (a file without it
 * holds samples of boot 1); a file may carry more columns after them, which reading ignores. Values are written with
 * {@link DecimalText#shortest(double)}, so they read back exactly and never depend on the default locale. Reading
 * streams the file one record at a time ({@link CsvRecords}), accepts LF and CRLF line ends and a leading
 * byte-order mark; every problem is reported as {@code file:line: problem} with the fix.
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
        try (CsvRecords records = CsvRecords.of(file, FORMAT)) {
            return samples(records);
        }
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
        try (CsvRecords records = CsvRecords.of(text, source, FORMAT)) {
            return samples(records);
        }
    }

    /** The samples of {@code records}, read one record at a time. */
    private static List<Sample> samples(CsvRecords records) {
        CsvRecords.Row header = records.next();
        if (header == null) {
            throw new SampleCsvException(records.source(), 1, "empty file; expected the header "
                    + String.join(",", HEADER));
        }
        if (!isHeader(header.fields())) {
            throw new SampleCsvException(records.source(), header.line(), "header must start with "
                    + String.join(",", HEADER) + ", got " + String.join(",", header.fields()));
        }
        boolean boots = BootColumn.in(header.fields());
        List<Sample> samples = new ArrayList<>();
        for (CsvRecords.Row row = records.next(); row != null; row = records.next()) {
            samples.add(toSample(row, records.source(), boots));
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

    private static Sample toSample(CsvRecords.Row row, String source, boolean boots) {
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
        CsvRecords.Row first;
        try (CsvRecords records = CsvRecords.of(file, FORMAT)) {
            first = records.next();
        } catch (SampleCsvException e) {
            first = null;
        }
        if (first == null || !isHeader(first.fields())) {
            throw new SampleCsvException(file.toString(), 1, "cannot append: the file does not start with the header "
                    + String.join(",", HEADER) + "; choose a new file");
        }
        return BootColumn.in(first.fields());
    }

    private static boolean endsWithLineFeed(Path file) throws IOException {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
            raf.seek(raf.length() - 1);
            return raf.read() == '\n';
        }
    }
}
