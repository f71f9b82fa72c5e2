package dev.vbench.bench.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vbench.provisioning.Accel;
import dev.vbench.provisioning.AccelResolution;
import dev.vbench.provisioning.AccelResolver;
import dev.vbench.provisioning.HostEnvironment;
import dev.vbench.provisioning.ImageSpec;
import dev.vbench.provisioning.Provisioner;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;

/**
 * Remembers what {@code accel: auto} resolved to, so that the probe boot (up to 20 s) runs once per host and
 * image rather than once per run. The key covers everything the answer depends on: the libvirt URI, the host
 * kernel, the QEMU and libvirt versions and the guest kernel; any change probes again.
 */
final class AccelCache {
    static final String FILE = "accel-probe.json";

    private AccelCache() {
    }

    static AccelResolution resolve(Accel requested, Provisioner provisioner, HostEnvironment host, ImageSpec image,
            Path workDir, String runId, Path labRoot) {
        if (requested != Accel.AUTO) {
            return AccelResolver.resolve(requested, provisioner, image, workDir, runId);
        }
        String key = String.join("|", host.uri(), HostFacts.kernelRelease(), host.hypervisorVersion(),
                host.libvirtVersion(), String.valueOf(image.kernel()), String.valueOf(size(image.kernel())));
        Path file = labRoot.resolve(FILE);
        try {
            if (Files.isRegularFile(file)) {
                JsonNode cached = Journal.JSON.readTree(file.toFile());
                if (key.equals(cached.path("key").asText())) {
                    return new AccelResolution(requested, Accel.fromPlan(cached.path("resolved").asText()),
                            cached.path("reason").asText() + " (probed " + cached.path("time").asText() + ")");
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            // an unreadable cache is probed again
        }
        AccelResolution fresh = AccelResolver.resolve(requested, provisioner, image, workDir, runId);
        ObjectNode entry = Journal.JSON.createObjectNode();
        entry.put("key", key);
        entry.put("resolved", fresh.resolved().planName());
        entry.put("reason", fresh.reason());
        entry.put("time", Instant.now().toString());
        try {
            Path tmp = Files.createTempFile(labRoot, FILE, ".tmp");
            Files.writeString(tmp, entry.toString(), StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            // not cached: the next run probes again
        }
        return fresh;
    }

    private static long size(Path p) {
        try {
            return p == null ? -1 : Files.size(p);
        } catch (IOException e) {
            return -1;
        }
    }
}
