package dev.vbench.results;

/**
 * A variant that produced no (or not all) measurements, with the reason shown in the report.
 *
 * @param variant variant name
 * @param reason  one line: what failed, e.g. libvirt's error or the failing command and its exit status
 */
public record VariantFailure(String variant, String reason) {
    /** Requires both fields. */
    public VariantFailure {
        java.util.Objects.requireNonNull(variant, "variant");
        java.util.Objects.requireNonNull(reason, "reason");
    }
}
