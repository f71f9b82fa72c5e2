package dev.vbench.bench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vbench.results.AnalysisOutcome;
import dev.vbench.results.RunStatus;
import org.junit.jupiter.api.Test;

class RunCommandTest {
    @Test
    void interruptedBeatsPartialBeatsRefutedBeatsInconclusive() {
        assertThat(RunCommand.exitCode(RunStatus.INTERRUPTED, AnalysisOutcome.SOME_REFUTED))
                .isEqualTo(ExitCode.INTERRUPTED);
        assertThat(RunCommand.exitCode(RunStatus.PARTIAL, AnalysisOutcome.SOME_REFUTED)).isEqualTo(ExitCode.PARTIAL);
        assertThat(RunCommand.exitCode(RunStatus.COMPLETE, AnalysisOutcome.SOME_REFUTED))
                .isEqualTo(ExitCode.CLAIMS_REFUTED);
        assertThat(RunCommand.exitCode(RunStatus.COMPLETE, AnalysisOutcome.SOME_INCONCLUSIVE))
                .isEqualTo(ExitCode.CLAIMS_INCONCLUSIVE);
        assertThat(RunCommand.exitCode(RunStatus.COMPLETE, AnalysisOutcome.ALL_SUPPORTED)).isEqualTo(ExitCode.OK);
    }
}
