package dev.vbench.bench.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Soak: a plan of eight variants (every disk bus with two NICs), booted two at a time, run twice in a row. Nothing may be left behind
 * and the lab's disk use must return to where it started.
 */
class SoakIT {
    @TempDir
    Path tmp;

    @Test
    void eightVariantsTwiceLeaveNothingBehind() throws Exception {
        LabFixture.requireLab();
        LabHome lab = LabHome.fromEnvironment();
        long before = bytesUnder(lab.pool()) + bytesUnder(lab.root().resolve("runs"));
        for (int i = 1; i <= 2; i++) {
            Path out = tmp.resolve("soak-" + i);
            LabFixture.Invocation run = LabFixture.vbench("run", "--plan", "src/test/resources/plans/soak.yaml",
                    "--out", out.toString(), "--seed", Integer.toString(i));
            System.out.println(run.out());
            assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
            assertThat(run.out()).as("guests boot two at a time").contains("2 at once (parallel_boots 2");
            JsonNode record = LabFixture.json(out.resolve("run.json"));
            assertThat(record.path("status").asText()).isEqualTo("complete");
            assertThat(record.path("variants")).hasSize(8);
            for (JsonNode v : record.path("variants")) {
                assertThat(v.path("status").asText()).as(v.path("name").asText()).isEqualTo("ready");
            }
            assertThat(record.path("measurements")).hasSize(8);
            LabFixture.assertNothingLeftBehind(record.path("run_id").asText());
            long after = bytesUnder(lab.pool()) + bytesUnder(lab.root().resolve("runs"));
            assertThat(after).as("bytes under the lab's pool and run locks after run " + i).isEqualTo(before);
        }
    }

    static long bytesUnder(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }
}
