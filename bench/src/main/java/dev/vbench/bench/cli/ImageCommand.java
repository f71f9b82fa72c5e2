package dev.vbench.bench.cli;

import dev.vbench.bench.run.HostImages;
import dev.vbench.bench.plan.PlanHost;
import dev.vbench.bench.run.LabHome;
import dev.vbench.bench.run.LibvirtSsh;
import dev.vbench.bench.run.RunInputException;
import dev.vbench.provisioning.ImagePush;
import dev.vbench.provisioning.Provisioner;
import dev.vbench.provisioning.libvirt.LibvirtProvisioner;
import dev.vbench.provisioning.libvirt.LibvirtUri;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code vbench image}: the guest image on libvirt hosts. */
@Command(name = "image", mixinStandardHelpOptions = true, description = "Manage the guest image on libvirt hosts.",
        subcommands = ImageCommand.Push.class)
public final class ImageCommand implements Runnable {
    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "missing a command (e.g. vbench image push --connect URI)");
    }

    /**
     * {@code vbench image push --connect URI [--image DIR]}: uploads a lab image into vbench's storage pool on the
     * host (each file once, by recipe hash) and marks it the host's default image.
     */
    @Command(name = "push", mixinStandardHelpOptions = true,
            description = {"Upload a lab image into vbench's storage pool (vbench) on a libvirt host through libvirt"
                    + " and make it the host's default image; files already there are reused.",
                "Exit status 0 when pushed, 2 for bad input, 3 when libvirt fails."})
    public static final class Push implements Callable<Integer> {
        @Spec
        private CommandSpec spec;

        @Option(names = "--connect", paramLabel = "URI", required = true,
                description = "libvirt URI of the host, e.g. qemu+ssh://root@host/system.")
        private String connect;

        @Option(names = "--known-hosts", paramLabel = "FILE",
                description = "known_hosts file holding the host's SSH key (default: the user's ssh configuration).")
        private Path knownHosts;

        @Option(names = "--image", paramLabel = "DIR",
                description = "Image directory with image.json (default: the lab's, VBENCH_HOME/images/default).")
        private Path image;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            LabHome lab = LabHome.fromEnvironment();
            LibvirtUri.problem(connect, lab.root()).ifPresent(problem -> {
                throw new ParameterException(spec.commandLine(), "--connect '" + connect + "': " + problem);
            });
            Path dir = image != null ? image : lab.defaultImageDir();
            if (!Files.isRegularFile(dir.resolve("image.json"))) {
                throw new RunInputException("--image " + dir + ": no image.json there; name a lab image directory"
                        + " (built by scripts/lab up)");
            }
            String uri = LibvirtSsh.uri(new PlanHost(PlanHost.nameOf(connect), connect, null, knownHosts), lab);
            try (Provisioner provisioner = LibvirtProvisioner.FACTORY.connect(uri)) {
                ImagePush push = HostImages.push(provisioner, dir, true);
                out.printf(Locale.ROOT, "pushed image %s to %s: %d files uploaded (%.1f MB sent), %d reused;"
                        + " it is the host's default image%n", push.image().hash(), connect, push.uploaded().size(),
                        push.uploadedBytes() / 1e6, push.reused().size());
            }
            return ExitCode.OK;
        }
    }
}
