package dev.vbench.bench.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.vbench.provisioning.Accel;
import dev.vbench.provisioning.GuestSpec;
import dev.vbench.provisioning.ProvisioningException;
import org.junit.jupiter.api.Test;

class MemoryBudgetTest {
    private static final long GIB = 1L << 30;

    @Test
    void eachGuestNeedsItsMemoryPlusQemusOwnWhichIsLargerUnderTcg() {
        GuestSpec guest = new GuestSpec(2, 1024);
        assertThat(MemoryBudget.of(4, guest, Accel.KVM).neededBytes()).isEqualTo(4 * (1024 + 64) * (1L << 20));
        assertThat(MemoryBudget.of(4, guest, Accel.TCG).neededBytes()).isEqualTo(4 * (1024 + 256) * (1L << 20));
        assertThat(MemoryBudget.of(4, guest, Accel.AUTO)).isEqualTo(MemoryBudget.of(4, guest, Accel.KVM));
        assertThat(MemoryBudget.of(0, guest, Accel.TCG).neededBytes()).isZero();
    }

    @Test
    void aBudgetUpToTheHostsMemoryFits() {
        MemoryBudget fourTcg = MemoryBudget.of(4, new GuestSpec(2, 1024), Accel.TCG);
        assertThatCode(() -> fourTcg.requireFits(5 * GIB, "qemu:///system")).doesNotThrowAnyException();
        assertThatCode(() -> fourTcg.requireFits(fourTcg.neededBytes(), "qemu:///system"))
                .doesNotThrowAnyException();
        assertThat(catchThrowableOfType(ProvisioningException.class,
                () -> fourTcg.requireFits(fourTcg.neededBytes() - 1, "qemu:///system"))).isNotNull();
    }

    @Test
    void theRefusalSaysWhatIsNeededWhatTheHostHasAndBothFixes() {
        ProvisioningException e = catchThrowableOfType(ProvisioningException.class,
                () -> MemoryBudget.of(8, new GuestSpec(2, 2048), Accel.TCG).requireFits(8 * GIB,
                        "qemu+ssh://lab1/system"));
        // 8 x 2304 MiB = 18 GiB; 3 guests of 2304 MiB fit into 8 GiB; 8 GiB / 8 - 256 = 768 MiB each
        assertThat(e).hasMessage("check the host's memory: the plan keeps 8 guests booted at once (paused between"
                + " rounds), 8 x (2048 MiB + 256 MiB for QEMU) = 18.0 GiB, but qemu+ssh://lab1/system has 8.0 GiB"
                + " of memory; measure at most 3 variants a run (split the plan) or set guest.memory_mib to at"
                + " most 768");
    }

    @Test
    void aPlanThatCannotFitAtAllSaysSo() {
        // the matrix: 216 guests of 256 GiB on the fake host's 3 GiB
        ProvisioningException e = catchThrowableOfType(ProvisioningException.class,
                () -> MemoryBudget.of(216, new GuestSpec(2, 262144), Accel.AUTO).requireFits(3 * GIB,
                        "test:///default"));
        // neither fewer guests of 256 GiB nor 216 guests of 256 MiB fit: 9 guests of 256 MiB (+ 64 MiB) do
        assertThat(e).hasMessageContaining("216 x (262144 MiB + 64 MiB for QEMU) = 54.0 TiB")
                .hasMessageEndingWith("test:///default has 3.0 GiB of memory; measure fewer variants a run (at most 9"
                        + " with guest.memory_mib: 256)");
        ProvisioningException tiny = catchThrowableOfType(ProvisioningException.class,
                () -> MemoryBudget.of(1, new GuestSpec(1, 256), Accel.TCG).requireFits(256L << 20, "test:///x"));
        assertThat(tiny).hasMessageEndingWith("test:///x has 256.0 MiB of memory; use a host with more memory");
        ProvisioningException one = catchThrowableOfType(ProvisioningException.class,
                () -> MemoryBudget.of(1, new GuestSpec(2, 4096), Accel.KVM).requireFits(3 * GIB, "test:///default"));
        assertThat(one).hasMessageContaining("keeps 1 guest booted")
                .hasMessageEndingWith("; set guest.memory_mib to at most 3008");
        ProvisioningException few = catchThrowableOfType(ProvisioningException.class,
                () -> MemoryBudget.of(12, new GuestSpec(2, 256), Accel.TCG).requireFits(3 * GIB, "test:///default"));
        assertThat(few).hasMessageEndingWith("; measure at most 6 variants a run (split the plan)");
    }

    @Test
    void sizesAreShownInTheLargestFittingUnit() {
        assertThat(MemoryBudget.size(512L << 20)).isEqualTo("512.0 MiB");
        assertThat(MemoryBudget.size(1536L << 20)).isEqualTo("1.5 GiB");
        assertThat(MemoryBudget.size(3L << 40)).isEqualTo("3.0 TiB");
    }
}
