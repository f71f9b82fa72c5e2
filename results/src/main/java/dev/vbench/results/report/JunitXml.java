package dev.vbench.results.report;

import dev.vbench.results.AnalysisResult;
import dev.vbench.results.DecimalText;
import dev.vbench.results.claims.ClaimResult;
import dev.vbench.results.claims.ClaimVerdict;
import dev.vbench.results.stats.Gain;

/**
 * The claims as a JUnit XML test suite, {@code junit.xml}, for CI systems: one test case per claim (in claims
 * file order), a REFUTED claim is a {@code <failure>}, an INCONCLUSIVE one an {@code <error>}. No timestamps or
 * host names, so the file is the same for the same input.
 */
public final class JunitXml {
    private JunitXml() {
    }

    /**
     * @param result the analysis
     * @return the XML text, LF line ends
     */
    public static String format(AnalysisResult result) {
        long failures = result.claims().stream().filter(c -> c.verdict() == ClaimVerdict.REFUTED).count();
        long errors = result.claims().stream().filter(c -> c.verdict() == ClaimVerdict.INCONCLUSIVE).count();
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        xml.append("<testsuite name=\"vbench.claims\" tests=\"").append(result.claims().size())
                .append("\" failures=\"").append(failures).append("\" errors=\"").append(errors)
                .append("\" skipped=\"0\" time=\"0\">\n");
        xml.append("  <properties>\n");
        property(xml, "baseline", result.baseline());
        property(xml, "run.status", result.context().status().text());
        xml.append("  </properties>\n");
        for (ClaimResult claim : result.claims()) {
            xml.append("  <testcase classname=\"vbench.claims\" name=\"").append(Xml.escape(claim.claim().id()))
                    .append("\" time=\"0\">\n");
            String message = claim.verdict() + ": " + claim.claim().text() + " (gain " + gain(claim.gain())
                    + ", min_gain " + DecimalText.shortest(claim.claim().minGain()) + ")";
            if (claim.verdict() == ClaimVerdict.REFUTED) {
                element(xml, "failure", message, claim.reason());
            } else if (claim.verdict() == ClaimVerdict.INCONCLUSIVE) {
                element(xml, "error", message, claim.reason());
            } else {
                xml.append("    <system-out>").append(Xml.escape(message + ": " + claim.reason()))
                        .append("</system-out>\n");
            }
            xml.append("  </testcase>\n");
        }
        xml.append("</testsuite>\n");
        return xml.toString();
    }

    private static void property(StringBuilder xml, String name, String value) {
        xml.append("    <property name=\"").append(Xml.escape(name)).append("\" value=\"").append(Xml.escape(value))
                .append("\"/>\n");
    }

    private static void element(StringBuilder xml, String name, String message, String body) {
        xml.append("    <").append(name).append(" type=\"").append(name.equals("failure") ? "REFUTED" : "INCONCLUSIVE")
                .append("\" message=\"").append(Xml.escape(message)).append("\">").append(Xml.escape(body))
                .append("</").append(name).append(">\n");
    }

    private static String gain(Gain gain) {
        if (Double.isNaN(gain.value())) {
            return "n/a";
        }
        String value = DecimalText.significant(gain.value(), 3) + "x";
        if (!gain.hasInterval()) {
            return value;
        }
        return value + " [" + DecimalText.significant(gain.ci95Low(), 3) + ", "
                + DecimalText.significant(gain.ci95High(), 3) + "]";
    }
}
