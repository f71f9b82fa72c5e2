package dev.vbench.bench.cli;

import dev.vbench.bench.run.LabHome;
import dev.vbench.bench.run.Leftovers;
import dev.vbench.provisioning.Provisioner;
import dev.vbench.provisioning.libvirt.LibvirtProvisioner;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code vbench cleanup}: removes what runs killed without teardown left behind (domains carrying vbench's
 * metadata, overlays, server processes), never anything of a live run or anything vbench did not create.
 */
@Command(name = "cleanup", mixinStandardHelpOptions = true,
        description = "Remove domains, overlays and servers left behind by vbench runs that were killed.")
public final class CleanupCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--connect", paramLabel = "URI", defaultValue = "qemu:///system",
            description = "libvirt URI (default: ${DEFAULT-VALUE}).")
    private String connect;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        List<String> removed;
        try (Provisioner provisioner = LibvirtProvisioner.FACTORY.connect(connect)) {
            removed = Leftovers.remove(provisioner, LabHome.fromEnvironment());
        }
        removed.forEach(r -> out.println("removed " + r));
        out.println(removed.isEmpty() ? "nothing left behind" : removed.size() + " leftover(s) removed");
        return ExitCode.OK;
    }
}
