package dev.vbench.bench.plan;

import dev.vbench.provisioning.Accel;
import dev.vbench.provisioning.GuestSpec;
import dev.vbench.provisioning.NetworkSpec;
import dev.vbench.provisioning.Variant;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads a plan file (YAML) into a validated {@link Plan}. Everything is checked before anything runs: unknown
 * keys, types, ranges, the closed sets of device models and fio/iperf3 options, names, cross-references. The
 * first problem found is thrown as a {@link PlanException} naming file, line and key.
 *
 * <p>The text is composed by {@link PlanYaml}; each section has one reader over the positioned {@link PlanNode}s:
 * {@link PlanImage#read image}, {@link GuestReader guest}, {@link NetworkReader network}, {@link VariantsReader
 * variants and baseline}, {@link MatrixReader matrix}, {@link Workload#readAll workloads} with {@link FioSpec#read
 * fio} and {@link Iperf3Spec#read iperf3}, {@link Replication#read boots and repetitions} and
 * {@link ClaimsReader claims} (which also reads claims files). {@code canary: VARIANT} adds the variant's twin
 * {@code VARIANT.canary}, the same devices, so that the canary is measured twice a round (an A/A pair).
 *
 * <p>Defaults for keys a plan leaves out: {@code connect: qemu:///system}, {@code image: default},
 * {@code accel: auto}, {@code guest: {vcpus: 2, memory_mib: 1024}}, {@code network: vbench} (the lab's
 * network), {@code baseline: auto} (the first variant). In a variant or matrix, a missing {@code disk.bus} is
 * {@code virtio}, {@code disk.cache} is {@code default} (no cache attribute: QEMU's default, writeback),
 * {@code disk.io} is absent (libvirt's default; {@code default} may be written for it), {@code nic.model} is
 * {@code virtio}. The fio and iperf3 defaults are those of {@link FioSpec#of} and {@link Iperf3Spec#tcp}.
 *
 * <p>Variant order: the {@code variants} list first, then the {@code matrix} as a full factorial with
 * {@code disk.bus} varying slowest, then {@code disk.cache}, {@code disk.io}, {@code nic.model}, each in the
 * order written; a canary's twin follows the canary. Matrix variants are named
 * {@code DiskSpec.shortName() + "-" + nic model}; a generated variant that the list already defines identically
 * (same name, same devices) is not added twice.
 *
 * <p>Relative paths ({@code image.*}, a {@code claims} file) are resolved against the plan file's directory and
 * made absolute (libvirt needs absolute paths). Files are not opened here: whether they exist is the lab's concern.
 */
public final class PlanParser {
    /** Plans larger than this are refused: a plan is a short hand-written file. */
    public static final int MAX_BYTES = 1 << 20;

    private static final List<String> TOP_KEYS = List.of("name", "connect", "image", "accel", "guest", "network",
            "baseline", "canary", "variants", "matrix", "workloads", "boots", "repetitions", "stopping",
            "parallel_boots", "claims", "native", "hosts", "spread", "iperf3_server", "claims_hold_on");

    private PlanParser() {
    }

    /** Reads and validates the plan in {@code file} (UTF-8). */
    public static Plan parse(Path file) {
        return parse(readText(file, "plan", "give the path of a plan, e.g. plans/smoke.yaml"), file.toString());
    }

    /**
     * Reads a plan or claims file as UTF-8 text, at most {@link #MAX_BYTES} however it is given (a pipe such as
     * {@code <(yes)} included): never more is read into memory.
     *
     * @param what  {@code plan} or {@code claims file}, for the messages
     * @param hint  what to give instead when the file does not exist
     * @throws PlanException when the file is missing, unreadable, too large or not UTF-8
     */
    public static String readText(Path file, String what, String hint) {
        String name = file.toString();
        byte[] bytes;
        if (Files.isDirectory(file)) {
            throw new PlanException(name, 0, null, "is a directory, not a " + what + " file");
        }
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes(MAX_BYTES + 1);
        } catch (NoSuchFileException e) {
            throw new PlanException(name, 0, null, "no such file (" + hint + ")");
        } catch (AccessDeniedException e) {
            throw new PlanException(name, 0, null, "permission denied");
        } catch (IOException e) {
            throw new PlanException(name, 0, null, "cannot read the " + what + ": " + e.getMessage());
        }
        if (bytes.length > MAX_BYTES) {
            throw new PlanException(name, 0, null, "larger than 1 MiB: not a " + what + " file");
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new PlanException(name, 0, null, "not UTF-8 text");
        }
    }

    /**
     * Validates plan {@code text}; {@code fileName} names it in messages and anchors relative paths.
     */
    public static Plan parse(String text, String fileName) {
        if (text.length() > MAX_BYTES) {
            throw new PlanException(fileName, 0, null, "larger than 1 MiB: not a plan file");
        }
        PlanNode root = PlanYaml.read(text, fileName);
        if (root == null || root.isNull()) {
            throw new PlanException(fileName, 1, null, "empty plan (expected keys such as name, variants,"
                    + " workloads, repetitions; see plans/smoke.yaml)");
        }
        if (!root.isMap()) {
            throw new PlanException(fileName, root.line(), null, "a plan is a mapping of keys (name:, variants:,"
                    + " ...), not " + root.describe());
        }
        return plan(root.allowKeys(TOP_KEYS), text);
    }

    private static Plan plan(PlanNode top, String text) {
        String name = top.required("name", "e.g. name: seed-claims").name(Variant.NAME, "plan name");
        PlanHosts hosts = HostsReader.read(top);
        String connect = hosts.first().connect();
        PlanImage image = top.get("image").map(PlanImage::read).orElse(PlanImage.labDefault());
        Accel accel = top.get("accel").map(n -> Accel.fromPlan(n.choice(Accel.planNames()))).orElse(Accel.AUTO);
        GuestSpec guest = top.get("guest").map(GuestReader::read).orElse(GuestSpec.DEFAULT);
        NetworkSpec network = top.get("network").map(NetworkReader::read)
                .orElse(NetworkSpec.libvirtNetwork(NetworkSpec.LAB_NETWORK));
        List<Variant> declared = VariantsReader.read(top);
        List<String> canary = VariantsReader.canary(top.get("canary").orElse(null), declared);
        List<Variant> variants = VariantsReader.withCanary(declared, canary);
        String baseline = VariantsReader.baseline(top.get("baseline").orElse(null), variants);
        PlanNode workloadsNode = top.required("workloads",
                "e.g. workloads: [{name: randread-4k, fio: {rw: randread}}]");
        List<Workload> all = Workload.readAll(workloadsNode);
        List<Workload> workloads = all.stream().filter(w -> !w.isDurability()).toList();
        List<Workload> crashWorkloads = all.stream().filter(Workload::isDurability).toList();
        CrashPlan.check(workloadsNode, crashWorkloads, variants, hosts);
        Replication replication = Replication.read(top);
        boolean nativeCeiling = top.get("native").map(PlanNode::bool).orElse(false);
        ClaimLists claims = ClaimLists.NONE;
        Path claimsFile = null;
        PlanNode claimsNode = top.get("claims").orElse(null);
        if (claimsNode != null && !claimsNode.isNull()) {
            if (claimsNode.isText()) {
                claimsFile = claimsNode.toPath();
            } else if (claimsNode.isList()) {
                claims = ClaimsReader.read(claimsNode, variants, all);
            } else {
                throw claimsNode.error("expected a list of claims or the path of a claims file, got "
                        + claimsNode.describe());
            }
        }
        return new Plan(name, connect, hosts, image, accel, guest, network, baseline, canary, variants, workloads,
                crashWorkloads, replication, ParallelBoots.read(top), claims.speed(), claimsFile, nativeCeiling, text,
                claims.durability());
    }
}
