package dev.vbench.bench.run;

import dev.vbench.provisioning.Accel;
import dev.vbench.provisioning.GuestSpec;
import dev.vbench.provisioning.ProvisioningException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What the guests of a run take of the host's memory at once. Every variant still to measure is booted, warmed up
 * and paused, and stays so until the last round (the rounds interleave the variants), so all of them are resident
 * together, each with its guest memory and what its QEMU process needs besides: {@value #KVM_OVERHEAD_MIB} MiB
 * under KVM (device state, I/O buffers, libvirt's per-guest share), {@value #TCG_OVERHEAD_MIB} MiB under TCG, whose
 * translation cache (up to 1 GiB reserved) fills a few hundred MiB for a booted Debian guest running fio. With
 * {@code accel: auto} the smaller KVM figure counts, so that only a plan that can never fit is refused. Pure.
 *
 * @param guests      how many guests are resident at once
 * @param guestMib    memory of each guest ({@code guest.memory_mib})
 * @param overheadMib QEMU's memory per guest beyond the guest's own
 */
record MemoryBudget(int guests, long guestMib, long overheadMib) {
    /** QEMU's own memory per guest under KVM, in MiB. */
    static final long KVM_OVERHEAD_MIB = 64;
    /** QEMU's own memory per guest under TCG, in MiB. */
    static final long TCG_OVERHEAD_MIB = 256;

    /** The budget of {@code guests} guests of size {@code guest} under {@code accel}. */
    static MemoryBudget of(int guests, GuestSpec guest, Accel accel) {
        return new MemoryBudget(guests, guest.memoryMib(), accel == Accel.TCG ? TCG_OVERHEAD_MIB : KVM_OVERHEAD_MIB);
    }

    /** What the guests need together, in bytes. */
    long neededBytes() {
        return guests * (guestMib + overheadMib) << 20;
    }

    /**
     * Refuses a budget that exceeds the host's memory, with what it needs, what the host has and the fix.
     *
     * @param hostBytes the host's physical memory
     * @param host      the libvirt URI, to name the host
     * @throws ProvisioningException when the guests cannot fit (exit status 3: this host cannot run the plan)
     */
    void requireFits(long hostBytes, String host) {
        if (neededBytes() <= hostBytes) {
            return;
        }
        long fit = hostBytes / ((guestMib + overheadMib) << 20);
        long mib = (hostBytes >> 20) / guests - overheadMib;
        List<String> fixes = new ArrayList<>();
        if (fit >= 1) {
            fixes.add("measure at most " + fit + " variant" + (fit == 1 ? "" : "s") + " a run (split the plan)");
        }
        if (mib >= GuestSpec.MIN_MEMORY_MIB) {
            fixes.add("set guest.memory_mib to at most " + mib);
        }
        long fitSmallest = hostBytes / ((GuestSpec.MIN_MEMORY_MIB + overheadMib) << 20);
        if (fixes.isEmpty() && fitSmallest >= 1) {
            fixes.add("measure fewer variants a run (at most " + fitSmallest + " with guest.memory_mib: "
                    + GuestSpec.MIN_MEMORY_MIB + ")");
        }
        if (fixes.isEmpty()) {
            fixes.add("use a host with more memory");
        }
        throw new ProvisioningException("check the host's memory", "the plan keeps " + guests + " guest"
                + (guests == 1 ? "" : "s") + " booted at once (paused between rounds), " + guests + " x ("
                + guestMib + " MiB + " + overheadMib + " MiB for QEMU) = " + size(neededBytes()) + ", but " + host
                + " has " + size(hostBytes) + " of memory; " + String.join(" or ", fixes));
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
