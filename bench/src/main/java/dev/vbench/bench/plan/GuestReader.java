package dev.vbench.bench.plan;

import dev.vbench.provisioning.GuestSpec;
import java.util.List;

/** Reads a plan's {@code guest} section: {@code {vcpus: 1..64, memory_mib: 256..262144}}, defaults 2 and 1024. */
final class GuestReader {
    private static final List<String> KEYS = List.of("vcpus", "memory_mib");

    private GuestReader() {
    }

    static GuestSpec read(PlanNode node) {
        PlanNode m = node.map("a mapping {vcpus: N, memory_mib: N}").allowKeys(KEYS);
        int vcpus = m.get("vcpus").map(n -> n.integer(1, 64)).orElse(GuestSpec.DEFAULT.vcpus());
        int memory = m.get("memory_mib").map(n -> n.integer(256, 262144)).orElse(GuestSpec.DEFAULT.memoryMib());
        try {
            return new GuestSpec(vcpus, memory);
        } catch (IllegalArgumentException e) {
            throw m.error(e.getMessage());
        }
    }
}
