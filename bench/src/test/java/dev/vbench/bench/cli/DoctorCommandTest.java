package dev.vbench.bench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code vbench doctor} on a host without a lab: every problem is one FAIL line with its fix, exit 3. */
class DoctorCommandTest {
    @TempDir
    Path home;

    @Test
    void missingLabAndUnreachableLibvirtAreReportedWithTheirFixes() {
        String saved = System.getProperty("vbench.home");
        System.setProperty("vbench.home", home.toString());
        try {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            var cmd = Main.commandLine();
            cmd.setOut(new PrintWriter(out, true));
            cmd.setErr(new PrintWriter(err, true));
            int code = cmd.execute("doctor", "--connect", "qemu+tcp://127.0.0.1:1/system");
            assertThat(code).isEqualTo(ExitCode.PROVISIONING);
            assertThat(err.toString()).isEmpty();
            String text = out.toString();
            assertThat(text).containsPattern("(?m)^image\\s+FAIL .*scripts/lab up");
            assertThat(text).containsPattern("(?m)^ssh key\\s+FAIL .*scripts/lab up");
            assertThat(text).containsPattern("(?m)^libvirt\\s+FAIL .*qemu\\+tcp://127\\.0\\.0\\.1:1/system");
            assertThat(text).doesNotContain("Exception");
            assertThat(text.lines()).allMatch(l -> l.matches("\\S+( \\S+)?\\s+(OK|FAIL)\\s+.+"));
        } finally {
            if (saved == null) {
                System.clearProperty("vbench.home");
            } else {
                System.setProperty("vbench.home", saved);
            }
        }
    }
}
