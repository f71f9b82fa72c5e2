package dev.vbench.bench.workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DurabilityAcksTest {
    @Test
    void countsTheAcknowledgementsAfterStart() {
        DurabilityAcks acks = DurabilityAcks.parse("start\nack 0\nack 1\nack 2\n");
        assertThat(acks.started()).isTrue();
        assertThat(acks.count()).isEqualTo(3);
        assertThat(acks.lastAcked()).isEqualTo(2);
        assertThat(acks.isAcknowledged(0)).isTrue();
        assertThat(acks.isAcknowledged(2)).isTrue();
        assertThat(acks.isAcknowledged(3)).isFalse();
        assertThat(acks.isAcknowledged(-1)).isFalse();
        assertThat(acks.broken()).isFalse();
    }

    @Test
    void nothingOrOnlyStartMeansNoRecordAcknowledged() {
        DurabilityAcks none = DurabilityAcks.parse("");
        assertThat(none.started()).isFalse();
        assertThat(none.count()).isZero();
        assertThat(none.lastAcked()).isEqualTo(-1);
        DurabilityAcks started = DurabilityAcks.parse("start\n");
        assertThat(started.started()).isTrue();
        assertThat(started.count()).isZero();
    }

    @Test
    void takesLinesOneByOneAsTheyArrive() {
        DurabilityAcks acks = new DurabilityAcks();
        acks.accept("start");
        for (int i = 0; i < 1000; i++) {
            acks.accept("ack " + i);
            assertThat(acks.lastAcked()).isEqualTo(i);
        }
        assertThat(acks.count()).isEqualTo(1000);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "ack before start| ack 0\\n| line 1 is 'ack 0', expected 'start'",
        "a gap| start\\nack 0\\nack 2\\n| line 3 is 'ack 2', expected 'ack 1' (acknowledgements come in order",
        "a repeat| start\\nack 0\\nack 0\\n| line 3 is 'ack 0', expected 'ack 1'",
        "a leading zero| start\\nack 00\\n| line 2 is 'ack 00', expected 'ack 0'",
        "a second start| start\\nstart\\n| line 2 is 'start', expected 'ack 0'",
        "a blank line| start\\n\\n| line 2 is '', expected 'ack 0'",
        "a carriage return| start\\r\\n| line 1 is 'start\\x0d', expected 'start'",
        "other text| start\\nack 0\\nSegmentation fault\\n| line 3 is 'Segmentation fault'",
        "trailing space| start\\nack 0 \\n| line 2 is 'ack 0 '",
        "a cut-off last line| start\\nack 0\\nack 1| ends in a cut-off line 'ack 1'",
    })
    void refusesAnythingElseNamingTheLine(String what, String output, String words) {
        String text = output.strip().replace("\\n", "\n").replace("\\r", "\r");
        assertThatThrownBy(() -> DurabilityAcks.parse(text)).as(what)
                .isInstanceOf(UnparsableOutputException.class)
                .hasMessageStartingWith("vbench-durable output ")
                .hasMessageContaining(words.strip())
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n").doesNotContain("\r"));
    }

    @Test
    void aBrokenStreamStaysBrokenAndKeepsWhatWasAcknowledgedBefore() {
        DurabilityAcks acks = new DurabilityAcks();
        acks.accept("start");
        acks.accept("ack 0");
        assertThatThrownBy(() -> acks.accept("ack 5")).isInstanceOf(UnparsableOutputException.class);
        assertThatThrownBy(() -> acks.accept("ack 1")).hasMessageContaining("line 4 after a broken one")
                .hasMessageContaining("line 3 is 'ack 5'");
        assertThat(acks.broken()).isTrue();
        assertThat(acks.count()).isEqualTo(1);
    }

    @Test
    void quotesALongLineShortly() {
        String garbage = "x".repeat(500);
        assertThatThrownBy(() -> DurabilityAcks.parse(garbage + "\n"))
                .hasMessageContaining("'" + "x".repeat(80) + "...'").hasMessageNotContaining("x".repeat(81));
    }
}
