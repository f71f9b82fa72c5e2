package dev.vbench.bench.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vbench.bench.workload.Metric;
import dev.vbench.provisioning.Variant;
import dev.vbench.results.Sample;
import org.junit.jupiter.api.Test;

/**
 * A name is checked with one grammar when a plan creates it and when a CSV or journal gives it back: the two modules
 * that cannot see each other ({@code provisioning} and {@code results}) hold the same pattern.
 */
class IdentifierGrammarTest {
    @Test
    void variantAndWorkloadNamesHaveOneGrammarInEveryModule() {
        assertThat(Variant.NAME.pattern()).isEqualTo(Sample.NAME.pattern());
        assertThat(Metric.NAME).isSameAs(Sample.METRIC);
        for (String name : new String[] {"/home", "", "..", "../x", "=cmd", "-rf", "A", "a b"}) {
            assertThat(Sample.NAME.matcher(name).matches()).as(name).isFalse();
        }
    }
}
