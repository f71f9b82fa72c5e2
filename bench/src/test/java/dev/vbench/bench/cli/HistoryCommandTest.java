package dev.vbench.bench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vbench.bench.run.HistoryRunDirs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code vbench history ...}, {@code vbench gate} without confirmation, over an SQLite file. */
class HistoryCommandTest {
    static final Instant T0 = Instant.parse("2026-11-01T01:30:00Z");

    @TempDir
    Path tmp;

    private Path night(int i, double level) throws Exception {
        return HistoryRunDirs.write(tmp.resolve("n" + i), "night-" + i, T0.plusSeconds(86_400L * i), "writeback",
                level, 0.03, 3, i);
    }

    private String db() {
        return tmp.resolve("history.db").toString();
    }

    @Test
    void ingestingTwiceChangesNothingAndRunsListsEachOnce() throws Exception {
        Cli.Result first = Cli.vbench("history", "ingest", "--history", db(), night(0, 1000).toString(),
                night(1, 1000).toString());
        assertThat(first.exit()).as(first.err()).isZero();
        assertThat(first.out()).contains("ingested night-0: 6 samples, 1 new series")
                .contains("ingested night-1: 6 samples, 0 new series");
        Cli.Result again = Cli.vbench("history", "ingest", "--history", db(), tmp.resolve("n0").toString());
        assertThat(again.out()).contains("already in the history: night-0 (nothing changed)");
        Cli.Result runs = Cli.vbench("history", "runs", "--history", db());
        assertThat(runs.out().lines()).hasSize(2).first().asString().startsWith("night-0  2026-11-01T01:30:00Z");
        assertThat(Cli.vbench("history", "runs", "--history", db(), "--since", "2026-11-02").out().lines())
                .hasSize(1);
    }

    @Test
    void aBadRunDirectoryIsExitTwoAndStoresNothing() throws Exception {
        Path empty = Files.createDirectory(tmp.resolve("empty"));
        Cli.Result r = Cli.vbench("history", "ingest", "--history", db(), night(0, 1000).toString(),
                empty.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err().lines()).hasSize(1).first().asString().startsWith("vbench: ").contains("run.json");
        assertThat(Cli.vbench("history", "runs", "--history", db()).out()).isEmpty();
    }

    @Test
    void anUnreachableDatabaseIsExitNine() {
        Cli.Result r = Cli.vbench("history", "runs", "--history",
                "jdbc:postgresql://127.0.0.1:1/nothing?user=u&password=secret&connectTimeout=2");
        assertThat(r.exit()).isEqualTo(9);
        assertThat(r.err()).doesNotContain("secret").doesNotContain("Exception");
    }

    @Test
    void annotateNamesTheSeriesByLabelAndRefusesUnknownRunsAndKinds() throws Exception {
        Cli.vbench("history", "ingest", "--history", db(), night(0, 1000).toString());
        Cli.Result ok = Cli.vbench("history", "annotate", "--history", db(), "--series", "lab1/v1/w1/write_iops",
                "--from", "night-0", "--reason", "QEMU upgrade", "--kind", "expected");
        assertThat(ok.exit()).as(ok.err()).isZero();
        assertThat(ok.out()).contains("annotated lab1/v1/w1/write_iops from night-0 as expected");
        assertThat(Cli.vbench("history", "annotate", "--history", db(), "--series", "*", "--from", "nope",
                "--reason", "x").exit()).isEqualTo(2);
        assertThat(Cli.vbench("history", "annotate", "--history", db(), "--series", "lab1/v1/w1/write_iops",
                "--from", "night-0", "--reason", "x", "--kind", "maybe").err()).contains("expected, outlier or");
        assertThat(Cli.vbench("history", "annotate", "--history", db(), "--series", "lab1/v9/w1/write_iops",
                "--from", "night-0", "--reason", "x").exit()).isEqualTo(2);
    }

    @Test
    void theGateFailsARegressionWithTwelveAndWritesGateJson() throws Exception {
        for (int i = 0; i < 8; i++) {
            Cli.vbench("history", "ingest", "--history", db(), night(i, 1000).toString());
        }
        Cli.Result pass = Cli.vbench("gate", "--history", db(), "--run", night(8, 1000).toString());
        assertThat(pass.exit()).as(pass.out() + pass.err()).isZero();
        assertThat(pass.out()).contains("gate night-8: 1 series tested, 0 without enough history, 0 suspected");
        Cli.Result fail = Cli.vbench("gate", "--history", db(), "--run", night(9, 650).toString());
        assertThat(fail.exit()).as(fail.out() + fail.err()).isEqualTo(12);
        assertThat(fail.out()).containsPattern("REGRESSION +lab1/v1/w1/write_iops: ");
        assertThat(Files.readString(tmp.resolve("n9/gate.json"))).contains("\"format\": \"vbench-gate\"")
                .contains("\"confirmed_regressions\": [\n    \"lab1/v1/w1/write_iops\"");
        Cli.Result report = Cli.vbench("history", "report", "--history", db(), "--out", tmp.resolve("trend")
                .toString());
        assertThat(report.exit()).as(report.err()).isZero();
        assertThat(tmp.resolve("trend/index.html")).exists();
        assertThat(Files.readString(tmp.resolve("trend/index.html"))).contains("lab1");
    }

    @Test
    void compareFindsRunIdsInTheHistory() throws Exception {
        Cli.vbench("history", "ingest", "--history", db(), night(0, 1000).toString(), night(1, 600).toString());
        Cli.Result r = Cli.vbench("compare", "night-0", tmp.resolve("n1").toString(), "--history", db(), "--out",
                tmp.resolve("cmp").toString());
        assertThat(r.exit()).as(r.err()).isEqualTo(13);
        assertThat(r.err()).contains("of run night-1 (B) with run night-0 (A)");
        Cli.Result unknown = Cli.vbench("compare", "night-7", "night-0", "--history", db(), "--out",
                tmp.resolve("cmp2").toString());
        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.err()).contains("night-7 is neither a run directory nor a run in the history");
    }
}
