package dev.vbench.bench.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vbench.bench.ssh.CommandResult;
import dev.vbench.bench.ssh.HostKeyMismatchException;
import dev.vbench.bench.ssh.HostPublicKey;
import dev.vbench.bench.ssh.OutputTooLargeException;
import dev.vbench.bench.ssh.RemoteCommandTimeoutException;
import dev.vbench.bench.ssh.SshTarget;
import dev.vbench.bench.workload.InvalidMeasurementException;
import dev.vbench.provisioning.ProvisioningException;
import dev.vbench.results.RunStatus;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class FailuresTest {
    @Test
    void aHostKeyMismatchOrAnUnwritableRunDirectoryEndsTheRunAndOtherFailuresOnlyTheirVariant() {
        assertThat(Failures.endsRun(new HostKeyMismatchException("refusing root@10.0.0.2: it presented host key "
                + "SHA256:x", null))).isTrue();
        assertThat(Failures.endsRun(new OutputException("cannot write the run directory"))).isTrue();
        assertThat(Failures.endsRun(new ProvisioningException("boot", "no console output"))).isFalse();
        assertThat(Failures.endsRun(new InvalidMeasurementException("fio: no I/O"))).isFalse();
        assertThat(Failures.endsRun(new IOException("disk full"))).isFalse();
    }

    @Test
    void invalidToolOutputIsAnInvalidMeasurementWhileTheGuestRuns() {
        assertThat(Failures.ofMeasurement(new InvalidMeasurementException("fio: no I/O\n  in 5 s"), () -> true))
                .contains(new Failures.Outcome(Measurement.Status.INVALID, "fio: no I/O | in 5 s"));
    }

    @Test
    void invalidOutputFromAGuestThatStoppedIsAFailedMeasurement() {
        assertThat(Failures.ofMeasurement(new InvalidMeasurementException("fio exited with status 1"), () -> false))
                .contains(new Failures.Outcome(Measurement.Status.FAILED,
                        "the guest stopped running during the measurement (fio exited with status 1)"));
    }

    @Test
    void aToolThatTimedOutIsAFailedMeasurementAndTheGuestIsNotAsked() {
        SshTarget guest = new SshTarget("10.0.0.2", 22, "root", Path.of("key"), HostPublicKey.parse(
                "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIKjM2um+/KJql6ryFsMKCPHxxKvJoGVUGomkRReQOVy8 root@image"));
        RemoteCommandTimeoutException timeout = new RemoteCommandTimeoutException(guest, "fio --name x",
                Duration.ofSeconds(95), new CommandResult(-1, "", "", Duration.ofSeconds(95)));
        assertThat(Failures.ofMeasurement(timeout, () -> {
            throw new AssertionError("the guest's state does not matter here");
        })).hasValueSatisfying(o -> {
            assertThat(o.status()).isEqualTo(Measurement.Status.FAILED);
            assertThat(o.reason()).contains("timed out after 95000 ms").doesNotContain("\n");
        });
    }

    @Test
    void aToolThatPrintedTooMuchIsAFailedMeasurementAndTheVariantGoesOn() {
        SshTarget guest = new SshTarget("10.0.0.2", 22, "root", Path.of("key"), HostPublicKey.parse(
                "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIKjM2um+/KJql6ryFsMKCPHxxKvJoGVUGomkRReQOVy8 root@image"));
        OutputTooLargeException flood = new OutputTooLargeException(guest, "fio --name x", 64 << 20,
                new CommandResult(-1, "", "fio: note\n", Duration.ofSeconds(3)));
        assertThat(Failures.ofMeasurement(flood, () -> {
            throw new AssertionError("the guest's state does not matter here");
        })).hasValueSatisfying(o -> {
            assertThat(o.status()).isEqualTo(Measurement.Status.FAILED);
            assertThat(o.reason()).contains("printed more than 64 MiB on standard output", "fio --name x",
                    "stderr: fio: note").doesNotContain("\n");
        });
    }

    @Test
    void anythingElseFailsTheVariantWithTheBootInItsReason() {
        ProvisioningException gone = new ProvisioningException("measure a", "the guest stopped running");
        assertThat(Failures.ofMeasurement(gone, () -> true)).isEmpty();
        assertThat(Failures.ofVariant(gone, 2)).isEqualTo("boot 2: " + Failures.oneLine(gone));
        assertThat(Failures.ofVariant(gone, 0)).isEqualTo(Failures.oneLine(gone));
    }

    @Test
    void theRunStatusPutsInterruptedBeforePartial() {
        assertThat(Failures.runStatus(true, true)).isEqualTo(RunStatus.INTERRUPTED);
        assertThat(Failures.runStatus(false, true)).isEqualTo(RunStatus.PARTIAL);
        assertThat(Failures.runStatus(false, false)).isEqualTo(RunStatus.COMPLETE);
    }

    @Test
    void fileErrorsSayWhatWentWrongInWords() {
        assertThat(Failures.reason(new AccessDeniedException("/out"))).isEqualTo("/out: permission denied");
        assertThat(Failures.reason(new IOException("disk full"))).isEqualTo("disk full");
        assertThat(Failures.unwritable(Path.of("/out"), new AccessDeniedException("/out")))
                .isInstanceOf(OutputException.class)
                .hasMessage("cannot write the run directory /out (/out: permission denied); choose a writable --out");
        assertThat(Failures.oneLine(new IllegalStateException())).isEqualTo("IllegalStateException");
    }
}
