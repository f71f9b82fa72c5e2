package dev.vbench.bench.run;

/** A guest does not see the devices its variant asked for: whatever it measured would be mislabelled. */
public final class VariantCheckException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public VariantCheckException(String variant, String mismatches) {
        super("variant " + variant + " is not what the plan asked for: " + mismatches);
    }
}
