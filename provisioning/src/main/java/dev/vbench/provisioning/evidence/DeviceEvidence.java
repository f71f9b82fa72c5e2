package dev.vbench.provisioning.evidence;

import dev.vbench.provisioning.DomainXml;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What devices a guest really has, parsed from the output of {@link GuestDeviceScript#SCRIPT}.
 *
 * @param disks block devices backed by a device, in the order the guest listed them
 * @param nics  network interfaces backed by a device
 */
public record DeviceEvidence(List<GuestDisk> disks, List<GuestNic> nics) {
    private static final Set<String> DISK_KEYS = Set.of("name", "serial", "drivers", "sysfs");
    private static final Set<String> NIC_KEYS = Set.of("name", "mac", "drivers", "sysfs");

    public DeviceEvidence {
        disks = List.copyOf(disks);
        nics = List.copyOf(nics);
    }

    /** The disks whose serial is {@link DomainXml#DATA_DISK_SERIAL}: exactly one in a correct guest. */
    public List<GuestDisk> dataDisks() {
        return disks.stream().filter(d -> d.serial().equals(DomainXml.DATA_DISK_SERIAL)).toList();
    }

    /**
     * Parses the script's output. Lines before the header (a login banner) are skipped; after it every line up to
     * {@code end} must be a {@code disk} or {@code nic} record with exactly its fields. Pure.
     *
     * @throws MalformedEvidenceException when the header or the end line is missing or a record is malformed
     */
    public static DeviceEvidence parse(String output) {
        List<String> lines = Arrays.asList(output.replace("\r", "").split("\n", -1));
        int header = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).strip().equals(GuestDeviceScript.HEADER)) {
                header = i;
                break;
            }
        }
        if (header < 0) {
            throw new MalformedEvidenceException("guest device evidence lacks the '" + GuestDeviceScript.HEADER
                    + "' header: the device script did not run (output begins '" + begin(output) + "')");
        }
        List<GuestDisk> disks = new ArrayList<>();
        List<GuestNic> nics = new ArrayList<>();
        for (int i = header + 1; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty()) {
                continue;
            }
            if (line.equals(GuestDeviceScript.END)) {
                return new DeviceEvidence(disks, nics);
            }
            int lineNo = i + 1;
            String[] tokens = line.split(" ");
            switch (tokens[0]) {
                case "disk" -> {
                    Map<String, String> f = fields(tokens, DISK_KEYS, lineNo, line);
                    disks.add(new GuestDisk(f.get("name"), f.get("serial"), drivers(f.get("drivers")), f.get("sysfs")));
                }
                case "nic" -> {
                    Map<String, String> f = fields(tokens, NIC_KEYS, lineNo, line);
                    nics.add(new GuestNic(f.get("name"), f.get("mac"), drivers(f.get("drivers")), f.get("sysfs")));
                }
                default -> throw new MalformedEvidenceException("guest device evidence line " + lineNo
                        + ": unknown record '" + tokens[0] + "' in '" + line + "'");
            }
        }
        throw new MalformedEvidenceException("guest device evidence is truncated: no '" + GuestDeviceScript.END
                + "' line after " + disks.size() + " disk(s) and " + nics.size() + " nic(s)");
    }

    private static Map<String, String> fields(String[] tokens, Set<String> keys, int lineNo, String line) {
        Map<String, String> f = new LinkedHashMap<>();
        for (int t = 1; t < tokens.length; t++) {
            int eq = tokens[t].indexOf('=');
            if (eq <= 0) {
                throw new MalformedEvidenceException("guest device evidence line " + lineNo + ": '" + tokens[t]
                        + "' is not key=value in '" + line + "'");
            }
            String key = tokens[t].substring(0, eq);
            if (!keys.contains(key)) {
                throw new MalformedEvidenceException("guest device evidence line " + lineNo + ": unknown field '"
                        + key + "' in '" + line + "'");
            }
            if (f.put(key, tokens[t].substring(eq + 1)) != null) {
                throw new MalformedEvidenceException("guest device evidence line " + lineNo + ": field '" + key
                        + "' twice in '" + line + "'");
            }
        }
        if (!f.keySet().containsAll(keys)) {
            List<String> missing = keys.stream().filter(k -> !f.containsKey(k)).sorted().toList();
            throw new MalformedEvidenceException("guest device evidence line " + lineNo + ": missing field(s) "
                    + missing + " in '" + line + "'");
        }
        if (f.get("name").isEmpty()) {
            throw new MalformedEvidenceException("guest device evidence line " + lineNo + ": empty name in '" + line
                    + "'");
        }
        return f;
    }

    private static List<String> drivers(String value) {
        return value.isEmpty() ? List.of() : List.of(value.split(","));
    }

    private static String begin(String output) {
        String s = output.strip().replaceAll("\\s+", " ");
        return s.length() > 60 ? s.substring(0, 60) + "..." : s;
    }
}
