package dev.vbench.bench.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vbench.results.claims.Claim;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Claims files: read by the reader that reads a plan's claims, with the same rules and messages. */
class ClaimsReaderTest {
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
        assertThat(ClaimsReader.read(file)).containsExactly(
                new Claim("virtio-disk-randread", "virtio disk gives at least 1.5x the random-read IOPS of IDE",
                        "ide-wt-e1000", "virtio-wt-e1000", "randread-4k", "read_iops", 1.5),
                new Claim("virtio-net", "ide-wt-virtio beats ide-wt-e1000 on throughput of tcp-stream by at least 2x",
                        "ide-wt-e1000", "ide-wt-virtio", "tcp-stream", "throughput", 2));
    }

    @Test
    void anEmptyListIsNoClaims() {
        assertThat(ClaimsReader.parse("claims: []\n", "c.yaml")).isEmpty();
    }

    @Test
    void errorsNameFileLineKeyAndProblem() {
        assertError("", "c.yaml:1: claims: missing (required; a claims file is a mapping with the key claims holding"
                + " a list of claims, e.g. claims: [])");
        assertError("- a\n", "c.yaml:1: expected a mapping with the key claims holding a list of claims, got a list");
        assertError("claim: []\n", "c.yaml:1: claim: unknown key (valid: claims); did you mean 'claims'?");
        assertError("claims: 3\n", "c.yaml:1: claims: expected a list of claims (use [] for none), got the integer '3'");
        assertError("claims:\n", "c.yaml:1: claims: missing (required; a list of claims, [] for none)");
        assertError("claims:\n  - just text\n", "c.yaml:2: claims[0]: expected a mapping {id, text, baseline,"
                + " candidate, workload, metric, min_gain}, got the text 'just text'");
        assertError(EXAMPLE.replace("    metric: throughput\n", "    metric: throughput\n    metirc: x\n"),
                "c.yaml:14: claims[1].metirc: unknown key (valid: id, text, baseline, candidate, workload, metric,"
                        + " min_gain); did you mean 'metric'?");
        assertError(EXAMPLE.replace("    workload: tcp-stream\n", ""),
                "c.yaml:9: claims[1].workload: missing (required; a workload name)");
        assertError(EXAMPLE.replace("    min_gain: 2\n", ""),
                "c.yaml:9: claims[1].min_gain: missing (required; e.g. min_gain: 1.2 for at least 20% better)");
        assertError(EXAMPLE.replace("min_gain: 2", "min_gain: 2x"),
                "c.yaml:14: claims[1].min_gain: expected a number, got the text '2x'");
        assertError(EXAMPLE.replace("min_gain: 2", "min_gain: -1"), "c.yaml:14: claims[1].min_gain: -1 is out of"
                + " range (valid: > 0 and <= 100, e.g. 1.2 for 'at least 20% better')");
        assertError(EXAMPLE.replace("min_gain: 2", "min_gain: 120"), "c.yaml:14: claims[1].min_gain: 120 is out of"
                + " range (valid: > 0 and <= 100, e.g. 1.2 for 'at least 20% better')");
        assertError(EXAMPLE.replace("min_gain: 2", "min_gain: [2]"),
                "c.yaml:14: claims[1].min_gain: expected a number, got a list");
        assertError(EXAMPLE.replace("metric: throughput", "metric:"),
                "c.yaml:13: claims[1].metric: missing (required; e.g. metric: read_iops)");
        assertError(EXAMPLE.replace("metric: throughput", "metric: [a, b]"),
                "c.yaml:13: claims[1].metric: expected a value, got a list");
        assertError(EXAMPLE.replace("metric: throughput", "metric: \" \""),
                "c.yaml:13: claims[1].metric: not a metric name: ' '");
        assertError(EXAMPLE.replace("id: virtio-net", "id: virtio-disk-randread"),
                "c.yaml:9: claims[1].id: duplicate claim id 'virtio-disk-randread' (first on line 2)");
        assertError(EXAMPLE.replace("id: virtio-net", "id: \"virtio net\""), "c.yaml:9: claims[1].id: invalid"
                + " claim id 'virtio net' (use 1-48 lower-case letters, digits, '.', '_', '-', starting with a letter"
                + " or digit)");
        assertError(EXAMPLE.replace("id: virtio-net", "id: Virtio-Net"), "c.yaml:9: claims[1].id: invalid"
                + " claim id 'Virtio-Net' (use 1-48 lower-case letters, digits, '.', '_', '-', starting with a letter"
                + " or digit)");
        assertError(EXAMPLE.replace("candidate: ide-wt-virtio", "candidate: ide-wt-e1000"), "c.yaml:11:"
                + " claims[1].candidate: is the same variant as baseline (ide-wt-e1000): a claim compares two different"
                + " variants");
        assertError(EXAMPLE.replace("candidate: ide-wt-virtio", "candidate: ../x"), "c.yaml:11:"
                + " claims[1].candidate: invalid variant name '../x' (must not contain path separators; use 1-48"
                + " lower-case letters, digits, '.', '_', '-', starting with a letter or digit)");
        assertError(EXAMPLE.replace("    metric: throughput\n", "    metric: throughput\n    metric: iops\n"),
                "c.yaml:14: claims[1].metric: duplicate key (first given on line 13; keep one)");
        assertError(EXAMPLE + "claims: []\n", "c.yaml:15: claims: duplicate key (first given on line 1; keep one)");
        assertError(EXAMPLE.replace("text: virtio", "text: \"two\\nlines\" #"),
                "c.yaml:3: claims[0].text: must be one non-empty line of at most 500 characters");
    }

    @Test
    void yamlSyntaxErrorsKeepTheirLineAndProblem() {
        assertError("claims:\n  - id: a\n    baseline: b: c\n", "c.yaml:3: YAML syntax error: mapping values are not"
                + " allowed here; check the brackets, quotes and indentation");
        assertError("claims:\n  - id: a\n\tbaseline: b\n", "c.yaml:3: YAML syntax error: while scanning for the next"
                + " token: found character '\\t(TAB)' that cannot start any token. (Do not use \\t(TAB) for"
                + " indentation); check the brackets, quotes and indentation");
        assertError("claims:\n  - id: \"abc\n", "c.yaml:3: YAML syntax error: while scanning a quoted scalar"
                + " (started on line 2): found unexpected end of stream; check the brackets, quotes and indentation");
        assertError("claims: &c []\n", "c.yaml:1: claims: YAML anchors (&name) are not supported: write the value out");
    }

    private static void assertError(String text, String message) {
        assertThatThrownBy(() -> ClaimsReader.parse(text, "c.yaml")).isInstanceOf(PlanException.class)
                .hasMessage(message);
    }
}
