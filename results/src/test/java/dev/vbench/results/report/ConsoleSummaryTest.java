package dev.vbench.results.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vbench.results.claims.Claim;
import dev.vbench.results.claims.ClaimResult;
import dev.vbench.results.claims.ClaimVerdict;
import dev.vbench.results.stats.Gain;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConsoleSummaryTest {
    private static ClaimResult claim(String id, ClaimVerdict verdict, Gain gain, String reason) {
        return new ClaimResult(new Claim(id, "text", "ide", "virtio", "randread", "read_iops", 1.5), verdict, gain,
                reason);
    }

    @Test
    void eachClaimOnOneLineThenTheTallyThenTheReport() {
        List<String> lines = ConsoleSummary.lines(List.of(
                claim("virtio-disk", ClaimVerdict.SUPPORTED, new Gain(4.2666, 3.991, 4.5649, 0.9875, null), "all above"),
                claim("virtio-net", ClaimVerdict.INCONCLUSIVE, new Gain(1.4, 1.1, 1.9, 0.95, null), "straddles 1.5"),
                claim("writeback", ClaimVerdict.SUPPORTED, Gain.missing("no data"),
                        "x")), "out/report.html");
        assertThat(lines).containsExactly(
                "SUPPORTED     virtio-disk  gain 4.27x [3.99, 4.56] at 98.75%, min 1.5x: all above",
                "INCONCLUSIVE  virtio-net  gain 1.4x [1.1, 1.9] at 95%, min 1.5x: straddles 1.5",
                "SUPPORTED     writeback  gain n/a, min 1.5x: x",
                "claims: 2 SUPPORTED, 1 INCONCLUSIVE",
                "report: out/report.html");
    }

    @Test
    void anInconclusiveClaimIsFollowedByWhatWouldDecideIt() {
        ClaimResult open = new ClaimResult(new Claim("wb", "text", "ide", "virtio", "randwrite", "write_iops", 1.5),
                ClaimVerdict.INCONCLUSIVE, new Gain(1.4, 1.2, 1.62, 0.9764, null), "contains 1.5", 0.2, 0.4,
                "about 26 boots x 2 repetitions per variant, 23 more than the 3 taken", null);
        assertThat(ConsoleSummary.lines(List.of(open), "r.html")).containsExactly(
                "INCONCLUSIVE  wb  gain 1.4x [1.2, 1.62] at 97.64%, min 1.5x: contains 1.5",
                "              would need about 26 boots x 2 repetitions per variant, 23 more than the 3 taken",
                "claims: 1 INCONCLUSIVE", "report: r.html");
    }

    @Test
    void aRunWithoutClaimsSaysSo() {
        assertThat(ConsoleSummary.lines(List.of(), "r.html")).containsExactly("claims: none", "report: r.html");
    }
}
