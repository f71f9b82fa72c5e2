package dev.vbench.provisioning;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Names of the volumes vbench keeps in its storage pool {@value #POOL} on a libvirt host. Pure.
 * <ul>
 * <li>{@code img-HASH-FILE}: file {@code FILE} of the image whose recipe hash is {@code HASH} (named by content:
 * one upload serves every later run), e.g. {@code img-280de30fc07c4bf5-disk.qcow2};</li>
 * <li>{@code img-HASH-manifest}: the image's manifest, written last ({@link ImageManifest});</li>
 * <li>{@code img-default}: the recipe hash of the host's default image;</li>
 * <li>{@code ovl-RUN+VARIANT-DISK-bBOOT.qcow2}: a thin overlay of a run ({@code DISK} is {@code root} or
 * {@code data});</li>
 * <li>{@code con-RUN+NAME.log}: the serial console log of a run's domain.</li>
 * </ul>
 * Run ids and variant names never contain {@code +}, so {@code RUN+} names exactly one run's volumes.
 */
public final class VolumeNames {
    /** The pool's name. */
    public static final String POOL = "vbench";
    /** The marker volume holding the default image's recipe hash. */
    public static final String DEFAULT_MARKER = "img-default";
    /** What {@code findImage} takes for the host's default image. */
    public static final String DEFAULT = "default";
    /** Recipe hashes: lower-case hex, as the image build writes them. */
    public static final Pattern HASH = Pattern.compile("[0-9a-f]{6,64}");
    /** Image file names (image.json's file names): a safe alphabet, no path separators. */
    public static final Pattern FILE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    private static final String IMAGE = "img-";
    private static final String OVERLAY = "ovl-";
    private static final String CONSOLE = "con-";

    private VolumeNames() {
    }

    /** {@code img-HASH-FILE}. */
    public static String image(String hash, String file) {
        requireHash(hash);
        if (!FILE.matcher(file).matches() || file.equals("manifest")) {
            throw new IllegalArgumentException("image file name '" + file + "' must match " + FILE.pattern()
                    + " and not be 'manifest'");
        }
        return IMAGE + hash + "-" + file;
    }

    /** {@code img-HASH-manifest}. */
    public static String manifest(String hash) {
        requireHash(hash);
        return IMAGE + hash + "-manifest";
    }

    /** {@code ovl-RUN+VARIANT-DISK-bBOOT.qcow2}; {@code disk} is {@code root} or {@code data}. */
    public static String overlay(String runId, String variant, String disk, int boot) {
        if (!disk.equals("root") && !disk.equals("data")) {
            throw new IllegalArgumentException("overlay disk must be root or data, not '" + disk + "'");
        }
        if (boot < 1) {
            throw new IllegalArgumentException("boot must be 1 or more, not " + boot);
        }
        return OVERLAY + run(runId) + "+" + part(variant) + "-" + disk + "-b" + boot + ".qcow2";
    }

    /** {@code con-RUN+NAME.log}: the console log of domain or visit {@code name} of run {@code runId}. */
    public static String console(String runId, String name) {
        return CONSOLE + run(runId) + "+" + part(name) + ".log";
    }

    /** Whether {@code volume} is an overlay or console log of run {@code runId} (never an image). */
    public static boolean ofRun(String volume, String runId) {
        return volume.startsWith(OVERLAY + runId + "+") || volume.startsWith(CONSOLE + runId + "+");
    }

    /** The run id an overlay or console volume belongs to, or empty for any other volume. */
    public static Optional<String> runOf(String volume) {
        String rest;
        if (volume.startsWith(OVERLAY)) {
            rest = volume.substring(OVERLAY.length());
        } else if (volume.startsWith(CONSOLE)) {
            rest = volume.substring(CONSOLE.length());
        } else {
            return Optional.empty();
        }
        int plus = rest.indexOf('+');
        return plus > 0 && RunTag.RUN_ID.matcher(rest.substring(0, plus)).matches()
                ? Optional.of(rest.substring(0, plus)) : Optional.empty();
    }

    /** @throws IllegalArgumentException unless {@code hash} is a recipe hash ({@link #HASH}) */
    public static void requireHash(String hash) {
        if (hash == null || !HASH.matcher(hash).matches()) {
            throw new IllegalArgumentException("recipe hash '" + hash + "' must match " + HASH.pattern()
                    + " (the image directory's name)");
        }
    }

    private static String run(String runId) {
        if (!RunTag.RUN_ID.matcher(runId).matches()) {
            throw new IllegalArgumentException("run id '" + runId + "' must match " + RunTag.RUN_ID.pattern());
        }
        return runId;
    }

    private static String part(String name) {
        if (!name.toLowerCase(Locale.ROOT).matches("[a-z0-9][a-z0-9._-]{0,127}")) {
            throw new IllegalArgumentException("'" + name + "' is not a valid variant or domain name");
        }
        return name;
    }
}
