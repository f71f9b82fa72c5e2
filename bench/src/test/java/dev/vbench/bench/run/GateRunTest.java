package dev.vbench.bench.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vbench.results.history.HistoryStore;
import dev.vbench.results.history.Night;
import dev.vbench.results.history.NightlyGate.GateStatus;
import dev.vbench.results.history.SeriesKey;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The gate over run directories and an SQLite history, with the re-measurement replaced by a fake. */
class GateRunTest {
    static final Instant T0 = Instant.parse("2026-11-01T01:30:00Z");

    @TempDir
    Path tmp;

    private HistoryStore historyOf(int nights) throws Exception {
        HistoryStore store = HistoryStore.open(tmp.resolve("history.db").toString());
        for (int i = 0; i < nights; i++) {
            store.ingest(dev.vbench.results.history.RunArchive.read(HistoryRunDirs.write(tmp.resolve("n" + i),
                    "night-" + i, T0.plusSeconds(86_400L * i), "writeback", 1000, 0.03, 3, i)));
        }
        return store;
    }

    private Path tonight(int index, double level) throws Exception {
        return HistoryRunDirs.write(tmp.resolve("n" + index), "night-" + index,
                T0.plusSeconds(86_400L * index), "writeback", level, 0.03, 3, 100 + index);
    }

    /** A fake re-measurement: the suspects measured again at {@code level}; records what it was asked. */
    private static final class FakeConfirmer implements GateRun.Confirmer {
        final double level;
        final List<SeriesKey> asked = new ArrayList<>();

        FakeConfirmer(double level) {
            this.level = level;
        }

        @Override
        public Map<SeriesKey, Night> remeasure(Path runDir, List<SeriesKey> suspects) {
            asked.addAll(suspects);
            return Map.of(suspects.get(0), new Night("confirm", Instant.now(), Map.of(),
                    new double[] {level * 0.99, level * 1.01}, new int[] {1, 1}));
        }
    }

    @Test
    void anUnchangedNightPassesWithoutAskingForAConfirmation() throws Exception {
        try (HistoryStore store = historyOf(10)) {
            FakeConfirmer confirmer = new FakeConfirmer(1000);
            GateRun.Outcome outcome = GateRun.decide(store, tonight(10, 1000), confirmer);
            assertThat(outcome.first().regressions()).isEmpty();
            assertThat(outcome.confirmed()).isEmpty();
            assertThat(confirmer.asked).isEmpty();
            assertThat(outcome.first().decisions()).extracting(d -> d.status()).containsOnly(GateStatus.NO_CHANGE);
            assertThat(store.alerts()).isEmpty();
        }
    }

    @Test
    void aDropThatTheFreshBootRepeatsIsConfirmedAndStoredAsAnAlert() throws Exception {
        try (HistoryStore store = historyOf(10)) {
            FakeConfirmer confirmer = new FakeConfirmer(700);
            GateRun.Outcome outcome = GateRun.decide(store, tonight(10, 700), confirmer);
            assertThat(confirmer.asked).extracting(SeriesKey::label).containsExactly("lab1/v1/w1/write_iops");
            assertThat(outcome.confirmed()).hasSize(1);
            assertThat(outcome.confirmed().get(0).ratio()).isBetween(0.6, 0.8);
            assertThat(store.alerts()).hasSize(1);
            GateRun.decide(store, tmp.resolve("n10"), confirmer);
            assertThat(store.alerts()).as("an alert once raised is not raised again").hasSize(1);
        }
    }

    @Test
    void aDropTheFreshBootDoesNotRepeatIsNotConfirmed() throws Exception {
        try (HistoryStore store = historyOf(10)) {
            GateRun.Outcome outcome = GateRun.decide(store, tonight(10, 700), new FakeConfirmer(1000));
            assertThat(outcome.first().regressions()).hasSize(1);
            assertThat(outcome.confirmed()).isEmpty();
            assertThat(store.alerts()).isEmpty();
        }
    }

    @Test
    void aYoungSeriesIsConfirmedByTheOneFreshBootAgainstItsBootMeans() throws Exception {
        try (HistoryStore store = historyOf(2)) {
            GateRun.Outcome outcome = GateRun.decide(store, tonight(2, 600), new FakeConfirmer(600));
            assertThat(outcome.first().regressions()).hasSize(1);
            assertThat(outcome.first().regressions().get(0).replicate()).isEqualTo("boot");
            assertThat(outcome.confirmation()).hasSize(1);
            assertThat(outcome.confirmation().get(0).reason()).contains("one boot mean");
            assertThat(outcome.confirmed()).hasSize(1);
        }
    }

    @Test
    void withoutConfirmationTheSuspicionFailsTheGate() throws Exception {
        try (HistoryStore store = historyOf(10)) {
            GateRun.Outcome outcome = GateRun.decide(store, tonight(10, 700), null);
            assertThat(outcome.confirmed()).hasSize(1);
        }
    }

    @Test
    void theFirstNightHasNoBaseline() throws Exception {
        try (HistoryStore store = historyOf(0)) {
            GateRun.Outcome outcome = GateRun.decide(store, tonight(0, 1000), null);
            assertThat(outcome.first().decisions()).extracting(d -> d.status()).containsOnly(GateStatus.NO_BASELINE);
        }
    }
}
