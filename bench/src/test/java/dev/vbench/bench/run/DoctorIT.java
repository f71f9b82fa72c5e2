package dev.vbench.bench.run;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code vbench doctor} on the local lab: every check OK, the accelerator that really boots named. */
class DoctorIT {
    @Test
    void everyCheckPassesOnTheLab() {
        LabFixture.requireLab();
        LabFixture.Invocation doctor = LabFixture.vbench("doctor");
        System.out.println(doctor.out());
        assertThat(doctor.exitCode()).as(doctor.out() + doctor.err()).isZero();
        assertThat(doctor.out()).containsPattern("(?m)^libvirt\\s+OK .*libvirt \\d+\\.\\d+\\.\\d+")
                .containsPattern("(?m)^hypervisor\\s+OK\\s+QEMU \\d+\\.\\d+\\.\\d+")
                .containsPattern("(?m)^network\\s+OK\\s+vbench active, host address 192\\.168\\.150\\.1")
                .containsPattern("(?m)^accel\\s+OK\\s+(tcg|kvm) \\(")
                .containsPattern("(?m)^image\\s+OK .*guest kernel \\S+-amd64");
        assertThat(doctor.out()).doesNotContain("FAIL");
    }
}
