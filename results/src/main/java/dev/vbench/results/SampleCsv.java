package dev.vbench.results;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads and writes {@code results.csv}: UTF-8, one {@link Sample} a record, lines ending in LF, fields quoted as
 * RFC 4180 says (a field holding a comma, a double quote, CR or LF is enclosed in double quotes, and its double
 * quotes are doubled). The first six columns are exactly {@code variant,workload,metric,unit,rep,value}; a file
 * may carry more columns after them, which reading ignores. Values are written with {@link
 * DecimalText#shortest(double)}, so they read back exactly and never depend on the default locale. Reading
 * accepts LF and CRLF line ends and a leading byte-order mark.
 */
public final class SampleCsv {
    /** The first six columns, in this order, of every samples file. */
    public static final List<String> HEADER = List.of("variant", "workload", "metric", "unit", "rep", "value");

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
        StringBuilder out = new StringBuilder(String.join(",", HEADER)).append('\n');
        for (Sample sample : samples) {
            out.append(row(sample)).append('\n');
        }
        return out.toString();
    }

    /**
     * One record, without line end.
     *
     * @param sample the sample
     * @return e.g. {@code virtio-wt-e1000,randread-4k,read_iops,IO/s,1,5181}
     */
    public static String row(Sample sample) {
        return String.join(",", quote(sample.variant()), quote(sample.workload()), quote(sample.metric()),
                quote(sample.unit()), Integer.toString(sample.rep()), DecimalText.shortest(sample.value()));
    }

    /**
     * Writes a new samples file, replacing any existing one.
     *
     * @param file    the file
     * @param samples the samples
     * @throws IOException when the file cannot be written
     */
    public static void write(Path file, List<Sample> samples) throws IOException {
        Files.writeString(file, format(samples), StandardCharsets.UTF_8);
    }

    /**
     * Appends samples to a samples file, writing the header first only when the file is missing or empty. An
     * existing file must start with the samples header; a missing final line end is added first.
     *
     * @param file    the file, created when missing
     * @param samples samples to append
     * @throws IOException        when the file cannot be read or written
     * @throws SampleCsvException when the existing file does not start with the samples header
     */
    public static void append(Path file, List<Sample> samples) throws IOException {
        StringBuilder out = new StringBuilder();
        if (!Files.exists(file) || Files.size(file) == 0) {
            out.append(String.join(",", HEADER)).append('\n');
        } else {
            checkExistingHeader(file);
            if (!endsWithLineFeed(file)) {
                out.append('\n');
            }
        }
        for (Sample sample : samples) {
            out.append(row(sample)).append('\n');
        }
        Files.writeString(file, out, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND,
                StandardOpenOption.WRITE);
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
            text = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
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
        List<Record> records = new RecordReader(text, source).readAll();
        if (records.isEmpty()) {
            throw new SampleCsvException(source, 1, "empty file; expected the header " + String.join(",", HEADER));
        }
        Record header = records.get(0);
        if (header.fields().size() < HEADER.size() || !header.fields().subList(0, HEADER.size()).equals(HEADER)) {
            throw new SampleCsvException(source, header.line(), "header must start with " + String.join(",", HEADER)
                    + ", got " + String.join(",", header.fields()));
        }
        List<Sample> samples = new ArrayList<>(records.size() - 1);
        for (Record record : records.subList(1, records.size())) {
            samples.add(toSample(record, source));
        }
        return samples;
    }

    private static Sample toSample(Record record, String source) {
        List<String> fields = record.fields();
        if (fields.size() < HEADER.size()) {
            throw new SampleCsvException(source, record.line(), "expected at least " + HEADER.size() + " fields ("
                    + String.join(",", HEADER) + "), got " + fields.size());
        }
        for (int i = 0; i < 4; i++) {
            if (fields.get(i).isBlank()) {
                throw new SampleCsvException(source, record.line(), HEADER.get(i) + ": must not be empty");
            }
        }
        String rep = fields.get(4);
        if (!REP.matcher(rep).matches()) {
            throw new SampleCsvException(source, record.line(), "rep: not a non-negative integer: '" + rep + "'");
        }
        String value = fields.get(5);
        double parsed = DECIMAL.matcher(value).matches() ? Double.parseDouble(value) : Double.NaN;
        if (!Double.isFinite(parsed)) {
            throw new SampleCsvException(source, record.line(), "value: not a finite decimal number: '" + value + "'");
        }
        return new Sample(fields.get(0), fields.get(1), fields.get(2), fields.get(3), Integer.parseInt(rep), parsed);
    }

    private static String quote(String field) {
        if (field.indexOf(',') < 0 && field.indexOf('"') < 0 && field.indexOf('\r') < 0 && field.indexOf('\n') < 0) {
            return field;
        }
        return '"' + field.replace("\"", "\"\"") + '"';
    }

    private static void checkExistingHeader(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        int end = text.indexOf('\n');
        String firstLine = end < 0 ? text : text.substring(0, end + 1);
        List<Record> header = new RecordReader(firstLine, file.toString()).readAll();
        if (header.isEmpty() || header.get(0).fields().size() < HEADER.size()
                || !header.get(0).fields().subList(0, HEADER.size()).equals(HEADER)) {
            throw new SampleCsvException(file.toString(), 1, "cannot append: the file does not start with the header "
                    + String.join(",", HEADER) + "; choose a new file");
        }
    }

    private static boolean endsWithLineFeed(Path file) throws IOException {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
            raf.seek(raf.length() - 1);
            return raf.read() == '\n';
        }
    }

    /** One CSV record and the line it starts on. */
    private record Record(int line, List<String> fields) {
    }

    /** RFC 4180 record splitter that reports the line of each record. */
    private static final class RecordReader {
        private final String text;
        private final String source;
        private int pos;
        private int line = 1;

        RecordReader(String text, String source) {
            this.text = text.startsWith("\uFEFF") ? text.substring(1) : text;
            this.source = source;
        }

        List<Record> readAll() {
            List<Record> records = new ArrayList<>();
            while (pos < text.length()) {
                int start = line;
                List<String> fields = readRecord();
                if (fields.size() == 1 && fields.get(0).isEmpty()) {
                    if (!text.substring(pos).isBlank()) {
                        throw new SampleCsvException(source, start, "empty line; remove it");
                    }
                    break;
                }
                records.add(new Record(start, fields));
            }
            return records;
        }

        private List<String> readRecord() {
            List<String> fields = new ArrayList<>();
            while (true) {
                fields.add(peek() == '"' ? readQuoted() : readPlain());
                if (pos >= text.length()) {
                    return fields;
                }
                char c = text.charAt(pos);
                if (c == ',') {
                    pos++;
                } else {
                    endOfLine();
                    return fields;
                }
            }
        }

        private String readPlain() {
            int begin = pos;
            while (pos < text.length()) {
                char c = text.charAt(pos);
                if (c == ',' || c == '\n' || c == '\r') {
                    break;
                }
                if (c == '"') {
                    throw new SampleCsvException(source, line,
                            "double quote inside an unquoted field; enclose the field in quotes and double the quote");
                }
                pos++;
            }
            return text.substring(begin, pos);
        }

        private String readQuoted() {
            int startLine = line;
            pos++;
            StringBuilder field = new StringBuilder();
            while (true) {
                if (pos >= text.length()) {
                    throw new SampleCsvException(source, startLine, "quoted field is never closed; add the closing quote");
                }
                char c = text.charAt(pos++);
                if (c == '"') {
                    if (peek() == '"') {
                        field.append('"');
                        pos++;
                    } else {
                        char next = peek();
                        if (next != ',' && next != '\n' && next != '\r' && next != 0) {
                            throw new SampleCsvException(source, line,
                                    "unexpected '" + next + "' after a closing quote; expected a comma or line end");
                        }
                        return field.toString();
                    }
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    field.append(c);
                }
            }
        }

        private void endOfLine() {
            if (text.charAt(pos) == '\r') {
                if (pos + 1 >= text.length() || text.charAt(pos + 1) != '\n') {
                    throw new SampleCsvException(source, line, "carriage return without line feed; use LF or CRLF");
                }
                pos++;
            }
            pos++;
            line++;
        }

        private char peek() {
            return pos < text.length() ? text.charAt(pos) : 0;
        }
    }
}
