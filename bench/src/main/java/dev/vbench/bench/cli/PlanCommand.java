package dev.vbench.bench.cli;

import dev.vbench.bench.image.BackingChain;
import dev.vbench.bench.image.ImageCheck;
import dev.vbench.bench.plan.Plan;
import dev.vbench.bench.plan.PlanImage;
import dev.vbench.bench.plan.PlanParser;
import dev.vbench.bench.run.ImageLayout;
import dev.vbench.bench.run.LabHome;
import dev.vbench.provisioning.Accel;
import dev.vbench.provisioning.DiskBackend;
import dev.vbench.provisioning.DomainSpec;
import dev.vbench.provisioning.DomainXml;
import dev.vbench.provisioning.ImageSpec;
import dev.vbench.provisioning.RunTag;
import dev.vbench.provisioning.Variant;
import dev.vbench.results.OutputFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code vbench plan}: validates a plan and prints its expanded variants, one a line; with {@code --emit-xml}
 * also writes the libvirt domain definition of every variant. Nothing is written unless the whole plan is valid
 * and every definition rendered.
 */
@Command(name = "plan", mixinStandardHelpOptions = true,
        description = {"Validate a plan and print its variants, one a line:",
                "  NAME  disk=BUS cache=MODE io=MODE nic=MODEL",
                "With --emit-xml, also write DIR/<variant>.xml, the libvirt domain of each variant."})
public final class PlanCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--plan", required = true, paramLabel = "FILE", description = "The plan file (YAML).")
    private Path plan;

    @Option(names = "--emit-xml", paramLabel = "DIR",
            description = "Write DIR/<variant>.xml for every variant (DIR is created). The XML carries no run tag:"
                    + " vbench cleanup never removes a domain defined from it.")
    private Path emitXml;

    @Option(names = "--accel", paramLabel = "kvm|tcg",
            description = "Accelerator for --emit-xml (default: the plan's; 'auto' is shown as tcg, since resolving"
                    + " it needs a probe boot).")
    private String accel;

    @Option(names = "--run-id", paramLabel = "ID", defaultValue = "plan",
            description = "Run id in the domain names for --emit-xml (default: ${DEFAULT-VALUE}).")
    private String runId;

    @Option(names = "--image-dir", paramLabel = "DIR",
            description = "The lab's image for 'image: default' (default: $VBENCH_HOME/images/default).")
    private Path imageDir;

    @Option(names = "--work-dir", paramLabel = "DIR",
            description = "Where the overlays would live, for --emit-xml (default: $VBENCH_HOME/pool).")
    private Path workDir;

    @Mixin
    private AllowImages allowImages;

    @Override
    public Integer call() {
        Plan parsed = PlanParser.parse(plan);
        Map<String, String> xml = emitXml == null ? Map.of() : renderAll(parsed);
        if (emitXml != null) {
            try {
                write(xml);
            } catch (IOException e) {
                Main.printError(spec.commandLine(), "cannot write " + emitXml + ": " + OutputFiles.reason(e));
                return ExitCode.OUTPUT;
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        for (String line : variantLines(parsed.variants())) {
            out.println(line);
        }
        out.flush();
        PrintWriter err = spec.commandLine().getErr();
        err.printf(Locale.ROOT, "plan %s: %d variants (baseline %s%s), %d workloads, %s%s%n", parsed.name(),
                parsed.variants().size(), parsed.baseline(), parsed.canary().isEmpty() ? ""
                        : "; canary " + String.join(" and ", parsed.canary()), parsed.workloads().size(),
                parsed.replication().describe() + crashTrials(parsed),
                emitXml == null ? "" : "; wrote " + xml.size() + " domain definitions to " + emitXml);
        err.flush();
        return ExitCode.OK;
    }

    /** What a plan's crash workloads add: {@code ; then N crash trials on the variants nbdkit serves}. */
    static String crashTrials(Plan p) {
        int trials = p.crashWorkloads().stream().mapToInt(w -> w.durability().trials()).sum()
                * p.crashVariants().size();
        return trials == 0 ? "" : "; then " + trials + " crash trials (" + p.crashWorkloads().size()
                + " durability workloads on " + p.crashVariants().size() + " variants nbdkit serves), a boot each";
    }

    /** The listing of {@code vbench plan}: name padded to a column, then the devices. */
    static List<String> variantLines(List<Variant> variants) {
        int width = variants.stream().mapToInt(v -> v.name().length()).max().orElse(0);
        return variants.stream().map(v -> String.format(Locale.ROOT, "%-" + width + "s  disk=%s cache=%s io=%s nic=%s",
                v.name(), v.disk().bus().planName(), v.disk().cache().planName(),
                v.disk().io() == null ? "default" : v.disk().io().planName(), v.nic().model().planName())
                + (v.disk().backend() == DiskBackend.FILE ? "" : " backend=" + v.disk().backend().planName()))
                .toList();
    }

    private Map<String, String> renderAll(Plan p) {
        if (!RunTag.RUN_ID.matcher(runId).matches()) {
            throw new ParameterException(spec.commandLine(), "invalid --run-id '" + runId + "' (valid: "
                    + RunTag.RUN_ID.pattern() + ")");
        }
        Accel resolved = resolveAccel(p.accel());
        ImageSpec image = image(p.image());
        Path pool = workDir != null ? workDir : LabHome.fromEnvironment().pool();
        Map<String, String> out = new LinkedHashMap<>();
        for (Variant v : p.variants()) {
            // no owner: the emitted XML carries no run tag, so a domain defined from it is never cleaned up
            DomainSpec domain = DomainSpec.forVariant(runId, null, v, resolved, p.guest(), image, p.network(), pool);
            out.put(v.name(), DomainXml.renderEmitted(domain));
        }
        return out;
    }

    private Accel resolveAccel(Accel planned) {
        if (accel != null) {
            if (!accel.equals("kvm") && !accel.equals("tcg")) {
                throw new ParameterException(spec.commandLine(), "invalid --accel '" + accel + "' (valid: kvm, tcg)");
            }
            return Accel.fromPlan(accel);
        }
        return planned == Accel.AUTO ? Accel.TCG : planned;
    }

    /**
     * The plan's image, or for {@code image: default} the files of the lab's default image ({@link LabHome}'s
     * layout, from its image.json). Unlike a run, a preview does not require the lab image's files to exist; a
     * plan's own image files are checked as for a run.
     */
    private ImageSpec image(PlanImage planned) {
        if (!planned.isLabDefault()) {
            ImageCheck.require(planned, allowImages.roots(LabHome.fromEnvironment(), spec.commandLine()),
                    BackingChain.QEMU_IMG);
            return planned.toImageSpec(null);
        }
        Path dir = (imageDir != null ? imageDir : LabHome.fromEnvironment().defaultImageDir()).toAbsolutePath();
        ImageLayout layout = ImageLayout.parse(dir);
        String cmdline = null;
        Path cmdlineFile = dir.resolve(layout.files().get("cmdline"));
        if (Files.isReadable(cmdlineFile)) {
            try {
                cmdline = Files.readString(cmdlineFile, StandardCharsets.UTF_8).strip();
            } catch (IOException e) {
                cmdline = null; // the renderer's default command line applies
            }
        }
        ImageSpec files = layout.toImageSpec(dir, false);
        return new ImageSpec(files.disk(), files.kernel(), files.initrd(),
                cmdline == null || cmdline.isEmpty() ? null : cmdline, null);
    }

    private void write(Map<String, String> xml) throws IOException {
        OutputFiles.directory(emitXml);
        for (Map.Entry<String, String> e : xml.entrySet()) {
            OutputFiles.replace(emitXml.resolve(e.getKey() + ".xml"), e.getValue());
        }
    }

}
