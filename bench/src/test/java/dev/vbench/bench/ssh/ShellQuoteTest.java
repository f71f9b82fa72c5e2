package dev.vbench.bench.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShellQuoteTest {
    /** Arguments a shell would otherwise expand, split, redirect or run. */
    static final List<String> NASTY = List.of("a b", "it's", "'", "''", "a'b'c", "$(touch PWNED)", "`touch PWNED`",
            "4k; touch PWNED", "x && touch PWNED", "| touch PWNED", ">PWNED", "*", "?", "[a]", "~", "~root", "$HOME",
            "${HOME}", "\"double\"", "back\\slash", "tab\there", "new\nline", "", " ", "-n", "!", "#hash", "{a,b}",
            "a=b", "ünïcödé", "\\'", "%s");

    @Test
    void leavesPlainArgumentsAloneAndQuotesTheRest() {
        assertThat(ShellQuote.join(List.of("fio", "--name=x", "--bs=4k", "/dev/vdb")))
                .isEqualTo("fio --name=x --bs=4k /dev/vdb");
        assertThat(ShellQuote.join(List.of("echo", "it's", "a b", "")))
                .isEqualTo("echo 'it'\\''s' 'a b' ''");
        assertThat(ShellQuote.quote("$(id)")).isEqualTo("'$(id)'");
    }

    @Test
    void quotesAnAssignmentInCommandPosition() {
        assertThat(ShellQuote.join(List.of("A=1", "A=1"))).isEqualTo("'A=1' A=1");
    }

    @Test
    void rejectsWhatNoArgumentVectorCanCarry() {
        assertThatThrownBy(() -> ShellQuote.join(List.of())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("empty command");
        assertThatThrownBy(() -> ShellQuote.join(List.of("echo", "a\0b"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("NUL");
    }

    @Test
    void aRealShellSeesExactlyTheOriginalArguments(@TempDir Path dir) throws Exception {
        for (String shell : List.of("/bin/sh", "/bin/bash")) {
            if (!Files.isExecutable(Path.of(shell))) {
                continue;
            }
            List<String> argv = new ArrayList<>(List.of("printf", "%s\\0"));
            argv.addAll(NASTY);
            Process process = new ProcessBuilder(shell, "-c", ShellQuote.join(argv)).directory(dir.toFile())
                    .redirectErrorStream(true).start();
            byte[] out = process.getInputStream().readAllBytes();
            assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).isZero();
            assertThat(splitNul(out)).as(shell).containsExactlyElementsOf(NASTY);
            assertThat(dir.resolve("PWNED")).as(shell + " ran an injected command").doesNotExist();
        }
    }

    static List<String> splitNul(byte[] out) throws IOException {
        List<String> values = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < out.length; i++) {
            if (out[i] == 0) {
                values.add(new String(out, start, i - start, StandardCharsets.UTF_8));
                start = i + 1;
            }
        }
        if (start != out.length) {
            throw new IOException("output does not end with NUL: " + new String(out, StandardCharsets.UTF_8));
        }
        return values;
    }
}
