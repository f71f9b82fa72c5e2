package dev.vbench.bench.workload;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * How tool output is split into JSON documents and text lines. Sizes here are those of a long status stream or a
 * hostile guest (no timing assertion: the split reads each character once, so these finish like any other test).
 */
class JsonDocumentsTest {

    @Test
    void documentsAndTextLinesInOutputOrder() {
        JsonDocuments d = JsonDocuments.split("fio: note\n{\"a\": 1}\n  between  \n{\n  \"b\": 2\n}\ntrailing\n");
        assertThat(d.documents()).extracting(n -> n.fieldNames().next()).containsExactly("a", "b");
        assertThat(d.textLines()).containsExactly("fio: note", "between", "trailing");
        assertThat(d.endsIncomplete()).isFalse();
        assertThat(d.messages("none")).isEqualTo("fio: note | between | trailing");
    }

    @Test
    void aDocumentBrokenByTextIsSkippedToItsClosingLineAndTheNextOneCounts() {
        JsonDocuments d = JsonDocuments.split("{\n  \"a\": 1,\nfio: noise in the middle\n  \"b\": 2\n}\n"
                + "{\"c\": 3}\nafter\n");
        assertThat(d.documents()).extracting(n -> n.path("c").asInt()).containsExactly(3);
        assertThat(d.textLines()).containsExactly("after");
        assertThat(d.endsIncomplete()).isFalse();
    }

    @Test
    void aCutOffDocumentAtTheEndIsIncomplete() {
        JsonDocuments d = JsonDocuments.split("{\"a\": 1}\n{\n  \"b\": [1, 2,");
        assertThat(d.documents()).hasSize(1);
        assertThat(d.endsIncomplete()).isTrue();
        assertThat(JsonDocuments.split("{").endsIncomplete()).isTrue();
    }

    @Test
    void aLineStartingWithABraceInsideABrokenDocumentIsPartOfIt() {
        JsonDocuments d = JsonDocuments.split("{\"a\": [\n{\"b\": 1}\n");
        assertThat(d.documents()).isEmpty();
        assertThat(d.endsIncomplete()).isTrue();
    }

    @Test
    void aHundredThousandDocumentsAreSplit() {
        int n = 100_000;
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < n; i++) {
            text.append("{\"i\": ").append(i).append("}\n");
            if (i % 1000 == 0) {
                text.append("status ").append(i).append('\n');
            }
        }
        JsonDocuments d = JsonDocuments.split(text.toString());
        assertThat(d.documents()).hasSize(n);
        assertThat(d.documents().get(n - 1).path("i").asInt()).isEqualTo(n - 1);
        assertThat(d.textLines()).hasSize(n / 1000).endsWith("status 99000");
        assertThat(d.endsIncomplete()).isFalse();
    }

    @Test
    void twentyMegabytesOfStatusReportsAreSplitAndTheLastCounts() {
        String report = Captured.text("fio-randwrite-status-interval.json");
        String text = report.repeat(20_000_000 / report.length() + 1);
        assertThat(text.length()).isGreaterThan(20_000_000);
        JsonDocuments d = JsonDocuments.split(text);
        assertThat(d.documents()).hasSize(3 * (20_000_000 / report.length() + 1));
        JsonNode last = d.documents().get(d.documents().size() - 1);
        assertThat(last.path("jobs").get(0).path("write").path("iops").asDouble()).isEqualTo(34374.312844);
    }

    @Test
    void manyUnclosedDocumentsAreEachReadOnce() {
        // every line opens a document that never closes: parsing again from each line would read on every time
        // (as far as Jackson's nesting limit)
        JsonDocuments d = JsonDocuments.split("{\"a\": [\n".repeat(200_000));
        assertThat(d.documents()).isEmpty();
        assertThat(d.endsIncomplete()).isTrue();
        assertThat(d.textLines()).isEmpty();
    }
}
