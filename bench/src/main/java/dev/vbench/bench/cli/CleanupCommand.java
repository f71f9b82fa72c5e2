package dev.vbench.bench.cli;

import dev.vbench.bench.run.LabHome;
import dev.vbench.bench.run.Leftovers;
import dev.vbench.provisioning.Provisioner;
import dev.vbench.provisioning.libvirt.LibvirtProvisioner;
import dev.vbench.provisioning.libvirt.LibvirtUri;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code vbench cleanup}: removes what runs of this {@code VBENCH_HOME} on this machine left behind when they were
 * killed (domains carrying their run tag, overlays, server processes, lock files), each run only while holding its
 * lock, so never anything of a live run. Domains of another home or host, or whose tag names no owner, are listed as
 * {@code not ours: ...} and left alone; domains without vbench's run tag are not touched at all (see
 * {@link Leftovers}).
 */
@Command(name = "cleanup", mixinStandardHelpOptions = true,
        description = {"Remove domains, overlays and servers left behind by killed vbench runs of this VBENCH_HOME on"
                + " this machine.", "Domains of other homes or hosts are listed as 'not ours' and left alone."})
public final class CleanupCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--connect", paramLabel = "URI", defaultValue = "qemu:///system",
            description = "libvirt URI (default: ${DEFAULT-VALUE}).")
    private String connect;

    @Override
    public Integer call() {
        LabHome lab = LabHome.fromEnvironment();
        LibvirtUri.problem(connect, lab.root()).ifPresent(problem -> {
            throw new ParameterException(spec.commandLine(), "--connect '" + connect + "': " + problem);
        });
        Leftovers.Report report;
        try (Provisioner provisioner = LibvirtProvisioner.FACTORY.connect(connect)) {
            report = Leftovers.remove(provisioner, lab);
        }
        PrintWriter out = spec.commandLine().getOut();
        report.removed().forEach(r -> out.println("removed " + r));
        report.leftAlone().forEach(out::println);
        String removed = report.removed().isEmpty() ? "nothing left behind"
                : report.removed().size() + " leftover(s) removed";
        out.println(report.leftAlone().isEmpty() ? removed : removed + "; " + report.leftAlone().size()
                + " left alone (this is " + lab.root() + ", " + report.owner().describe() + ")");
        out.flush();
        return ExitCode.OK;
    }
}
