package dev.vbench.results.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vbench.results.ResultsInputException;
import dev.vbench.results.Sample;
import java.util.List;
import org.junit.jupiter.api.Test;

class CellTest {

    @Test
    void groupsSortsAndOrdersByRepetition() {
        List<Cell> cells = Cell.group(List.of(
                new Sample("b", "w", "read_iops", "IO/s", 2, 20),
                new Sample("a", "w", "read_iops", "IO/s", 1, 1),
                new Sample("b", "w", "read_iops", "IO/s", 1, 10),
                new Sample("a", "v", "read_iops", "IO/s", 1, 5)));
        assertThat(cells).extracting(c -> c.variant() + "/" + c.workload()).containsExactly("a/v", "a/w", "b/w");
        assertThat(cells.get(2).values()).containsExactly(10.0, 20.0);
        assertThat(cells.get(2).stats().mean()).isEqualTo(15.0);
        assertThat(cells.get(2).direction()).isEqualTo(Direction.HIGHER_IS_BETTER);
    }

    @Test
    void rejectsMixedUnitsAndRepeatedRepetitions() {
        assertThatThrownBy(() -> Cell.group(List.of(new Sample("a", "w", "m", "ns", 1, 1),
                new Sample("a", "w", "m", "ms", 2, 1)))).isInstanceOf(ResultsInputException.class)
                .hasMessage("a/w/m has samples in two units, ns and ms; convert them to one unit");
        assertThatThrownBy(() -> Cell.group(List.of(new Sample("a", "w", "m", "ns", 1, 1),
                new Sample("a", "w", "m", "ns", 1, 2)))).isInstanceOf(ResultsInputException.class)
                .hasMessage("a/w/m has repetition 1 twice; remove the duplicate sample");
    }

    @Test
    void unknownUnitFailsTheGrouping() {
        assertThatThrownBy(() -> Cell.group(List.of(new Sample("a", "w", "score", "points", 1, 1))))
                .isInstanceOf(UnknownUnitException.class);
    }
}
