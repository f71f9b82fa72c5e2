package dev.vbench.results.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

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
        assertThatThrownBy(() -> Cell.group(List.of(new Sample("a", "w", "m", "ns", 1, 1, 3),
                new Sample("a", "w", "m", "ns", 1, 2, 3)))).isInstanceOf(ResultsInputException.class)
                .hasMessage("a/w/m has repetition 1 of boot 3 twice; remove the duplicate sample");
        assertThat(Cell.group(List.of(new Sample("a", "w", "m", "ns", 1, 1, 1),
                new Sample("a", "w", "m", "ns", 1, 2, 2))).get(0).bootCount()).isEqualTo(2);
    }

    @Test
    void twoBootsOrMoreMakeTheBootMeansTheReplicates() {
        List<Cell> cells = Cell.group(List.of(
                new Sample("a", "w", "read_iops", "IO/s", 1, 110, 2),
                new Sample("a", "w", "read_iops", "IO/s", 2, 112, 2),
                new Sample("a", "w", "read_iops", "IO/s", 2, 102, 1),
                new Sample("a", "w", "read_iops", "IO/s", 1, 100, 1)));
        Cell cell = cells.get(0);
        assertThat(cell.values()).containsExactly(100.0, 102.0, 110.0, 112.0);
        assertThat(cell.bootCount()).isEqualTo(2);
        assertThat(cell.replicates().unit()).isEqualTo(ReplicationUnit.BOOT);
        assertThat(cell.replicates().values()).containsExactly(101.0, 111.0);
        // the interval is over 2 boot means: 106 +- t(1) x sd(101, 111) / sqrt(2) = 106 +- 12.706205 x 5
        assertThat(cell.stats().ci95HalfWidth()).isCloseTo(12.706205 * 5, within(1e-4));
        assertThat(cell.stats().n()).isEqualTo(4);
        assertThat(cell.notes()).isEmpty();
    }

    @Test
    void oneBootIsNotedAndConstantSamplesAreFloored() {
        Cell cell = Cell.group(List.of(new Sample("a", "w", "read_iops", "IO/s", 1, 1000),
                new Sample("a", "w", "read_iops", "IO/s", 2, 1000))).get(0);
        assertThat(cell.replicates().unit()).isEqualTo(ReplicationUnit.REPETITION);
        assertThat(cell.replicates().effectiveSd()).isEqualTo(1.0);
        assertThat(cell.stats().ci95HalfWidth()).isPositive();
        assertThat(cell.notes()).containsExactly(CellNotes.ONE_BOOT, "spread below the resolution: the standard "
                + "deviation of the repetitions is floored at 1 (0.1% of the mean, or half the last reported digit)");
    }

    @Test
    void noisyDriftingAndOutlyingCellsSaySo() {
        List<Sample> samples = new java.util.ArrayList<>();
        double[] values = {100, 80, 120, 95, 105, 100, 500};
        for (int i = 0; i < values.length; i++) {
            samples.add(new Sample("a", "w", "read_iops", "IO/s", i + 1, values[i]));
        }
        Cell cell = Cell.group(samples).get(0);
        assertThat(cell.outliers()).containsExactly(6);
        assertThat(cell.notes()).anyMatch(n -> n.startsWith("noisy: CV ") && n.endsWith("% is above 10%"))
                .contains("1 outlier (|x - median| > 3.5 robust SD): boot 1 rep 7: 500");
        Cell kept = cell.withoutOutliers();
        assertThat(kept.values()).hasSize(6);
        assertThat(kept.outliers()).isEmpty();

        List<Sample> rising = new java.util.ArrayList<>();
        for (int i = 0; i < 6; i++) {
            rising.add(new Sample("a", "w", "read_iops", "IO/s", i + 1, 100 + 2 * i + (i % 2 == 0 ? 0.3 : -0.3)));
        }
        assertThat(Cell.group(rising).get(0).notes()).anyMatch(n -> n.startsWith("drift: +1.86") && n.contains(
                "% of the mean per repetition (p = "));
    }

    @Test
    void unknownUnitFailsTheGrouping() {
        assertThatThrownBy(() -> Cell.group(List.of(new Sample("a", "w", "score", "points", 1, 1))))
                .isInstanceOf(UnknownUnitException.class);
    }
}
