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
    void theGuestNeedsItsMemoryPlusQemusOwnWhichIsLargerUnderTcg() {
        GuestSpec guest = new GuestSpec(2, 1024);
        assertThat(MemoryBudget.of(guest, Accel.KVM).neededBytes()).isEqualTo((1024 + 64) * (1L << 20));
        assertThat(MemoryBudget.of(guest, Accel.TCG).neededBytes()).isEqualTo((1024 + 256) * (1L << 20));
        assertThat(MemoryBudget.of(guest, Accel.AUTO)).isEqualTo(MemoryBudget.of(guest, Accel.KVM));
    }

    @Test
    void aBudgetUpToTheHostsMemoryFits() {
        MemoryBudget tcg = MemoryBudget.of(new GuestSpec(2, 1024), Accel.TCG);
        assertThatCode(() -> tcg.requireFits(2 * GIB, "qemu:///system")).doesNotThrowAnyException();
        assertThatCode(() -> tcg.requireFits(tcg.neededBytes(), "qemu:///system")).doesNotThrowAnyException();
        assertThat(catchThrowableOfType(ProvisioningException.class,
                () -> tcg.requireFits(tcg.neededBytes() - 1, "qemu:///system"))).isNotNull();
    }

    @Test
    void theRefusalSaysWhatIsNeededWhatTheHostHasAndTheFix() {
        // the guest of 256 GiB on the fake host's 3 GiB: 3072 - 64 = 3008 MiB would fit
        ProvisioningException e = catchThrowableOfType(ProvisioningException.class,
                () -> MemoryBudget.of(new GuestSpec(2, 262144), Accel.AUTO).requireFits(3 * GIB, "test:///default"));
        assertThat(e).hasMessage("check the host's memory: a run boots one guest at a time, of 262144 MiB + 64 MiB"
                + " for QEMU = 256.1 GiB, but test:///default has 3.0 GiB of memory; set guest.memory_mib to at most"
                + " 3008");
        ProvisioningException tiny = catchThrowableOfType(ProvisioningException.class,
                () -> MemoryBudget.of(new GuestSpec(1, 256), Accel.TCG).requireFits(256L << 20, "test:///x"));
        assertThat(tiny).hasMessageEndingWith("test:///x has 256.0 MiB of memory; use a host with more memory");
    }

    @Test
    void sizesAreShownInTheLargestFittingUnit() {
        assertThat(MemoryBudget.size(512L << 20)).isEqualTo("512.0 MiB");
        assertThat(MemoryBudget.size(1536L << 20)).isEqualTo("1.5 GiB");
        assertThat(MemoryBudget.size(3L << 40)).isEqualTo("3.0 TiB");
    }
}
