package dev.vbench.results.claims;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClaimsFileTest {
    private static final String EXAMPLE = """
            claims:
              - id: virtio-disk-randread
                text: virtio disk gives at least 1.5x the random-read IOPS of IDE
                baseline: ide-wt-e1000
                candidate: virtio-wt-e1000
                workload: randread-4k
                metric: read_iops
                min_gain: 1.5
              - id: virtio-net
                baseline: ide-wt-e1000
                candidate: ide-wt-virtio
                workload: tcp-stream
                metric: throughput
                min_gain: 2
            """;

    @TempDir
    Path tmp;

    @Test
    void readsTheIssueExample() throws IOException {
        Path file = tmp.resolve("claims.yaml");
        Files.writeString(file, EXAMPLE);
        assertThat(ClaimsFile.read(file)).containsExactly(
                new Claim("virtio-disk-randread", "virtio disk gives at least 1.5x the random-read IOPS of IDE",
                        "ide-wt-e1000", "virtio-wt-e1000", "randread-4k", "read_iops", 1.5),
                new Claim("virtio-net", "ide-wt-virtio gives at least 2x the throughput of ide-wt-e1000 on tcp-stream",
                        "ide-wt-e1000", "ide-wt-virtio", "tcp-stream", "throughput", 2));
    }

    @Test
    void anEmptyListIsNoClaims() {
        assertThat(ClaimsFile.parse("claims: []\n", "c.yaml")).isEmpty();
    }

    @Test
    void errorsNameFileLineKeyAndProblem() {
        assertError("", "c.yaml:1: claims: missing; the file must be a mapping with the key 'claims' holding a list");
        assertError("- a\n", "c.yaml:1: claims: missing; the file must be a mapping with the key 'claims' holding a list");
        assertError("claim: []\n", "c.yaml:1: claim: unknown key; the only top-level key is 'claims'");
        assertError("claims: 3\n", "c.yaml:1: claims: must be a list of claims (use [] for none)");
        assertError("claims:\n", "c.yaml:1: claims: must be a list of claims (use [] for none)");
        assertError("claims:\n  - just text\n",
                "c.yaml:2: claims: each claim must be a mapping with the keys id, text, baseline, candidate, workload, "
                        + "metric, min_gain");
        assertError(EXAMPLE.replace("    metric: throughput\n", "    metric: throughput\n    metirc: x\n"),
                "c.yaml:14: metirc: unknown key; allowed: id, text, baseline, candidate, workload, metric, min_gain");
        assertError(EXAMPLE.replace("    workload: tcp-stream\n", ""), "c.yaml:9: workload: missing; every claim needs workload");
        assertError(EXAMPLE.replace("    min_gain: 2\n", ""),
                "c.yaml:9: min_gain: missing; give the smallest gain that supports the claim, e.g. 1.5");
        assertError(EXAMPLE.replace("min_gain: 2", "min_gain: 2x"), "c.yaml:14: min_gain: must be a number above 0, e.g. 1.5; got '2x'");
        assertError(EXAMPLE.replace("min_gain: 2", "min_gain: -1"), "c.yaml:14: min_gain: must be a number above 0, e.g. 1.5; got -1");
        assertError(EXAMPLE.replace("min_gain: 2", "min_gain: [2]"), "c.yaml:14: min_gain: must be a number above 0, e.g. 1.5; got a list");
        assertError(EXAMPLE.replace("metric: throughput", "metric:"), "c.yaml:13: metric: must be a single value, not empty, a list or a mapping");
        assertError(EXAMPLE.replace("metric: throughput", "metric: [a, b]"), "c.yaml:13: metric: must be a single value, not empty, a list or a mapping");
        assertError(EXAMPLE.replace("id: virtio-net", "id: virtio-disk-randread"),
                "c.yaml:9: id: duplicate id 'virtio-disk-randread' (first at line 2); give each claim its own id");
        assertError(EXAMPLE.replace("id: virtio-net", "id: \"virtio net\""),
                "c.yaml:9: id: 'virtio net' must start with a letter or digit and hold only letters, digits, '.', '_' and '-'");
        assertError(EXAMPLE.replace("candidate: ide-wt-virtio", "candidate: ide-wt-e1000"),
                "c.yaml:9: candidate: same as baseline 'ide-wt-e1000'; a claim compares two different variants");
        assertError(EXAMPLE.replace("    metric: throughput\n", "    metric: throughput\n    metric: iops\n"),
                "c.yaml:14: metric: given twice in one claim; keep one");
        assertError(EXAMPLE + "claims: []\n", "c.yaml:15: claims: given twice; keep one list");
    }

    @Test
    void yamlSyntaxErrorsKeepTheirLineAndProblem() {
        assertError("claims:\n  - id: a\n    baseline: b: c\n", "c.yaml:3: syntax: mapping values are not allowed here");
        assertError("claims:\n  - id: a\n\tbaseline: b\n", "c.yaml:3: syntax: while scanning for the next token: "
                + "found character '\\t(TAB)' that cannot start any token. (Do not use \\t(TAB) for indentation)");
        assertError("claims:\n  - id: \"abc\n", "c.yaml:3: syntax: while scanning a quoted scalar: "
                + "found unexpected end of stream");
    }

    private static void assertError(String text, String message) {
        assertThatThrownBy(() -> ClaimsFile.parse(text, "c.yaml")).isInstanceOf(ClaimsFileException.class)
                .hasMessage(message);
    }
}
