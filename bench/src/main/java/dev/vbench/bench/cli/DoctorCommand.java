package dev.vbench.bench.cli;

import dev.vbench.bench.plan.PlanImage;
import dev.vbench.bench.run.ImageLayout;
import dev.vbench.bench.run.LabHome;
import dev.vbench.bench.run.RunLock;
import dev.vbench.provisioning.Accel;
import dev.vbench.provisioning.AccelResolution;
import dev.vbench.provisioning.AccelResolver;
import dev.vbench.provisioning.HostEnvironment;
import dev.vbench.provisioning.ImageSpec;
import dev.vbench.provisioning.LabFacts;
import dev.vbench.provisioning.NetworkSpec;
import dev.vbench.provisioning.Provisioner;
import dev.vbench.provisioning.ProvisioningException;
import dev.vbench.provisioning.libvirt.LibvirtProvisioner;
import dev.vbench.provisioning.libvirt.LibvirtUri;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code vbench doctor}: checks the host one line at a time, {@code OK} or {@code FAIL} with the fix: libvirt
 * reachable and its version, QEMU's version, which accelerator really boots a guest, the image, the lab.
 */
@Command(name = "doctor", mixinStandardHelpOptions = true,
        description = {"Check the host: libvirt, QEMU, accelerators, image, SSH key, lab network.",
                "Exit status 0 when every check is OK, 3 otherwise."})
public final class DoctorCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--connect", paramLabel = "URI", defaultValue = "qemu:///system",
            description = "libvirt URI (default: ${DEFAULT-VALUE}).")
    private String connect;

    @Option(names = "--network", paramLabel = "NAME",
            description = "libvirt network the guests join (default: the lab's, vbench).")
    private String network = NetworkSpec.LAB_NETWORK;

    private PrintWriter out;
    private boolean allOk = true;

    @Override
    public Integer call() {
        out = spec.commandLine().getOut();
        LabHome lab = LabHome.fromEnvironment();
        LibvirtUri.problem(connect, lab.root()).ifPresent(problem -> {
            throw new ParameterException(spec.commandLine(), "--connect '" + connect + "': " + problem);
        });
        ImageSpec image = null;
        try {
            image = lab.resolveImage(PlanImage.labDefault());
            String kernel = ImageLayout.read(lab.defaultImageDir()).guestKernel();
            ok("image", lab.defaultImageDir().toRealPath() + " (guest kernel " + kernel + ")");
        } catch (ProvisioningException | IOException e) {
            fail("image", e.getMessage());
        }
        if (Files.isRegularFile(lab.sshKey())) {
            ok("ssh key", lab.sshKey().toString());
        } else {
            fail("ssh key", lab.sshKey() + " missing; create it with: scripts/lab up");
        }
        String namespace = LabFacts.namespace();
        if (Files.exists(Path.of("/run/netns", namespace))) {
            ok("namespace", namespace);
        } else {
            fail("namespace", "network namespace " + namespace + " is missing; start the lab with: scripts/lab up");
        }
        try (Provisioner provisioner = LibvirtProvisioner.FACTORY.connect(connect)) {
            HostEnvironment host = provisioner.hostEnvironment();
            ok("libvirt", connect + " reachable, libvirt " + host.libvirtVersion());
            ok("hypervisor", host.hypervisor() + " " + host.hypervisorVersion());
            try {
                ok("network", network + " active, host address " + provisioner.networkHostAddress(network));
            } catch (ProvisioningException e) {
                fail("network", e.getMessage() + "; start the lab with: scripts/lab up");
            }
            if (image != null) {
                String probeId = "doctor-" + ProcessHandle.current().pid();
                Path work = Files.createDirectories(lab.pool().resolve(probeId));
                // the lock keeps a concurrent run's cleanup away from the probe domain
                try (RunLock lock = RunLock.acquire(lab.runs(), probeId)) {
                    AccelResolution accel = AccelResolver.resolve(Accel.AUTO, provisioner, image, work, probeId,
                            lab.owner());
                    ok("accel", accel.resolved().planName() + " (" + accel.reason() + ")");
                } finally {
                    try (var files = Files.list(work)) {
                        for (Path p : files.toList()) {
                            Files.deleteIfExists(p);
                        }
                    }
                    Files.deleteIfExists(work);
                }
            } else {
                fail("accel", "cannot probe without the image; build it with: scripts/lab up");
            }
        } catch (ProvisioningException e) {
            fail("libvirt", e.getMessage() + "; start the lab with: scripts/lab up (or pass --connect URI)");
        } catch (IOException e) {
            fail("accel", "cannot create a probe directory under " + lab.root() + ": " + e.getMessage());
        }
        return allOk ? ExitCode.OK : ExitCode.PROVISIONING;
    }

    private void ok(String what, String detail) {
        out.printf("%-10s OK    %s%n", what, detail);
    }

    private void fail(String what, String detail) {
        allOk = false;
        out.printf("%-10s FAIL  %s%n", what, detail);
    }
}
