package dev.vbench.results.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vbench.results.Analysis;
import dev.vbench.results.AnalysisResult;
import dev.vbench.results.RunContext;
import dev.vbench.results.RunStatus;
import dev.vbench.results.Sample;
import dev.vbench.results.VariantFailure;
import dev.vbench.results.claims.Claim;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xml.sax.InputSource;

class JunitXmlTest {
    private static final String BASELINE = "b<&\"'>";

    @Test
    void anyTextReadsBackAsWrittenAndCharactersXmlCannotHoldBecomeReplacementCharacters() throws Exception {
        List<Sample> samples = List.of(new Sample(BASELINE, "w", "read_iops", "IO/s", 1, 1),
                new Sample(BASELINE, "w", "read_iops", "IO/s", 2, 1.1));
        Claim claim = new Claim("id-1", "text ]]> <&\"'> \u0001", BASELINE, "gone", "w", "read_iops", 1.5);
        RunContext context = new RunContext(Map.of(), List.of(new VariantFailure("gone", "bad <&\"'> \uD800")),
                RunStatus.PARTIAL);
        AnalysisResult result = Analysis.compute(samples, BASELINE, List.of(claim), context);

        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new InputSource(new StringReader(JunitXml.format(result))));

        Element property = (Element) doc.getElementsByTagName("property").item(0);
        assertThat(property.getAttribute("value")).isEqualTo(BASELINE);
        Element testcase = (Element) doc.getElementsByTagName("testcase").item(0);
        assertThat(testcase.getAttribute("name")).isEqualTo("id-1");
        Element error = (Element) testcase.getElementsByTagName("error").item(0);
        assertThat(error.getAttribute("message"))
                .isEqualTo("INCONCLUSIVE: text ]]> <&\"'> \uFFFD (gain n/a, min_gain 1.5)");
        assertThat(error.getTextContent()).isEqualTo("variant gone failed: bad <&\"'> \uFFFD");
    }
}
