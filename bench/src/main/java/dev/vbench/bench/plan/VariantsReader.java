package dev.vbench.bench.plan;

import dev.vbench.provisioning.CacheMode;
import dev.vbench.provisioning.DiskBackend;
import dev.vbench.provisioning.DiskBus;
import dev.vbench.provisioning.DiskSpec;
import dev.vbench.provisioning.IoMode;
import dev.vbench.provisioning.NicModel;
import dev.vbench.provisioning.NicSpec;
import dev.vbench.provisioning.Variant;
import dev.vbench.results.stats.NativeCeiling;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a plan's {@code variants} list, merges the variants its {@code matrix} generates ({@link MatrixReader}),
 * expands the {@code canary} into its A/A pair and resolves {@code baseline}. A variant is
 * {@code {name: NAME, disk: {bus, cache, io, backend}, nic: {model}, network: NETWORK}}; its {@code network}
 * (spelled as the plan's, {@link NetworkReader}) takes the place of the plan's for that variant.
 */
final class VariantsReader {
    /** The word for "libvirt's default" of {@code disk.io}. */
    static final String DEFAULT = "default";
    private static final String AUTO = "auto";
    private static final List<String> VARIANT_KEYS = List.of("name", "disk", "nic", "network");
    private static final List<String> DISK_KEYS = List.of("bus", "cache", "io", "backend");
    private static final List<String> NIC_KEYS = List.of("model");

    private VariantsReader() {
    }

    /** The variants of the plan mapping {@code top}: the list first, then the matrix. */
    static List<Variant> read(PlanNode top) {
        PlanNode listNode = top.get("variants").orElse(null);
        PlanNode matrixNode = top.get("matrix").orElse(null);
        Map<String, Variant> byName = new LinkedHashMap<>();
        Map<String, PlanNode> nameNodes = new HashMap<>();
        if (listNode != null) {
            for (PlanNode item : listNode.list("a list of variants, e.g. - {name: ide-wt-e1000, disk: {bus: ide}}")) {
                Variant v = variant(item);
                PlanNode nameNode = item.get("name").orElseThrow();
                if (byName.containsKey(v.name())) {
                    throw nameNode.error("duplicate variant name " + OneLine.quote(v.name()) + " (first on line "
                            + nameNodes.get(v.name()).line() + "; variant names must be unique)");
                }
                byName.put(v.name(), v);
                nameNodes.put(v.name(), nameNode);
            }
        }
        if (matrixNode != null) {
            for (Variant v : MatrixReader.read(matrixNode)) {
                Variant existing = byName.putIfAbsent(v.name(), v);
                if (existing != null && !existing.equals(v)) {
                    throw matrixNode.error("generates variant " + OneLine.quote(v.name())
                            + ", which the variants list defines differently on line "
                            + nameNodes.get(v.name()).line() + " (rename that variant)");
                }
            }
        }
        if (byName.isEmpty()) {
            String problem = "no variants (give a variants list, a matrix, or both)";
            throw listNode != null ? listNode.error(problem) : top.error("variants", problem);
        }
        return List.copyOf(byName.values());
    }

    private static Variant variant(PlanNode item) {
        PlanNode m = item.map("a mapping {name: NAME, disk: {...}, nic: {...}, network: ...}")
                .allowKeys(VARIANT_KEYS);
        PlanNode nameNode = m.required("name", "e.g. name: virtio-wb-virtio");
        String name = nameNode.name(Variant.NAME, "variant name");
        if (name.equals(AUTO)) {
            throw nameNode.error("'auto' is reserved (baseline: auto means the first variant); choose another name");
        }
        if (NativeCeiling.isNative(name)) {
            throw nameNode.error("'" + name + "' is reserved for the host's own ceiling (native: true measures it);"
                    + " choose another name");
        }
        DiskSpec disk = m.get("disk").map(VariantsReader::disk).orElse(new DiskSpec(DiskBus.VIRTIO,
                CacheMode.DEFAULT, null));
        NicSpec nic = m.get("nic").map(VariantsReader::nic).orElse(new NicSpec(NicModel.VIRTIO));
        return new Variant(name, disk, nic, m.get("network").map(NetworkReader::read).orElse(null));
    }

    private static DiskSpec disk(PlanNode node) {
        PlanNode m = node.map("a mapping {bus: ..., cache: ..., io: ..., backend: ...}").allowKeys(DISK_KEYS);
        DiskBus bus = m.get("bus").map(n -> DiskBus.fromPlan(n.choice(DiskBus.planNames()))).orElse(DiskBus.VIRTIO);
        CacheMode cache = m.get("cache").map(n -> CacheMode.fromPlan(n.choice(CacheMode.planNames())))
                .orElse(CacheMode.DEFAULT);
        String io = m.get("io").map(n -> n.choice(ioNames())).orElse(DEFAULT);
        DiskBackend backend = m.get("backend").map(n -> DiskBackend.fromPlan(n.choice(DiskBackend.planNames())))
                .orElse(DiskBackend.FILE);
        try {
            DiskSpec d = diskSpec(bus, cache, io);
            return new DiskSpec(d.bus(), d.cache(), d.io(), backend);
        } catch (IllegalArgumentException e) {
            throw m.get("io").orElse(m).error(ioProblem(cache, io, e));
        }
    }

    /** {@code default} and the plan names of {@link IoMode}. */
    static List<String> ioNames() {
        List<String> valid = new ArrayList<>();
        valid.add(DEFAULT);
        valid.addAll(IoMode.planNames());
        return valid;
    }

    /** A disk with {@code io} in plan spelling, {@code default} for none. */
    static DiskSpec diskSpec(DiskBus bus, CacheMode cache, String io) {
        return new DiskSpec(bus, cache, io.equals(DEFAULT) ? null : IoMode.fromPlan(io));
    }

    /** Why {@link DiskSpec} refused {@code io} with {@code cache}, and how to fix it. */
    static String ioProblem(CacheMode cache, String io, IllegalArgumentException e) {
        if (!io.equals(DEFAULT) && IoMode.fromPlan(io) == IoMode.NATIVE) {
            return "native needs cache none or directsync (QEMU refuses aio=native with the host page cache),"
                    + " not cache " + cache.planName() + " (set cache: none, or io: threads or io_uring)";
        }
        return OneLine.of(e.getMessage());
    }

    private static NicSpec nic(PlanNode node) {
        PlanNode m = node.map("a mapping {model: ...}").allowKeys(NIC_KEYS);
        return new NicSpec(m.get("model").map(n -> NicModel.fromPlan(n.choice(NicModel.planNames())))
                .orElse(NicModel.VIRTIO));
    }

    /**
     * The canary's A/A pair {@code [VARIANT, VARIANT.canary]} that {@code node} ({@code canary: VARIANT}) names, or
     * empty when the plan has no canary ({@code node} absent or null).
     */
    static List<String> canary(PlanNode node, List<Variant> variants) {
        if (node == null || node.isNull()) {
            return List.of();
        }
        List<String> names = variants.stream().map(Variant::name).toList();
        String name;
        try {
            name = node.reference(names, "variant");
        } catch (PlanException e) {
            throw new PlanException(e.file(), e.line(), e.key(), e.problem() + "; name one variant of the plan,"
                    + " which is then measured twice a round, as VARIANT and VARIANT" + Plan.CANARY_SUFFIX);
        }
        String twin = Plan.canaryTwin(name);
        if (!Variant.NAME.matcher(twin).matches()) {
            throw node.error("the canary's twin " + OneLine.quote(twin) + " would be longer than 48 characters;"
                    + " shorten the variant's name to at most " + (48 - Plan.CANARY_SUFFIX.length()) + " characters");
        }
        if (names.contains(twin)) {
            throw node.error("the plan already has a variant " + OneLine.quote(twin) + ", the name of the canary's"
                    + " twin; rename that variant");
        }
        return List.of(name, twin);
    }

    /** {@code variants} with the twin of the canary {@code pair} (same devices) right after the canary. */
    static List<Variant> withCanary(List<Variant> variants, List<String> pair) {
        List<Variant> all = new ArrayList<>();
        for (Variant v : variants) {
            all.add(v);
            if (!pair.isEmpty() && v.name().equals(pair.get(0))) {
                all.add(new Variant(pair.get(1), v.disk(), v.nic(), v.network()));
            }
        }
        return List.copyOf(all);
    }

    /** The baseline's name: {@code node} names a variant or is {@code auto}; absent means the first variant. */
    static String baseline(PlanNode node, List<Variant> variants) {
        if (node == null) {
            return variants.get(0).name();
        }
        List<String> valid = new ArrayList<>();
        valid.add(AUTO);
        variants.forEach(v -> valid.add(v.name()));
        String value = node.reference(valid, "variant");
        return value.equals(AUTO) ? variants.get(0).name() : value;
    }
}
