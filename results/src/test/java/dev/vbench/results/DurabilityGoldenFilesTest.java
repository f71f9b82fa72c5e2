package dev.vbench.results;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vbench.results.claims.DurabilityClaim;
import dev.vbench.results.claims.DurabilityMetric;
import dev.vbench.results.durability.DurabilitySummary;
import dev.vbench.results.durability.DurabilityTrial;
import dev.vbench.results.durability.FsckOutcome;
import dev.vbench.results.durability.TrialCheck;
import dev.vbench.results.report.DurabilityReport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * durability.json and the durability section of a report, sealed byte for byte under several locales: writethrough
 * keeps every acknowledged record over 4 trials (and the one record issued but unacknowledged in each), unsafe
 * loses some in one of 4 (torn records too, fsck errors) and two issued unacknowledged ones, none was refused twice
 * and never checked. Regenerate with {@code -Dvbench.updateGolden=true}.
 */
public class DurabilityGoldenFilesTest {
    private static final Path GOLDEN = Path.of("src", "test", "resources", "golden");
    private static final boolean UPDATE = Boolean.getBoolean("vbench.updateGolden");
    private static final String REFUSED = "libvirt refused cache=none: <nbd> & O_DIRECT";
    private Locale saved;

    @BeforeEach
    void saveLocale() {
        saved = Locale.getDefault();
    }

    @AfterEach
    void restoreLocale() {
        Locale.setDefault(saved);
    }

    /** The summary sealed here, also drawn by the chart test. */
    public static DurabilitySummary summary() {
        List<DurabilityTrial> trials = new ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            trials.add(DurabilityTrial.valid("virtio-wt", "durable-sync", i, new TrialCheck(100L * i, 0, List.of(),
                    100L * i + 1, 1, 1L, 0L, 0, List.of(), 100L * i, 262144, FsckOutcome.NOT_RUN)));
        }
        for (int i = 1; i <= 4; i++) {
            TrialCheck c = i == 3
                    ? new TrialCheck(500, 3, List.of(463L, 464L, 465L), 497, 0, 1L, 1L, 2, List.of(463L, 470L),
                            499, 262144, FsckOutcome.ERRORS).withFsck(FsckOutcome.ERRORS)
                    : new TrialCheck(400, 0, List.of(), 412, 12, 1L, i == 4 ? 1L : 0L, 0, List.of(), 411, 262144,
                            FsckOutcome.CLEAN);
            trials.add(DurabilityTrial.valid("virtio-unsafe", "durable-sync", i, c));
        }
        trials.add(DurabilityTrial.failed("virtio-none", "durable-sync", 1, REFUSED));
        trials.add(DurabilityTrial.failed("virtio-none", "durable-sync", 2, REFUSED));
        List<DurabilityClaim> claims = List.of(
                new DurabilityClaim("wt-keeps-synced", "writethrough never loses a synced record", "virtio-wt",
                        "durable-sync", DurabilityMetric.ACKED_LOST, 0),
                new DurabilityClaim("unsafe-keeps-synced", "unsafe never loses a synced record", "virtio-unsafe",
                        "durable-sync", DurabilityMetric.ACKED_LOST, 0),
                new DurabilityClaim("none-untorn", "none never tears a record", "virtio-none", "durable-sync",
                        DurabilityMetric.CORRUPT, 0));
        return DurabilitySummary.of(trials, Map.of("virtio-wt", 812.25, "virtio-unsafe", 23456.789), claims);
    }

    @ParameterizedTest
    @ValueSource(strings = {"en-US", "de-DE", "ar-EG", "tr-TR"})
    void bothFormatsAreByteIdentical(String locale) throws IOException {
        Locale.setDefault(Locale.forLanguageTag(locale));
        check("durability.json", DurabilityReport.json(summary()));
        check("durability.html", DurabilityReport.html(summary()));
    }

    private static void check(String name, String actual) throws IOException {
        Path file = GOLDEN.resolve(name);
        if (UPDATE) {
            Files.writeString(file, actual, StandardCharsets.UTF_8);
        }
        assertThat(actual).as("golden " + file + " (regenerate with -Dvbench.updateGolden=true)")
                .isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
    }
}
