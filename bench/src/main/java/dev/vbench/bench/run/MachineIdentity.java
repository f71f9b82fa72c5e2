package dev.vbench.bench.run;

import dev.vbench.provisioning.ProvisioningException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * The identity of the machine the harness runs on, as a {@link dev.vbench.provisioning.RunOwner} digests it: the
 * systemd machine id ({@code /etc/machine-id}, 32 hexadecimal digits), or the kernel's host name where there is
 * none (a container without it).
 */
final class MachineIdentity {
    static final Path MACHINE_ID = Path.of("/etc/machine-id");
    static final Path HOSTNAME = Path.of("/proc/sys/kernel/hostname");
    private static final Pattern ID = Pattern.compile("[0-9a-f]{32}");
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9][A-Za-z0-9.-]{0,252}");

    private MachineIdentity() {
    }

    /** This machine's identity. */
    static String read() {
        return read(MACHINE_ID, HOSTNAME);
    }

    /**
     * The machine id in {@code machineId}, else the host name in {@code hostname}.
     *
     * @throws ProvisioningException when neither holds a valid one
     */
    static String read(Path machineId, Path hostname) {
        String id = firstLine(machineId);
        if (ID.matcher(id).matches()) {
            return id;
        }
        String host = firstLine(hostname);
        if (HOST.matcher(host).matches()) {
            return host;
        }
        throw new ProvisioningException("identify this machine for the run tags", machineId + " holds no machine id"
                + " and " + hostname + " no host name; create one with: systemd-machine-id-setup");
    }

    private static String firstLine(Path file) {
        try {
            return Files.readString(file, StandardCharsets.US_ASCII).lines().findFirst().orElse("").strip();
        } catch (IOException | java.io.UncheckedIOException e) {
            return "";
        }
    }
}
