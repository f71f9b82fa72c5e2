package dev.vbench.bench.run;

import dev.vbench.provisioning.Accel;
import dev.vbench.provisioning.AccelResolution;
import dev.vbench.provisioning.AccelResolver;
import dev.vbench.provisioning.HostEnvironment;
import dev.vbench.provisioning.ImageSpec;
import dev.vbench.provisioning.Provisioner;
import dev.vbench.results.OutputFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/**
 * Remembers what {@code accel: auto} resolved to, so that the probe boot (up to 20 s) runs once per host and
 * image rather than once per run. The key covers everything the answer depends on: the libvirt URI, the host
 * kernel, the QEMU and libvirt versions and the guest kernel; any change probes again.
 */
final class AccelCache {
    static final String FILE = "accel-probe.json";

    /** The cached answer; {@code key} says what it depends on, {@code time} when it was probed. */
    record Probe(String key, String resolved, String reason, String time) {
    }

    private AccelCache() {
    }

    static AccelResolution resolve(Accel requested, Provisioner provisioner, HostEnvironment host, ImageSpec image,
            Path workDir, String runId, LabHome lab) {
        if (requested != Accel.AUTO) {
            return AccelResolver.resolve(requested, provisioner, image, workDir, runId, lab.owner());
        }
        Path labRoot = lab.root();
        String key = String.join("|", host.uri(), HostFacts.kernelRelease(), host.hypervisorVersion(),
                host.libvirtVersion(), String.valueOf(image.kernel()), String.valueOf(size(image.kernel())));
        Path file = labRoot.resolve(FILE);
        try {
            if (Files.isRegularFile(file)) {
                Probe cached = Journal.JSON.readValue(file.toFile(), Probe.class);
                if (key.equals(cached.key()) && cached.resolved() != null) {
                    return new AccelResolution(requested, Accel.fromPlan(cached.resolved()),
                            cached.reason() + " (probed " + cached.time() + ")");
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            // an unreadable cache is probed again
        }
        AccelResolution fresh = AccelResolver.resolve(requested, provisioner, image, workDir, runId, lab.owner());
        Probe entry = new Probe(key, fresh.resolved().planName(), fresh.reason(), Instant.now().toString());
        try {
            OutputFiles.replace(file, Journal.JSON.writeValueAsString(entry));
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
