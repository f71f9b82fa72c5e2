package dev.vbench.bench.plan;

import dev.vbench.provisioning.Variant;
import dev.vbench.results.claims.DurabilityMetric;
import dev.vbench.results.metric.MetricCatalog;
import dev.vbench.results.metric.MetricDef;
import dev.vbench.results.metric.WorkloadKind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A named measurement run on every variant: exactly one of a fio job, an iperf3 run or a durability trial.
 *
 * @param name       unique within a plan; same alphabet as variant names ({@link Variant#NAME})
 * @param fio        the fio job, or {@code null}
 * @param iperf3     the iperf3 run, or {@code null}
 * @param durability the host-crash durability trial, or {@code null}
 */
public record Workload(String name, FioSpec fio, Iperf3Spec iperf3, DurabilitySpec durability) {
    public Workload {
        Objects.requireNonNull(name, "name");
        if (!Variant.NAME.matcher(name).matches()) {
            throw new InvalidSpecException("name", "workload name " + OneLine.quote(name) + " must match "
                    + Variant.NAME.pattern() + " (lower-case letters, digits, '.', '_', '-'; no path separators)");
        }
        if ((fio != null ? 1 : 0) + (iperf3 != null ? 1 : 0) + (durability != null ? 1 : 0) != 1) {
            throw new InvalidSpecException("name", "workload " + name
                    + " needs exactly one of fio, iperf3 and durability");
        }
    }

    /** A fio or iperf3 workload. */
    public Workload(String name, FioSpec fio, Iperf3Spec iperf3) {
        this(name, fio, iperf3, null);
    }

    private static final List<String> KEYS = List.of("name", "fio", "iperf3", "durability");
    private static final List<String> TOOLS = List.of("fio", "iperf3", "durability");

    /**
     * Reads a plan's {@code workloads}: a list of {@code {name: NAME, fio: {...}}}, {@code {name, iperf3}} or
     * {@code {name, durability}}.
     */
    static List<Workload> readAll(PlanNode node) {
        List<PlanNode> items = node.list("a list of workloads, e.g. - {name: randread-4k, fio: {rw: randread}}");
        if (items.isEmpty()) {
            throw node.error("no workloads (give at least one fio or iperf3 workload)");
        }
        Map<String, PlanNode> names = new HashMap<>();
        List<Workload> out = new ArrayList<>();
        for (PlanNode item : items) {
            PlanNode m = item.map("a mapping {name: NAME, fio: {...}} or {name: NAME, iperf3: {...}}").allowKeys(KEYS);
            PlanNode nameNode = m.required("name", "e.g. name: randread-4k");
            String name = nameNode.name(Variant.NAME, "workload name");
            PlanNode first = names.putIfAbsent(name, nameNode);
            if (first != null) {
                throw nameNode.error("duplicate workload name " + OneLine.quote(name) + " (first on line "
                        + first.line() + "; workload names must be unique)");
            }
            List<String> tools = TOOLS.stream().filter(t -> m.get(t).isPresent()).toList();
            if (tools.size() > 1) {
                throw m.error("give one of fio, iperf3 and durability, not " + String.join(" and ", tools)
                        + " (make one workload each)");
            }
            if (tools.isEmpty()) {
                throw m.error("missing the tool (give fio: {rw: ...}, iperf3: {duration: ...} or durability:"
                        + " {mode: sync})");
            }
            PlanNode spec = m.get(tools.get(0)).orElseThrow();
            out.add(switch (tools.get(0)) {
                case "fio" -> fio(name, FioSpec.read(spec));
                case "iperf3" -> iperf3(name, Iperf3Spec.read(spec));
                default -> durability(name, DurabilitySpec.read(spec));
            });
        }
        return out;
    }

    public static Workload fio(String name, FioSpec fio) {
        return new Workload(name, fio, null);
    }

    public static Workload iperf3(String name, Iperf3Spec iperf3) {
        return new Workload(name, null, iperf3);
    }

    public static Workload durability(String name, DurabilitySpec durability) {
        return new Workload(name, null, null, durability);
    }

    /** Whether this is a fio (disk) workload rather than an iperf3 (network) or durability one. */
    public boolean isFio() {
        return fio != null;
    }

    /** Whether this is a host-crash durability trial. */
    public boolean isDurability() {
        return durability != null;
    }

    /** The tool that runs it: {@code fio}, {@code iperf3} or {@code vbench-durable}. */
    public String tool() {
        return isFio() ? "fio" : isDurability() ? "vbench-durable" : "iperf3";
    }

    /**
     * The metrics this workload produces ({@link MetricCatalog}; a durability trial's are
     * {@link DurabilityMetric}'s), the names a claim about it may use.
     */
    public List<String> metricNames() {
        if (isDurability()) {
            return DurabilityMetric.names();
        }
        WorkloadKind kind = isFio() ? WorkloadKind.FIO : iperf3.udp() ? WorkloadKind.IPERF3_UDP
                : WorkloadKind.IPERF3_TCP;
        return MetricCatalog.of(kind, isFio() ? fio.directions() : List.of()).stream().map(MetricDef::name)
                .toList();
    }
}
