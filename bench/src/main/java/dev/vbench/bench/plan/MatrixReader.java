package dev.vbench.bench.plan;

import dev.vbench.provisioning.CacheMode;
import dev.vbench.provisioning.DiskBus;
import dev.vbench.provisioning.DiskSpec;
import dev.vbench.provisioning.NicModel;
import dev.vbench.provisioning.NicSpec;
import dev.vbench.provisioning.Variant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Reads a plan's {@code matrix}: lists of values for {@code disk.bus}, {@code disk.cache}, {@code disk.io} and
 * {@code nic.model}, expanded as a full factorial with the bus varying slowest and the NIC model fastest. A
 * variant is named {@code DiskSpec.shortName() + "-" + nic model}.
 */
final class MatrixReader {
    private static final List<String> KEYS = List.of("disk.bus", "disk.cache", "disk.io", "nic.model");

    private MatrixReader() {
    }

    static List<Variant> read(PlanNode node) {
        PlanNode m = node.map("a mapping of disk.bus, disk.cache, disk.io, nic.model to lists of values")
                .allowKeys(KEYS);
        if (m.keys().isEmpty()) {
            throw m.error("empty matrix (give lists for any of " + String.join(", ", KEYS) + ")");
        }
        List<DiskBus> buses = values(m, "disk.bus", DiskBus.planNames(), DiskBus::fromPlan, DiskBus.VIRTIO);
        List<CacheMode> caches = values(m, "disk.cache", CacheMode.planNames(), CacheMode::fromPlan,
                CacheMode.DEFAULT);
        List<String> ios = values(m, "disk.io", VariantsReader.ioNames(), s -> s, VariantsReader.DEFAULT);
        List<NicModel> nics = values(m, "nic.model", NicModel.planNames(), NicModel::fromPlan, NicModel.VIRTIO);
        List<Variant> out = new ArrayList<>();
        for (DiskBus bus : buses) {
            for (CacheMode cache : caches) {
                for (String io : ios) {
                    DiskSpec disk;
                    try {
                        disk = VariantsReader.diskSpec(bus, cache, io);
                    } catch (IllegalArgumentException e) {
                        throw m.get("disk.io").orElseThrow().error("the combination disk.cache " + cache.planName()
                                + " with disk.io " + io + " is invalid: " + VariantsReader.ioProblem(cache, io, e)
                                + "; list such variants explicitly under variants");
                    }
                    for (NicModel nic : nics) {
                        out.add(new Variant(disk.shortName() + "-" + nic.planName(), disk, new NicSpec(nic)));
                    }
                }
            }
        }
        return out;
    }

    private static <T> List<T> values(PlanNode m, String key, List<String> valid, Function<String, T> lookup,
            T absent) {
        PlanNode node = m.get(key).orElse(null);
        if (node == null) {
            return List.of(absent);
        }
        List<PlanNode> items = node.list("a list of values, e.g. " + key + ": [" + valid.get(0) + ", " + valid.get(1)
                + "]");
        if (items.isEmpty()) {
            throw node.error("empty list (valid values: " + String.join(", ", valid) + ")");
        }
        List<String> seen = new ArrayList<>();
        List<T> out = new ArrayList<>();
        for (PlanNode item : items) {
            String value = item.choice(valid);
            if (seen.contains(value)) {
                throw item.error("duplicate value " + OneLine.quote(value));
            }
            seen.add(value);
            out.add(lookup.apply(value));
        }
        return out;
    }
}
