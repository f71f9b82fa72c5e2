package dev.vbench.bench.run;

import dev.vbench.bench.plan.ClaimLists;
import dev.vbench.bench.plan.ClaimsReader;
import dev.vbench.bench.plan.Plan;
import dev.vbench.bench.plan.PlanException;
import dev.vbench.bench.plan.PlanHost;
import dev.vbench.bench.plan.PlanHosts;
import dev.vbench.provisioning.Variant;
import dev.vbench.results.claims.Claim;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/** A plan of several hosts cut into one plan per host: pure, from the plan and the claims alone. */
final class HostPlans {
    private HostPlans() {
    }

    /**
     * The claims a run decides: those of {@code claimsFile}, else the plan's file's, else the plan's own.
     *
     * @throws PlanException when a claims file cannot be read or is invalid
     */
    static List<Claim> claims(Plan plan, Path claimsFile) {
        Path file = claimsFile != null ? claimsFile : plan.claimsFile();
        if (file == null) {
            return plan.claims();
        }
        try {
            ClaimLists all = ClaimsReader.readAll(file);
            if (!all.durability().isEmpty()) {
                throw new PlanException(file.toString(), 0, null, "durability claim " + all.durability().get(0).id()
                        + " is in a claims file, which holds speed claims only; move it into the plan's claims:");
            }
            return all.speed();
        } catch (IOException e) {
            String why = e instanceof NoSuchFileException ? "no such file" : e.getMessage();
            throw new PlanException(file.toString(), 0, null, "cannot read the claims file (" + why
                    + "); give a readable YAML file");
        }
    }

    /**
     * Host number {@code index}'s plan: that host alone, the variants laid out on it ({@link PlanHosts#variantsOn}),
     * the canary pair when both of it are there, and the claims whose two variants are there
     * (durability claims: whose variant is there).
     */
    static Plan on(Plan plan, int index, List<Claim> claims) {
        PlanHosts all = plan.hosts();
        PlanHost host = all.hosts().get(index);
        List<String> names = all.variantsOn(index, plan.variantNames(), plan.baseline(), plan.canary());
        List<Variant> variants = plan.variants().stream().filter(v -> names.contains(v.name())).toList();
        List<String> canary = names.containsAll(plan.canary()) ? plan.canary() : List.of();
        List<Claim> here = claims.stream()
                .filter(c -> names.contains(c.baseline()) && names.contains(c.candidate())).toList();
        PlanHosts one = new PlanHosts(List.of(host), false, all.iperf3Server(), all.claimsHoldOn());
        return new Plan(plan.name(), host.connect(), one, plan.image(), plan.accel(), plan.guest(), plan.network(),
                plan.baseline(), canary, variants, plan.workloads(), plan.crashWorkloads(), plan.replication(),
                plan.parallelBoots(), here, null, plan.nativeCeiling(), plan.source(),
                plan.durabilityClaims().stream().filter(c -> names.contains(c.variant())).toList());
    }
}
