package dev.vbench.bench.workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DurabilityAcksTest {
    @Test
    void countsTheIssuedAndAcknowledgedRecordsAfterStart() {
        DurabilityAcks acks = DurabilityAcks.parse("start\nwrite 0\nack 0\nwrite 1\nack 1\nwrite 2\nack 2\n");
        assertThat(acks.started()).isTrue();
        assertThat(acks.issued()).isEqualTo(3);
        assertThat(acks.count()).isEqualTo(3);
        assertThat(acks.lastAcked()).isEqualTo(2);
        assertThat(acks.isAcknowledged(0)).isTrue();
        assertThat(acks.isAcknowledged(2)).isTrue();
        assertThat(acks.isAcknowledged(3)).isFalse();
        assertThat(acks.isAcknowledged(-1)).isFalse();
        assertThat(acks.broken()).isFalse();
    }

    @Test
    void aWriteWithoutItsAckIsIssuedButNotAcknowledged() {
        DurabilityAcks acks = DurabilityAcks.parse("start\nwrite 0\nack 0\nwrite 1\n");
        assertThat(acks.issued()).isEqualTo(2);
        assertThat(acks.count()).isEqualTo(1);
        assertThat(acks.isAcknowledged(1)).isFalse();
        DurabilityAcks first = DurabilityAcks.parse("start\nwrite 0\n");
        assertThat(first.issued()).isEqualTo(1);
        assertThat(first.count()).isZero();
        assertThat(first.lastAcked()).isEqualTo(-1);
    }

    @Test
    void nothingOrOnlyStartMeansNoRecordIssued() {
        DurabilityAcks none = DurabilityAcks.parse("");
        assertThat(none.started()).isFalse();
        assertThat(none.issued()).isZero();
        assertThat(none.count()).isZero();
        assertThat(none.lastAcked()).isEqualTo(-1);
        DurabilityAcks started = DurabilityAcks.parse("start\n");
        assertThat(started.started()).isTrue();
        assertThat(started.issued()).isZero();
        assertThat(started.count()).isZero();
    }

    @Test
    void takesLinesOneByOneAsTheyArrive() {
        DurabilityAcks acks = new DurabilityAcks();
        acks.accept("start");
        for (int i = 0; i < 1000; i++) {
            acks.accept("write " + i);
            assertThat(acks.issued()).isEqualTo(i + 1);
            assertThat(acks.count()).isEqualTo(i);
            acks.accept("ack " + i);
            assertThat(acks.lastAcked()).isEqualTo(i);
        }
        assertThat(acks.count()).isEqualTo(1000);
        assertThat(acks.issued()).isEqualTo(1000);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "write before start| write 0\\n| line 1 is 'write 0', expected 'start' (the writer prints start",
        "ack before start| ack 0\\n| line 1 is 'ack 0', expected 'start'",
        "ack before its write| start\\nack 0\\n| line 2 is 'ack 0', expected 'write 0' (each record is announced",
        "the old protocol| start\\nack 0\\nack 1\\n| line 2 is 'ack 0', expected 'write 0'",
        "a write gap| start\\nwrite 0\\nack 0\\nwrite 2\\n| line 4 is 'write 2', expected 'write 1'",
        "an ack gap| start\\nwrite 0\\nack 0\\nwrite 1\\nack 2\\n| line 5 is 'ack 2', expected 'ack 1'"
                + " (a record is acknowledged right after it is written",
        "two writes| start\\nwrite 0\\nwrite 1\\n| line 3 is 'write 1', expected 'ack 0'",
        "a repeated write| start\\nwrite 0\\nwrite 0\\n| line 3 is 'write 0', expected 'ack 0'",
        "a repeated ack| start\\nwrite 0\\nack 0\\nack 0\\n| line 4 is 'ack 0', expected 'write 1'",
        "a leading zero| start\\nwrite 00\\n| line 2 is 'write 00', expected 'write 0'",
        "a second start| start\\nstart\\n| line 2 is 'start', expected 'write 0'",
        "start after a write| start\\nwrite 0\\nstart\\n| line 3 is 'start', expected 'ack 0'",
        "a blank line| start\\n\\n| line 2 is '', expected 'write 0'",
        "a carriage return| start\\r\\n| line 1 is 'start\\x0d', expected 'start'",
        "other text| start\\nwrite 0\\nSegmentation fault\\n| line 3 is 'Segmentation fault', expected 'ack 0'",
        "trailing space| start\\nwrite 0 \\n| line 2 is 'write 0 '",
        "a cut-off last line| start\\nwrite 0\\nack 0\\nwrite 1| ends in a cut-off line 'write 1'",
    })
    void refusesAnythingElseNamingTheLineAndTheOneExpected(String what, String output, String words) {
        String text = output.strip().replace("\\n", "\n").replace("\\r", "\r");
        assertThatThrownBy(() -> DurabilityAcks.parse(text)).as(what)
                .isInstanceOf(UnparsableOutputException.class)
                .hasMessageStartingWith("vbench-durable output ")
                .hasMessageContaining(words.strip())
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n").doesNotContain("\r"));
    }

    @Test
    void aBrokenStreamStaysBrokenAndKeepsWhatWasIssuedAndAcknowledgedBefore() {
        DurabilityAcks acks = new DurabilityAcks();
        acks.accept("start");
        acks.accept("write 0");
        acks.accept("ack 0");
        acks.accept("write 1");
        assertThatThrownBy(() -> acks.accept("ack 5")).isInstanceOf(UnparsableOutputException.class);
        assertThatThrownBy(() -> acks.accept("ack 1")).hasMessageContaining("line 6 after a broken one")
                .hasMessageContaining("line 5 is 'ack 5'");
        assertThat(acks.broken()).isTrue();
        assertThat(acks.count()).isEqualTo(1);
        assertThat(acks.issued()).isEqualTo(2);
    }

    @Test
    void quotesALongLineShortly() {
        String garbage = "x".repeat(500);
        assertThatThrownBy(() -> DurabilityAcks.parse(garbage + "\n"))
                .hasMessageContaining("'" + "x".repeat(80) + "...'").hasMessageNotContaining("x".repeat(81));
    }
}
