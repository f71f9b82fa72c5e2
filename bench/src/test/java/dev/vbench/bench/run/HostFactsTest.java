package dev.vbench.bench.run;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HostFactsTest {
    /** The first lines of /proc/cpuinfo of the lab machine, as captured there. */
    static final String CPUINFO = """
            processor	: 0
            vendor_id	: GenuineIntel
            cpu family	: 6
            model		: 167
            model name	: Intel(R) Xeon(R) Processor
            stepping	: 1
            """;

    @Test
    void modelNameOfTheFirstProcessor() {
        assertThat(HostFacts.cpuModel(CPUINFO)).isEqualTo("Intel(R) Xeon(R) Processor");
    }

    @Test
    void unknownWithoutAModelName() {
        assertThat(HostFacts.cpuModel("processor : 0\n")).isEqualTo("unknown");
        assertThat(HostFacts.cpuModel("")).isEqualTo("unknown");
    }

    @Test
    void progressPrintsHumanDurations() {
        assertThat(Progress.human(java.time.Duration.ofSeconds(42))).isEqualTo("42s");
        assertThat(Progress.human(java.time.Duration.ofSeconds(372))).isEqualTo("6m12s");
        assertThat(Progress.human(java.time.Duration.ofSeconds(3 * 3600 + 5 * 60))).isEqualTo("3h05m");
    }
}
