package dev.vbench.bench.run;

/**
 * What the journal knows of one variant: booted and proven ({@code ready}), or {@code failed} with the reason.
 * For a ready variant the evidence fields are set: the live domain XML (after libvirt filled its defaults), the
 * in-guest device evidence as the guest printed it, the guest kernel and the data disk's device path.
 */
public record VariantRecord(String variant, String status, String reason, String domain, String address,
        String guestKernel, String dataDevice, String deviceEvidence, String domainXml) {

    public static VariantRecord ready(VariantGuest guest) {
        return new VariantRecord(guest.name(), "ready", null, guest.spec().name(), guest.address(),
                guest.guestKernel(), guest.dataDevice(), guest.evidenceText(), guest.liveXml());
    }

    public static VariantRecord failed(String variant, String reason) {
        return new VariantRecord(variant, "failed", reason, null, null, null, null, null, null);
    }

    public boolean ok() {
        return "ready".equals(status);
    }
}
