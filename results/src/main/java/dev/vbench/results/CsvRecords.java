package dev.vbench.results;

import java.io.FilterReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The records of a CSV text as Commons CSV splits them, read one at a time from a stream (a file is never read
 * whole), each with the line it starts on. Turns the library's complaints, and what it tolerates but RFC 4180
 * forbids, into {@code file:line: problem} messages: bytes that are not UTF-8, a quoted field never closed, a
 * character after a closing quote, a double quote inside an unquoted field, an empty line before more records. A
 * leading byte-order mark is skipped; empty or blank lines at the end are not records.
 */
final class CsvRecords implements AutoCloseable {
    /** One CSV record and the line it starts on. */
    record Row(int line, List<String> fields) {
    }

    private final String source;
    private final Recorder text;
    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private final CSVFormat format;

    private CsvRecords(Reader reader, String source, CSVFormat format) throws IOException {
        this.source = source;
        this.format = format;
        this.text = new Recorder(reader);
        this.parser = CSVParser.parse(text, format);
        this.records = parser.iterator();
    }

    /** The records of {@code file}, decoded as strict UTF-8. */
    static CsvRecords of(Path file, CSVFormat format) throws IOException {
        return new CsvRecords(new Utf8Reader(Files.newInputStream(file)), file.toString(), format);
    }

    /** The records of {@code text}, named {@code source} in messages. */
    static CsvRecords of(String text, String source, CSVFormat format) {
        try {
            return new CsvRecords(new StringReader(text), source, format);
        } catch (IOException e) {
            throw new UncheckedIOException("reading a string does not fail", e);
        }
    }

    /**
     * The next record, or null at the end.
     *
     * @throws SampleCsvException when the text is not RFC 4180 CSV in UTF-8 (message {@code file:line: problem})
     */
    Row next() {
        Row row = read();
        if (row == null || !row.fields().equals(List.of(""))) {
            return row;
        }
        // an empty line: only blank lines may follow it
        int empty = row.line();
        try {
            for (Row after = read(); after != null; after = read()) {
                if (after.fields().size() != 1 || !after.fields().get(0).isBlank()) {
                    throw new SampleCsvException(source, empty, "empty line; remove it");
                }
            }
        } catch (SampleCsvException e) {
            throw e.line() == empty ? e : new SampleCsvException(source, empty, "empty line; remove it");
        }
        return null;
    }

    private Row read() {
        int line = (int) parser.getCurrentLineNumber() + 1;
        CSVRecord record;
        try {
            record = records.hasNext() ? records.next() : null;
        } catch (UncheckedIOException e) {
            throw problem(e.getCause(), line);
        }
        if (record == null) {
            return null;
        }
        List<String> fields = record.toList();
        if (fields.stream().anyMatch(f -> f.indexOf('"') >= 0)) {
            String raw = text.raw(record.getCharacterPosition(), (int) parser.getCurrentLineNumber() - line + 1);
            for (String field : fields) {
                if (field.indexOf('"') >= 0 && !raw.contains(format.format(field))) {
                    throw new SampleCsvException(source, line,
                            "double quote inside an unquoted field; enclose the field in quotes and double the quote");
                }
            }
        }
        text.forgetBefore(record.getCharacterPosition());
        return new Row(line, fields);
    }

    private SampleCsvException problem(Throwable cause, int line) {
        if (cause instanceof NotUtf8 notUtf8) {
            return new SampleCsvException(source, notUtf8.line, "not UTF-8 text; save the file as UTF-8");
        }
        if (cause != null && String.valueOf(cause.getMessage()).contains("EOF reached before encapsulated token")) {
            return new SampleCsvException(source, line, "quoted field is never closed; add the closing quote");
        }
        return new SampleCsvException(source, (int) parser.getCurrentLineNumber(),
                "unexpected character after a closing quote; expected a comma or line end");
    }

    /** The file name or description used in messages. */
    String source() {
        return source;
    }

    @Override
    public void close() {
        try {
            parser.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close " + source + ": " + e.getMessage(), e);
        }
    }

    /**
     * Keeps the characters read through it from the oldest record still wanted on (so a record's raw text can be
     * looked at, which Commons CSV does not give), never the whole text; skips a leading byte-order mark.
     */
    private static final class Recorder extends FilterReader {
        private static final int FORGET_CHARS = 64 * 1024;
        private final StringBuilder kept = new StringBuilder();
        private long keptFrom;
        private boolean started;

        Recorder(Reader in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            char[] one = new char[1];
            return read(one, 0, 1) < 0 ? -1 : one[0];
        }

        @Override
        public int read(char[] buffer, int off, int len) throws IOException {
            int n = super.read(buffer, off, len);
            if (n > 0 && !started) {
                started = true;
                if (buffer[off] == '\uFEFF') {
                    System.arraycopy(buffer, off + 1, buffer, off, --n);
                    if (n == 0) {
                        return read(buffer, off, len);
                    }
                }
            }
            if (n > 0) {
                kept.append(buffer, off, n);
            }
            return n;
        }

        /** The text from character {@code from} on, through {@code lines} line ends (or to what was read). */
        String raw(long from, int lines) {
            int start = (int) (from - keptFrom);
            int end = start;
            for (int i = 0; i < Math.max(1, lines) && end < kept.length(); i++) {
                int lf = kept.indexOf("\n", end);
                end = lf < 0 ? kept.length() : lf + 1;
            }
            return kept.substring(start, end);
        }

        /** Drops what comes before character {@code position} (once that is much, so each is copied once). */
        void forgetBefore(long position) {
            int drop = (int) (position - keptFrom);
            if (drop > FORGET_CHARS && drop > kept.length() / 2) {
                kept.delete(0, drop);
                keptFrom = position;
            }
        }
    }

    /** The line of a file on which its bytes stop being UTF-8. */
    private static final class NotUtf8 extends CharacterCodingException {
        private static final long serialVersionUID = 1L;
        private final int line;

        NotUtf8(int line) {
            this.line = line;
        }
    }

    /**
     * Strict UTF-8 text of a stream: the characters before a malformed byte are delivered first, then the read
     * fails with {@link NotUtf8} naming the line the byte is on (a {@code java.io.InputStreamReader} loses both).
     */
    private static final class Utf8Reader extends Reader {
        private final InputStream in;
        private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder();
        private final ByteBuffer bytes = ByteBuffer.allocate(8192).flip();
        private int line = 1;
        private boolean eof;
        private boolean done;
        private boolean malformed;

        Utf8Reader(InputStream in) {
            this.in = in;
        }

        @Override
        public int read(char[] buffer, int off, int len) throws IOException {
            if (malformed) {
                throw new NotUtf8(line);
            }
            if (done) {
                return -1;
            }
            CharBuffer out = CharBuffer.wrap(buffer, off, len);
            while (out.position() == off && len > 0) {
                CoderResult result = decoder.decode(bytes, out, eof);
                if (result.isError()) {
                    malformed = true;
                    break;
                }
                done = eof && result.isUnderflow();
                if (result.isOverflow() || out.position() > off) {
                    break;
                }
                if (done) {
                    return -1;
                }
                bytes.compact();
                int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
                eof = n < 0;
                bytes.position(bytes.position() + Math.max(0, n)).flip();
            }
            int n = out.position() - off;
            for (int i = off; i < off + n; i++) {
                line += buffer[i] == '\n' ? 1 : 0;
            }
            if (n == 0 && malformed) {
                throw new NotUtf8(line);
            }
            return n;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
