package dev.vbench.results.report;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vbench.results.DecimalText;
import java.util.List;

/** What {@code hosts.mustache} shows: {@link HostsReport.Summary} as display text. */
record HostsView(String plan, String status, String rule, String spread, String note, List<String> hostNames,
                 List<HostsReport.HostRun> hosts, boolean anyClaims, List<Claim> claims, List<Row> cells) {

    /** A claim's row: the combined verdict, then one entry per host. */
    record Claim(String id, String text, String comparison, String verdict, List<Side> hosts) {
    }

    /** One host's verdict on a claim: badge and the gain with its interval at the level it was decided at. */
    record Side(String verdict, String css, String gain) {
    }

    /** A cell's row: the cell, then per host its mean [95% interval] or a dash. */
    record Row(String variant, String workload, String metric, String unit, List<String> values) {
    }

    static HostsView of(HostsReport.Summary s) {
        List<String> names = s.hosts().stream().map(HostsReport.HostRun::name).toList();
        List<Claim> claims = s.claims().stream().map(c -> new Claim(c.id(), c.text(), c.candidate() + " vs "
                + c.baseline() + ", " + c.workload() + " " + c.metric(), c.verdict(), c.hosts().stream()
                .map(h -> new Side(h.verdict(), h.verdict().contains(" ") ? "nt" : h.verdict(), gain(h))).toList()))
                .toList();
        List<Row> rows = s.cells().stream().map(c -> new Row(c.variant(), c.workload(), c.metric(), c.unit(),
                names.stream().map(n -> c.hosts().stream().filter(h -> h.host().equals(n)).findFirst()
                        .map(HostsView::cell).orElse("-")).toList())).toList();
        return new HostsView(s.plan(), s.status(), s.claimsHoldOn(), s.spread() ? "variants spread over the hosts"
                : "every variant on every host", s.note(), names, s.hosts(), !claims.isEmpty(), claims, rows);
    }

    private static String gain(HostsReport.HostVerdict h) {
        if (!number(h.gain())) {
            return h.reason() == null ? "" : h.reason();
        }
        String text = num(h.gain()) + "x";
        if (number(h.gainCiLow()) && number(h.gainCiHigh())) {
            text += " [" + num(h.gainCiLow()) + ", " + num(h.gainCiHigh()) + "]";
            if (number(h.gainCiLevel())) {
                text += " at " + DecimalText.significant(h.gainCiLevel().asDouble() * 100, 4) + "%";
            }
        }
        return text;
    }

    private static String cell(HostsReport.HostCell h) {
        if (!number(h.mean())) {
            return "-";
        }
        String text = num(h.mean());
        if (number(h.ci95Low()) && number(h.ci95High())) {
            text += " [" + num(h.ci95Low()) + ", " + num(h.ci95High()) + "]";
        }
        return text + (number(h.boots()) ? " (" + h.boots().asInt() + " boots)" : "");
    }

    private static boolean number(JsonNode n) {
        return n != null && n.isNumber();
    }

    private static String num(JsonNode n) {
        return DecimalText.significant(n.asDouble(), 3);
    }
}
