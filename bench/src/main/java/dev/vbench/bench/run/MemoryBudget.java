package dev.vbench.bench.run;

import dev.vbench.provisioning.Accel;
import dev.vbench.provisioning.GuestSpec;
import dev.vbench.provisioning.ProvisioningException;
import java.util.Locale;

/**
 * What a run's guest takes of the host's memory. A run boots one guest at a time (each visit is torn down before the
 * next boots), so what must fit is one guest's memory and what its QEMU process needs besides:
 * {@value #KVM_OVERHEAD_MIB} MiB under KVM (device state, I/O buffers, libvirt's per-guest share),
 * {@value #TCG_OVERHEAD_MIB} MiB under TCG, whose translation cache (up to 1 GiB reserved) fills a few hundred MiB
 * for a booted Debian guest running fio. With {@code accel: auto} the smaller KVM figure counts, so that only a plan
 * that can never fit is refused. Pure.
 *
 * @param guestMib    memory of the guest ({@code guest.memory_mib})
 * @param overheadMib QEMU's memory beyond the guest's own
 */
record MemoryBudget(long guestMib, long overheadMib) {
    /** QEMU's own memory per guest under KVM, in MiB. */
    static final long KVM_OVERHEAD_MIB = 64;
    /** QEMU's own memory per guest under TCG, in MiB. */
    static final long TCG_OVERHEAD_MIB = 256;

    /** The budget of a guest of size {@code guest} under {@code accel}. */
    static MemoryBudget of(GuestSpec guest, Accel accel) {
        return new MemoryBudget(guest.memoryMib(), accel == Accel.TCG ? TCG_OVERHEAD_MIB : KVM_OVERHEAD_MIB);
    }

    /** What the guest needs, in bytes. */
    long neededBytes() {
        return (guestMib + overheadMib) << 20;
    }

    /**
     * Refuses a budget that exceeds the host's memory, with what it needs, what the host has and the fix.
     *
     * @param hostBytes the host's physical memory
     * @param host      the libvirt URI, to name the host
     * @throws ProvisioningException when the guest cannot fit (exit status 3: this host cannot run the plan)
     */
    void requireFits(long hostBytes, String host) {
        if (neededBytes() <= hostBytes) {
            return;
        }
        long mib = (hostBytes >> 20) - overheadMib;
        String fix = mib >= GuestSpec.MIN_MEMORY_MIB ? "set guest.memory_mib to at most " + mib
                : "use a host with more memory";
        throw new ProvisioningException("check the host's memory", "a run boots one guest at a time, of "
                + guestMib + " MiB + " + overheadMib + " MiB for QEMU = " + size(neededBytes()) + ", but " + host
                + " has " + size(hostBytes) + " of memory; " + fix);
    }

    /** Bytes in MiB, GiB or TiB, one decimal. */
    static String size(long bytes) {
        String[] units = {"MiB", "GiB", "TiB", "PiB"};
        double value = bytes / (double) (1 << 20);
        int unit = 0;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
    }
}
