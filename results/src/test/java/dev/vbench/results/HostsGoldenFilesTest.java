package dev.vbench.results;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vbench.results.claims.ClaimVerdict;
import dev.vbench.results.report.HostsReport;
import dev.vbench.results.report.SummaryJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The hosts of a run side by side: summary.json ({@code vbench-hosts} 1) and report.html, sealed byte for byte under
 * several locales, from three hosts: h1 measured the fixture, h2 the fixture with virtio's random reads at 30% (so
 * the claim h1 supports is refuted there), h3 failed. Regenerate with {@code -Dvbench.updateGolden=true}.
 */
class HostsGoldenFilesTest {
    private static final Path GOLDEN = Path.of("src", "test", "resources", "golden");
    private static final boolean UPDATE = Boolean.getBoolean("vbench.updateGolden");
    private Locale saved;

    @BeforeEach
    void saveLocale() {
        saved = Locale.getDefault();
    }

    @AfterEach
    void restoreLocale() {
        Locale.setDefault(saved);
    }

    static HostsReport.Summary summary() throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<Sample> slower = new ArrayList<>();
        for (Sample s : LabFixture.samples()) {
            boolean cut = s.variant().startsWith("virtio") && s.metric().equals("read_iops");
            slower.add(new Sample(s.variant(), s.workload(), s.metric(), s.unit(), s.rep(),
                    cut ? Math.round(s.value() * 0.3) : s.value(), s.boot()));
        }
        Map<String, JsonNode> summaries = new LinkedHashMap<>();
        summaries.put("h1", json.readTree(SummaryJson.format(Analysis.compute(LabFixture.samples(),
                LabFixture.BASELINE, LabFixture.claims(), LabFixture.context()))));
        summaries.put("h2", json.readTree(SummaryJson.format(Analysis.compute(slower, LabFixture.BASELINE,
                LabFixture.claims(), LabFixture.context()))));
        List<HostsReport.HostRun> hosts = List.of(
                new HostsReport.HostRun("h1", "qemu+ssh://root@10.231.1.2/system", "hosts/h1", "partial", null),
                new HostsReport.HostRun("h2", "qemu+ssh://root@10.231.2.2/system", "hosts/h2", "partial", null),
                new HostsReport.HostRun("h3", "qemu+ssh://root@10.231.3.2/system", "hosts/h3", "partial",
                        "cannot connect to qemu+ssh://root@10.231.3.2/system: <no route>"));
        return HostsReport.summarize("seed", "partial", "every", false, LabFixture.claims(), hosts, summaries);
    }

    @ParameterizedTest
    @ValueSource(strings = {"en-US", "de-DE", "tr-TR", "ar-EG"})
    void formatsAreIdenticalUnderEveryDefaultLocale(String languageTag) throws IOException {
        Locale.setDefault(Locale.forLanguageTag(languageTag));
        HostsReport.Summary s = summary();
        check("hosts-summary.json", HostsReport.json(s));
        check("hosts-report.html", HostsReport.html(s));
    }

    @Test
    void eachHostKeepsItsOwnNumbersAndTheClaimCombinesTheirVerdicts() throws IOException {
        HostsReport.Summary s = summary();
        HostsReport.ClaimAcross claim = s.claims().get(0);
        assertThat(claim.id()).isEqualTo("virtio-disk-randread");
        assertThat(claim.hosts()).extracting(HostsReport.HostVerdict::verdict)
                .containsExactly("SUPPORTED", "REFUTED", "NOT DECIDED");
        assertThat(claim.verdict()).isEqualTo("REFUTED");
        HostsReport.CellAcross cell = s.cells().stream().filter(c -> c.variant().equals("virtio-wb-virtio")
                && c.metric().equals("read_iops")).findFirst().orElseThrow();
        double h1 = cell.hosts().get(0).mean().asDouble();
        double h2 = cell.hosts().get(1).mean().asDouble();
        assertThat(h2 / h1).as("h2's mean is its own, not pooled").isCloseTo(0.3, org.assertj.core.data.Offset
                .offset(0.001));
        assertThat(cell.hosts()).hasSize(2);
    }

    /** The rule against a count-based formulation, over every list of 1 to 3 verdicts. */
    @Test
    void verdictsCombineByTheRuleOverEveryCombination() {
        ClaimVerdict[] v = ClaimVerdict.values();
        List<List<ClaimVerdict>> lists = new ArrayList<>();
        for (ClaimVerdict a : v) {
            lists.add(List.of(a));
            for (ClaimVerdict b : v) {
                lists.add(List.of(a, b));
                for (ClaimVerdict c : v) {
                    lists.add(List.of(a, b, c));
                }
            }
        }
        for (List<ClaimVerdict> list : lists) {
            int n = list.size();
            long supported = list.stream().filter(x -> x == ClaimVerdict.SUPPORTED).count();
            long refuted = list.stream().filter(x -> x == ClaimVerdict.REFUTED).count();
            ClaimVerdict every = supported == n ? ClaimVerdict.SUPPORTED
                    : refuted > 0 ? ClaimVerdict.REFUTED : ClaimVerdict.INCONCLUSIVE;
            ClaimVerdict any = refuted == n ? ClaimVerdict.REFUTED
                    : supported > 0 && refuted == 0 ? ClaimVerdict.SUPPORTED : ClaimVerdict.INCONCLUSIVE;
            assertThat(HostsReport.combine("every", list)).as("every %s", list).isEqualTo(every);
            assertThat(HostsReport.combine("any", list)).as("any %s", list).isEqualTo(any);
        }
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
