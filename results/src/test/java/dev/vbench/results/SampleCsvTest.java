package dev.vbench.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleCsvTest {
    private static final String HEADER = "variant,workload,metric,unit,rep,value\n";
    private static final String WRITTEN = "variant,workload,metric,unit,rep,value,boot\n";

    @TempDir
    Path tmp;

    @Test
    void writesHeaderAndQuotesOnlyWhatRfc4180Requires() {
        List<Sample> samples = List.of(
                new Sample("virtio-wt-e1000", "randread-4k", "read_iops", "IO/s", 1, 5181.0),
                new Sample("odd,name", "say \"hi\"", "multi\nline", "B/s", 2, 0.1));
        assertThat(SampleCsv.format(samples)).isEqualTo(WRITTEN
                + "virtio-wt-e1000,randread-4k,read_iops,IO/s,1,5181,1\n"
                + "\"odd,name\",\"say \"\"hi\"\"\",\"multi\nline\",B/s,2,0.1,1\n");
    }

    @Test
    void readsBackWhatItWrites() {
        List<Sample> samples = List.of(
                new Sample("a", "w", "m", "ns", 0, 1.0 / 3),
                new Sample("v-1.x", "w_2", "m3", " lead, say \"\"", 3, 1e300),
                new Sample("0", "z", "m_9", "multi\r\nline", 7, 2.5e-9, 12));
        assertThat(SampleCsv.parse(SampleCsv.format(samples), "x.csv")).isEqualTo(samples);
    }

    @Test
    void theBootColumnIsReadWhenTheHeaderNamesItAndIsOtherwiseBootOne() {
        assertThat(SampleCsv.parse(WRITTEN + "v,w,m,IO/s,1,5,3\n", "r.csv"))
                .containsExactly(new Sample("v", "w", "m", "IO/s", 1, 5, 3));
        assertThat(SampleCsv.parse(HEADER.strip() + ",host,boot\nv,w,m,IO/s,1,5,h,3\n", "r.csv"))
                .containsExactly(new Sample("v", "w", "m", "IO/s", 1, 5, 1));
        assertError(WRITTEN + "v,w,m,IO/s,1,5,0\n", "r.csv:2: boot: not a positive integer: '0' (boots are numbered "
                + "from 1)");
        assertError(WRITTEN + "v,w,m,IO/s,1,5\n", "r.csv:2: boot: not a positive integer: '' (boots are numbered "
                + "from 1)");
        assertError(WRITTEN + "v,w,m,IO/s,1,5,b2\n", "r.csv:2: boot: not a positive integer: 'b2' (boots are "
                + "numbered from 1)");
    }

    @Test
    void namesReadBackFollowTheGrammarTheyWereCreatedWith() {
        assertError(HEADER + "/home,w,m,IO/s,1,5\n", "r.csv:2: variant: '/home' is not a variant name; names match "
                + "[a-z0-9][a-z0-9._-]{0,47}");
        assertError(HEADER + "v,../x,m,IO/s,1,5\n", "r.csv:2: workload: '../x' is not a workload name; names match "
                + "[a-z0-9][a-z0-9._-]{0,47}");
        assertError(HEADER + "v,w,=cmd|' /c calc'!A0,IO/s,1,5\n", "r.csv:2: metric: '=cmd|' /c calc'!A0' is not a "
                + "metric name; names match [a-z][a-z0-9_]{0,63}");
    }

    @Test
    void cellsASpreadsheetWouldTakeForAFormulaAreNeutralised() {
        for (String formula : List.of("=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx")) {
            assertThat(SampleCsv.neutral(formula)).isEqualTo("'" + formula);
        }
        assertThat(SampleCsv.neutral("IO/s")).isEqualTo("IO/s");
        assertThat(SampleCsv.format(List.of(new Sample("a", "w", "m", "=HYPERLINK(\"x\")", 1, 2))))
                .isEqualTo(WRITTEN + "a,w,m,\"'=HYPERLINK(\"\"x\"\")\",1,2,1\n");
    }

    @Test
    void toleratesMoreColumnsCrlfAndAByteOrderMark() {
        String text = "\uFEFFvariant,workload,metric,unit,rep,value,host,note\r\n"
                + "v,w,m,IO/s,1,12.5,h1,\"x, y\"\r\n"
                + "v,w,m,IO/s,2,1e3\r\n";
        assertThat(SampleCsv.parse(text, "r.csv")).containsExactly(
                new Sample("v", "w", "m", "IO/s", 1, 12.5), new Sample("v", "w", "m", "IO/s", 2, 1000));
    }

    @Test
    void headerOnlyIsAnEmptySampleList() {
        assertThat(SampleCsv.parse(HEADER, "r.csv")).isEmpty();
    }

    @Test
    void badInputNamesFileLineAndProblem() {
        assertError("", "r.csv:1: empty file; expected the header variant,workload,metric,unit,rep,value");
        assertError("variant,workload,metric,rep,unit,value\n",
                "r.csv:1: header must start with variant,workload,metric,unit,rep,value, "
                        + "got variant,workload,metric,rep,unit,value");
        assertError(HEADER + "v,w,m,IO/s,1,5\nv,w,m,IO/s,2\n",
                "r.csv:3: expected at least 6 fields (variant,workload,metric,unit,rep,value), got 5");
        assertError(HEADER + "v,w,m,IO/s,one,5\n", "r.csv:2: rep: not a non-negative integer: 'one'");
        assertError(HEADER + "v,w,m,IO/s,-1,5\n", "r.csv:2: rep: not a non-negative integer: '-1'");
        assertError(HEADER + "v,w,m,IO/s,1,5.0.1\n", "r.csv:2: value: not a finite decimal number: '5.0.1'");
        assertError(HEADER + "v,w,m,IO/s,1,NaN\n", "r.csv:2: value: not a finite decimal number: 'NaN'");
        assertError(HEADER + "v,w,m,IO/s,1,1e999\n", "r.csv:2: value: not a finite decimal number: '1e999'");
        assertError(HEADER + "v,w,m,IO/s,1,3\nv,w,m,IO/s,2,-1.5\n", "r.csv:3: value: negative: '-1.5' (m in IO/s is"
                + " never below 0: vbench's metrics, rates, counts and percentages)");
        assertError(HEADER + "v,w,read_clat_p99,ns,1,-1\n", "r.csv:2: value: negative: '-1' (read_clat_p99 in ns is"
                + " never below 0: vbench's metrics, rates, counts and percentages)");
        assertThat(SampleCsv.parse(HEADER + "v,w,clock_offset,us,1,-3.25\n", "r.csv").get(0).value())
                .isEqualTo(-3.25);
        assertError(HEADER + "v,,m,IO/s,1,5\n", "r.csv:2: workload: must not be empty");
        assertError(HEADER + "v,w,m,IO/s,1,5\n\nv,w,m,IO/s,2,6\n", "r.csv:3: empty line; remove it");
        assertError(HEADER + "v,w,m,IO/s,1,5\n\"v,w,m,IO/s,2,6\n", "r.csv:3: quoted field is never closed; add the closing quote");
        assertError(HEADER + "v,w\"x,m,IO/s,1,5\n",
                "r.csv:2: double quote inside an unquoted field; enclose the field in quotes and double the quote");
        assertError(HEADER + "\"v\"x,w,m,IO/s,1,5\n",
                "r.csv:2: unexpected character after a closing quote; expected a comma or line end");
        assertError(HEADER + "\"multi\nline\",w,m,IO/s,x,5\n", "r.csv:2: rep: not a non-negative integer: 'x'");
        assertError(HEADER + "\"multi\nline\"x,w,m,IO/s,1,5\n",
                "r.csv:3: unexpected character after a closing quote; expected a comma or line end");
        assertError(HEADER + "v,w,m,\"multi\nline\",1,5\nv,\"w\"\"q\",m\"x,IO/s,1,5\n",
                "r.csv:4: double quote inside an unquoted field; enclose the field in quotes and double the quote");
        assertError(HEADER + "v,w,m,IO/s,1,5\nv,w,m,IO/s,2,6\n\"v,w,m,IO/s,3,7\n",
                "r.csv:4: quoted field is never closed; add the closing quote");
        assertError(HEADER + "v,w,m,IO/s,1234567890,5\n", "r.csv:2: rep: not a non-negative integer: '1234567890'");
        assertError(HEADER + "a,w,m,IO/s,1,5\na,w,m,\"multi\nline\",1,5\nb,w,m,IO/s,z,5\n",
                "r.csv:5: rep: not a non-negative integer: 'z'");
    }

    @Test
    void readNamesTheFileAndRejectsNonUtf8() throws IOException {
        Path file = tmp.resolve("results.csv");
        Files.write(file, (HEADER + "v,w,m,IO/s,1,\u00e9\n").getBytes(StandardCharsets.ISO_8859_1));
        assertThatThrownBy(() -> SampleCsv.read(file)).isInstanceOf(SampleCsvException.class)
                .hasMessage(file + ":2: not UTF-8 text; save the file as UTF-8");
        Files.writeString(file, HEADER + "v,w,m,IO/s,1,x\n");
        assertThatThrownBy(() -> SampleCsv.read(file)).isInstanceOf(SampleCsvException.class)
                .hasMessage(file + ":2: value: not a finite decimal number: 'x'")
                .satisfies(e -> assertThat(((SampleCsvException) e).line()).isEqualTo(2));
    }

    @Test
    void aLargeFileIsReadAsAStreamAndItsErrorsKeepTheirLines() throws IOException {
        Path file = tmp.resolve("results.csv");
        int rows = 200_000;
        try (var out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("\uFEFF" + HEADER);
            for (int i = 1; i <= rows; i++) {
                out.write(i % 1000 == 0 ? "v,w,m,\"odd,\"\"unit\"\"\nline\"," + i + ",1.5\r\n"
                        : "v,w,m,IO/s," + i + "," + i + ".25\n");
            }
            out.write("\n  \n");
        }
        List<Sample> samples = SampleCsv.read(file);
        assertThat(samples).hasSize(rows);
        assertThat(samples.get(rows - 1)).isEqualTo(new Sample("v", "w", "m", "odd,\"unit\"\nline", rows, 1.5));
        assertThat(samples.get(rows - 2).value()).isEqualTo(199_999.25);

        // after the header, the rows and the 200 second lines of two-line records: the empty line
        Files.writeString(file, "v,w,m,IO/s,1,x\n", StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
        assertThatThrownBy(() -> SampleCsv.read(file)).isInstanceOf(SampleCsvException.class)
                .hasMessage(file + ":" + (1 + rows + rows / 1000 + 1) + ": empty line; remove it");
    }

    @Test
    void bytesThatAreNotUtf8AreReportedOnTheirLineFarIntoAFile() throws IOException {
        Path file = tmp.resolve("results.csv");
        StringBuilder text = new StringBuilder(HEADER);
        for (int i = 1; i < 5000; i++) {
            text.append("v,w,m,IO/s,").append(i).append(",1\n");
        }
        byte[] good = text.toString().getBytes(StandardCharsets.UTF_8);
        byte[] bad = "v,w,\u00e9,IO/s,1,1\n".getBytes(StandardCharsets.ISO_8859_1);
        byte[] all = java.util.Arrays.copyOf(good, good.length + bad.length);
        System.arraycopy(bad, 0, all, good.length, bad.length);
        Files.write(file, all);
        assertThatThrownBy(() -> SampleCsv.read(file)).isInstanceOf(SampleCsvException.class)
                .hasMessage(file + ":5001: not UTF-8 text; save the file as UTF-8");
        Files.write(file, java.util.Arrays.copyOf(good, good.length + 1));
        assertThatThrownBy(() -> SampleCsv.read(file)).as("a NUL is UTF-8, but no samples line")
                .isInstanceOf(SampleCsvException.class).hasMessageStartingWith(file + ":5001: expected at least 6");
        Files.write(file, java.util.Arrays.copyOf(all, all.length - 1));
        assertThatThrownBy(() -> SampleCsv.read(file)).isInstanceOf(SampleCsvException.class)
                .hasMessage(file + ":5001: not UTF-8 text; save the file as UTF-8");
        Files.write(file, new byte[] {'v', ',', (byte) 0xc3});
        assertThatThrownBy(() -> SampleCsv.read(file)).as("cut inside a character")
                .isInstanceOf(SampleCsvException.class).hasMessage(file + ":1: not UTF-8 text; save the file as UTF-8");
    }

    @Test
    void appendWritesTheHeaderOnlyForANewOrEmptyFile() throws IOException {
        Path file = tmp.resolve("results.csv");
        SampleCsv.append(file, List.of(new Sample("v", "w", "m", "IO/s", 1, 1)));
        SampleCsv.append(file, List.of(new Sample("v", "w", "m", "IO/s", 2, 2, 2)));
        assertThat(Files.readString(file)).isEqualTo(WRITTEN + "v,w,m,IO/s,1,1,1\nv,w,m,IO/s,2,2,2\n");

        Path empty = Files.createFile(tmp.resolve("empty.csv"));
        SampleCsv.append(empty, List.of(new Sample("v", "w", "m", "IO/s", 1, 1)));
        assertThat(Files.readString(empty)).isEqualTo(WRITTEN + "v,w,m,IO/s,1,1,1\n");
    }

    @Test
    void appendKeepsTheColumnsOfAFileWithoutBoots() throws IOException {
        Path file = tmp.resolve("results.csv");
        Files.writeString(file, HEADER + "v,w,m,IO/s,1,1\n");
        SampleCsv.append(file, List.of(new Sample("v", "w", "m", "IO/s", 2, 2)));
        assertThat(Files.readString(file)).isEqualTo(HEADER + "v,w,m,IO/s,1,1\nv,w,m,IO/s,2,2\n");
        assertThatThrownBy(() -> SampleCsv.append(file, List.of(new Sample("v", "w", "m", "IO/s", 3, 3, 2))))
                .isInstanceOf(SampleCsvException.class).hasMessage(file + ":1: cannot append samples of boot 2 or "
                        + "later: the header has no boot column after value; choose a new file");
        assertThat(Files.readString(file)).isEqualTo(HEADER + "v,w,m,IO/s,1,1\nv,w,m,IO/s,2,2\n");
    }

    @Test
    void appendCompletesAMissingFinalLineEnd() throws IOException {
        Path file = tmp.resolve("results.csv");
        Files.writeString(file, HEADER + "v,w,m,IO/s,1,1");
        SampleCsv.append(file, List.of(new Sample("v", "w", "m", "IO/s", 2, 2)));
        assertThat(SampleCsv.read(file)).hasSize(2);
    }

    @Test
    void appendRefusesAFileThatIsNotASamplesFile() throws IOException {
        Path file = tmp.resolve("other.csv");
        Files.writeString(file, "name,age\nbob,3\n");
        assertThatThrownBy(() -> SampleCsv.append(file, List.of(new Sample("v", "w", "m", "IO/s", 1, 1))))
                .isInstanceOf(SampleCsvException.class)
                .hasMessage(file + ":1: cannot append: the file does not start with the header "
                        + "variant,workload,metric,unit,rep,value; choose a new file");
        assertThat(Files.readString(file)).isEqualTo("name,age\nbob,3\n");
    }

    @Test
    void writeReplacesTheFile() throws IOException {
        Path file = tmp.resolve("results.csv");
        Files.writeString(file, "junk");
        SampleCsv.write(file, List.of(new Sample("v", "w", "m", "IO/s", 1, 1)));
        assertThat(Files.readString(file)).isEqualTo(WRITTEN + "v,w,m,IO/s,1,1,1\n");
    }

    private static void assertError(String text, String message) {
        assertThatThrownBy(() -> SampleCsv.parse(text, "r.csv")).isInstanceOf(SampleCsvException.class)
                .hasMessage(message);
    }
}
