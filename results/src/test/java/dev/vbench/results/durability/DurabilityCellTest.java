package dev.vbench.results.durability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vbench.results.report.DurabilityReport;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The unacknowledged records issued and lost, summed per cell, and "not recorded" for trials checked before. */
class DurabilityCellTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static TrialCheck check(Long unacked, Long unackedLost) {
        return new TrialCheck(50, 0, List.of(), 52, 2, unacked, unackedLost, 0, List.of(), 51, 64,
                FsckOutcome.NOT_RUN);
    }

    @Test
    void sumsTheIssuedUnacknowledgedRecordsAndTheirLosses() {
        List<DurabilityTrial> trials = List.of(DurabilityTrial.valid("wb", "buffered", 1, check(1L, 1L)),
                DurabilityTrial.valid("wb", "buffered", 2, check(1L, 0L)),
                DurabilityTrial.valid("wb", "buffered", 3, check(0L, 0L)),
                DurabilityTrial.failed("wb", "buffered", 4, "did not boot"),
                DurabilityTrial.valid("wt", "buffered", 1, check(1L, 1L)));
        DurabilityCell c = DurabilityCell.of("wb", "buffered", trials, null);
        assertThat(c.unacked()).isEqualTo(2);
        assertThat(c.unackedLost()).isEqualTo(1);
        assertThat(DurabilityCell.of("none", "buffered", List.of(DurabilityTrial.failed("none", "buffered", 1,
                "refused")), null).unacked()).as("no checked trial: nothing issued").isZero();
    }

    @Test
    void aTrialCheckedBeforeTheWriteLinesMakesTheCellNotRecorded() throws Exception {
        List<DurabilityTrial> trials = List.of(DurabilityTrial.valid("wb", "buffered", 1, check(1L, 1L)),
                DurabilityTrial.valid("wb", "buffered", 2, check(null, null)));
        DurabilityCell c = DurabilityCell.of("wb", "buffered", trials, null);
        assertThat(c.unacked()).isNull();
        assertThat(c.unackedLost()).isNull();
        assertThat(c.acked()).isEqualTo(100);

        DurabilitySummary summary = DurabilitySummary.of(trials, Map.of(), List.of());
        JsonNode cell = JSON.readTree(DurabilityReport.json(summary)).path("cells").get(0);
        assertThat(cell.has("unacked_records")).isTrue();
        assertThat(cell.path("unacked_records").isNull()).isTrue();
        assertThat(cell.path("unacked_lost").isNull()).isTrue();
        assertThat(cell.path("unacked_present").asLong()).isEqualTo(4);
        assertThat(DurabilityReport.html(summary)).contains("<td class=\"num\">4</td><td class=\"num\">not recorded"
                + "</td>");
    }

    @Test
    void aRecordedCellShowsLostOfIssued() throws Exception {
        DurabilitySummary summary = DurabilitySummary.of(List.of(DurabilityTrial.valid("wb", "buffered", 1,
                check(1L, 1L)), DurabilityTrial.valid("wb", "buffered", 2, check(1L, 0L))), Map.of(), List.of());
        JsonNode cell = JSON.readTree(DurabilityReport.json(summary)).path("cells").get(0);
        assertThat(cell.path("unacked_records").asLong()).isEqualTo(2);
        assertThat(cell.path("unacked_lost").asLong()).isEqualTo(1);
        assertThat(DurabilityReport.html(summary)).contains("<td class=\"num\">1 of 2</td>");
    }

    @Test
    void aCheckRecordsBothCountsOrNeither() {
        assertThatThrownBy(() -> check(1L, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> check(1L, 2L))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unacked 1, unacked lost 2");
        assertThatThrownBy(() -> check(5L, 0L)).as("5 found, only 2 present")
                .isInstanceOf(IllegalArgumentException.class);
    }
}
