package dev.vbench.bench.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vbench.bench.plan.Plan;
import dev.vbench.bench.plan.PlanParser;
import dev.vbench.provisioning.libvirt.LibvirtProvisioner;
import dev.vbench.results.RunStatus;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two hosts at once without a lab: the smoke plan on two named {@code test:///default} hosts (whose fake image
 * cannot boot). Each host gets its own complete run directory, its progress lines carry its name, its run.json
 * names it, and the run directory holds the hosts side by side.
 */
class HostsRunTest {
    @TempDir
    Path dir;

    private Plan plan(String hostsKeys) throws IOException {
        String text = Files.readString(Path.of("plans/smoke.yaml"), StandardCharsets.UTF_8)
                .replaceFirst("name: smoke\n", "name: smoke\n" + hostsKeys + "accel: tcg\n")
                .replaceFirst("baseline: ide-wt-e1000\n", "baseline: ide-wt-e1000\nnetwork: default\n");
        return PlanParser.parse(text.replace("native: true", "native: false"), "smoke.yaml");
    }

    private HostsRun.Result run(Plan plan, Path out, StringWriter text) throws IOException {
        return HostsRun.run(plan, new RunDriver.Options(out, Path.of("smoke.yaml"), 5L, null, false,
                Duration.ofSeconds(10), LibvirtProvisioner.FACTORY, RunDriverTest.fakeLab(dir),
                new PrintWriter(text, true)));
    }

    @Test
    void everyHostRunsTheWholePlanIntoItsOwnDirectory() throws Exception {
        Path out = dir.resolve("out");
        StringWriter text = new StringWriter();
        HostsRun.Result result = run(plan("hosts:\n  - {name: ha, connect: 'test:///default'}\n"
                + "  - {name: hb, connect: 'test:///default'}\n"), out, text);

        assertThat(result.status()).as(text.toString()).isEqualTo(RunStatus.PARTIAL);
        assertThat(result.hosts()).extracting(h -> h.host().name()).containsExactly("ha", "hb");
        for (String host : List.of("ha", "hb")) {
            Path hostDir = out.resolve("hosts").resolve(host);
            JsonNode run = Journal.JSON.readTree(hostDir.resolve(RunRecord.FILE).toFile());
            assertThat(run.path("environment").path("vbench_host").asText()).isEqualTo(host);
            assertThat(run.path("environment").path("libvirt_uri").asText()).isEqualTo("test:///default");
            assertThat(run.path("variants")).hasSize(2);
            assertThat(run.path("seed").asLong()).as("each host its own seeded order")
                    .isEqualTo(5 + (host.equals("ha") ? 0 : HostsRun.SEED_STRIDE));
            assertThat(text.toString()).contains("[" + host + "] accelerator: tcg", "[" + host + "]         booting");
        }
        assertThat(result.hosts().get(0).result().status()).isEqualTo(RunStatus.PARTIAL);
        JsonNode summary = Journal.JSON.readTree(out.resolve("summary.json").toFile());
        assertThat(summary.path("format").asText()).isEqualTo("vbench-hosts");
        assertThat(summary.path("hosts")).extracting(h -> h.path("dir").asText()).containsExactly("hosts/ha",
                "hosts/hb");
        assertThat(out.resolve("report.html")).content().contains("<th>ha</th><th>hb</th>");
        assertThat(out.resolve(RunDirectory.PLAN_COPY)).hasContent(plan("hosts:\n  - {name: ha, connect: "
                + "'test:///default'}\n  - {name: hb, connect: 'test:///default'}\n").source());
    }

    @Test
    void spreadPutsTheBaselineOnEveryHostAndTheOtherVariantsOnOne() throws Exception {
        Path out = dir.resolve("out");
        StringWriter text = new StringWriter();
        run(plan("hosts:\n  - {name: ha, connect: 'test:///default'}\n  - {name: hb, connect: 'test:///default'}\n"
                + "spread: true\n"), out, text);
        JsonNode a = Journal.JSON.readTree(out.resolve("hosts/ha").resolve(RunRecord.FILE).toFile());
        JsonNode b = Journal.JSON.readTree(out.resolve("hosts/hb").resolve(RunRecord.FILE).toFile());
        assertThat(a.path("variants")).extracting(v -> v.path("name").asText()).containsExactly("ide-wt-e1000",
                "virtio-wb-virtio");
        assertThat(b.path("variants")).extracting(v -> v.path("name").asText()).containsExactly("ide-wt-e1000");
    }
}
