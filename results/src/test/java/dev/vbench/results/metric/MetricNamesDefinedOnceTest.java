package dev.vbench.results.metric;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The catalog is the only place a metric name is written: no string literal in the main code of any module
 * spells a metric name or a fio metric suffix ({@code "_iops"}, {@code "_clat_p99"}...), except where it is a
 * tool's own JSON key (iperf3's {@code retransmits}).
 */
class MetricNamesDefinedOnceTest {
    private static final Pattern COMMENT = Pattern.compile("//[^\n]*|/\\*.*?\\*/", Pattern.DOTALL);
    /** Literals that are another tool's own field names, not vbench's metric names. */
    private static final Set<String> TOOL_FIELDS = Set.of("Iperf3Parser.java: \"retransmits\"");
    private static final Pattern LITERAL = Pattern.compile("\"((?:[^\"\\\\\n]|\\\\.)*)\"");

    @Test
    void noMainSourceOutsideTheCatalogSpellsAMetricName() throws IOException {
        Set<String> forbidden = new TreeSet<>();
        MetricCatalog.all().forEach(d -> forbidden.add(d.name()));
        for (MetricCatalog.FioMeasure m : MetricCatalog.FioMeasure.values()) {
            String name = MetricCatalog.fio("read", m).name();
            forbidden.add(name.substring("read".length()));
        }
        Path root = Path.of("").toAbsolutePath().getParent();
        List<Path> sources;
        try (Stream<Path> files = Files.walk(root)) {
            sources = files.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> p.toString().contains("/src/main/java/"))
                    .filter(p -> !p.toString().contains("/target/"))
                    .filter(p -> !p.getFileName().toString().equals("MetricCatalog.java")).toList();
        }
        assertThat(sources).hasSizeGreaterThan(50);
        List<String> found = new ArrayList<>();
        for (Path source : sources) {
            String code = COMMENT.matcher(read(source)).replaceAll(" ");
            Matcher literal = LITERAL.matcher(code);
            while (literal.find()) {
                String where = source.getFileName() + ": \"" + literal.group(1) + "\"";
                if (forbidden.contains(literal.group(1)) && !TOOL_FIELDS.contains(where)) {
                    found.add(root.relativize(source) + ": \"" + literal.group(1) + "\"");
                }
            }
        }
        assertThat(found).as("metric names spelled outside MetricCatalog").isEmpty();
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
