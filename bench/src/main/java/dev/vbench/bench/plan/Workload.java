package dev.vbench.bench.plan;

import dev.vbench.provisioning.Variant;
import dev.vbench.results.metric.MetricCatalog;
import dev.vbench.results.metric.MetricDef;
import dev.vbench.results.metric.WorkloadKind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A named measurement run on every variant: exactly one of a fio job or an iperf3 run.
 *
 * @param name   unique within a plan; same alphabet as variant names ({@link Variant#NAME})
 * @param fio    the fio job, or {@code null}
 * @param iperf3 the iperf3 run, or {@code null}
 */
public record Workload(String name, FioSpec fio, Iperf3Spec iperf3) {
    public Workload {
        Objects.requireNonNull(name, "name");
        if (!Variant.NAME.matcher(name).matches()) {
            throw new InvalidSpecException("name", "workload name " + OneLine.quote(name) + " must match "
                    + Variant.NAME.pattern() + " (lower-case letters, digits, '.', '_', '-'; no path separators)");
        }
        if ((fio == null) == (iperf3 == null)) {
            throw new InvalidSpecException("name", "workload " + name + " needs exactly one of fio and iperf3");
        }
    }

    private static final List<String> KEYS = List.of("name", "fio", "iperf3");

    /** Reads a plan's {@code workloads}: a list of {@code {name: NAME, fio: {...}}} or {@code {name, iperf3}}. */
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
            PlanNode fio = m.get("fio").orElse(null);
            PlanNode iperf3 = m.get("iperf3").orElse(null);
            if (fio != null && iperf3 != null) {
                throw m.error("give either fio or iperf3, not both (make two workloads)");
            }
            if (fio == null && iperf3 == null) {
                throw m.error("missing the tool (give fio: {rw: ...} or iperf3: {duration: ...})");
            }
            out.add(fio != null ? fio(name, FioSpec.read(fio)) : iperf3(name, Iperf3Spec.read(iperf3)));
        }
        return out;
    }

    public static Workload fio(String name, FioSpec fio) {
        return new Workload(name, fio, null);
    }

    public static Workload iperf3(String name, Iperf3Spec iperf3) {
        return new Workload(name, null, iperf3);
    }

    /** Whether this is a fio (disk) workload rather than an iperf3 (network) one. */
    public boolean isFio() {
        return fio != null;
    }

    /** The tool that runs it: {@code fio} or {@code iperf3}. */
    public String tool() {
        return isFio() ? "fio" : "iperf3";
    }

    /** The metrics this workload produces ({@link MetricCatalog}), the names a claim about it may use. */
    public List<String> metricNames() {
        WorkloadKind kind = isFio() ? WorkloadKind.FIO : iperf3.udp() ? WorkloadKind.IPERF3_UDP
                : WorkloadKind.IPERF3_TCP;
        return MetricCatalog.of(kind, isFio() ? fio.directions() : List.of()).stream().map(MetricDef::name)
                .toList();
    }
}
