package dev.vbench.results.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vbench.results.Analysis;
import dev.vbench.results.AnalysisResult;
import dev.vbench.results.RunContext;
import dev.vbench.results.RunStatus;
import dev.vbench.results.Sample;
import dev.vbench.results.VariantFailure;
import dev.vbench.results.chart.ChartFile;
import dev.vbench.results.claims.Claim;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Whatever the names and texts hold, the report shows them as text: nothing in them becomes markup. */
class ReportHtmlTest {
    private static final String VARIANT = "<b>a&'\"</b>";
    private static final String CLAIM_TEXT = "<script>alert('x&y')</script> \"q\"";
    private static final Pattern TAG = Pattern.compile("<(/?[a-zA-Z0-9!]+)");

    @Test
    void hostileStringsComeOutEscapedEverywhere() {
        String html = ReportHtml.format(hostile(), List.of(
                new ChartFile("mean", "t<'\">", "charts/a&b.png", "charts/\"onerror=x.svg", 10, 20)));

        assertThat(html).doesNotContain("<script", "<b>a", "onerror=x.svg\"", "'x&y'");
        assertThat(html)
                .contains("<title>vbench report: baseline &lt;b&gt;a&amp;&#39;&quot;&lt;/b&gt;</title>")
                .contains("<b>id-x</b><br>&lt;script&gt;alert(&#39;x&amp;y&#39;)&lt;/script&gt; &quot;q&quot;")
                .contains("<td>w&lt;i&gt;</td>")
                .contains("<img src=\"charts/a&amp;b.png\" alt=\"t&lt;&#39;&quot;&gt;\" width=\"10\" height=\"20\">")
                .contains("<a href=\"charts/&quot;onerror&#61;x.svg\">SVG</a>")
                .contains("<tr><td>x&lt;y</td><td>r &amp; &lt;z&gt;</td></tr>")
                .contains("<tr><td>k&lt;</td><td><code>v&amp;&quot;&#39;&#10;2</code></td></tr>");
    }

    @Test
    void theOnlyTagsAreTheTemplatesOwn() {
        Matcher tags = TAG.matcher(ReportHtml.format(hostile(), List.of()));
        List<String> names = tags.results().map(m -> m.group(1).replace("/", "")).distinct().toList();
        assertThat(names).containsOnly("!DOCTYPE", "html", "head", "meta", "title", "style", "body", "main", "h1",
                "p", "b", "span", "a", "section", "h2", "div", "table", "tr", "th", "td", "br", "h3", "code", "ul",
                "li");
    }

    private static AnalysisResult hostile() {
        List<Sample> samples = List.of(new Sample(VARIANT, "w<i>", "read_iops", "IO/s", 1, 1),
                new Sample(VARIANT, "w<i>", "read_iops", "IO/s", 2, 1.1),
                new Sample("b", "w<i>", "read_iops", "IO/s", 1, 2),
                new Sample("b", "w<i>", "read_iops", "IO/s", 2, 2.1));
        Claim claim = new Claim("id-x", CLAIM_TEXT, VARIANT, "b", "w<i>", "read_iops", 1.5);
        RunContext context = new RunContext(Map.of("k<", "v&\"'\n2"),
                List.of(new VariantFailure("x<y", "r & <z>")), RunStatus.INTERRUPTED);
        return Analysis.compute(samples, VARIANT, List.of(claim), context);
    }
}
