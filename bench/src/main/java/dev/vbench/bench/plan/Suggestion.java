package dev.vbench.bench.plan;

import java.util.List;
import java.util.Locale;
import org.apache.commons.text.similarity.LevenshteinDistance;

/** The "did you mean" hint of a plan message: the valid value nearest to a misspelt one, by edit distance. */
final class Suggestion {
    private static final LevenshteinDistance DISTANCE = LevenshteinDistance.getDefaultInstance();

    private Suggestion() {
    }

    /**
     * {@code "; did you mean 'x'?"} for a near miss, else empty. A near miss differs from a valid value of at least
     * three characters by at most a third of its length (1 or 2 edits), or only in letter case.
     */
    static String of(String given, List<String> valid) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String v : valid) {
            int d = DISTANCE.apply(given.toLowerCase(Locale.ROOT), v);
            if (d < bestDistance) {
                bestDistance = d;
                best = v;
            }
        }
        if (best == null) {
            return "";
        }
        boolean nearMiss = best.length() >= 3 && bestDistance > 0
                && bestDistance <= Math.min(2, Math.max(1, best.length() / 3));
        boolean caseOnly = bestDistance == 0 && !best.equals(given);
        return nearMiss || caseOnly ? "; did you mean '" + best + "'?" : "";
    }
}
