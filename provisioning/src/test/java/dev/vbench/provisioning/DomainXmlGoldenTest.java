package dev.vbench.provisioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every domain XML is compared byte for byte with its golden file in {@code src/test/resources/golden}. After an
 * intended change, regenerate them with {@code -Dvbench.updateGolden=true} and review the diff.
 */
class DomainXmlGoldenTest {
    static final Path GOLDEN = Path.of("src/test/resources/golden");
    static final boolean UPDATE = Boolean.getBoolean("vbench.updateGolden");

    static Stream<Arguments> cases() {
        return DomainXmlCases.all().entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void matchesGoldenFile(String name, String xml) throws IOException {
        Path file = GOLDEN.resolve("domain-" + name + ".xml");
        if (UPDATE) {
            Files.createDirectories(GOLDEN);
            Files.writeString(file, xml, StandardCharsets.UTF_8);
        }
        if (!Files.exists(file)) {
            fail("golden file " + file.toAbsolutePath() + " is missing; create it with -Dvbench.updateGolden=true");
        }
        assertThat(xml.getBytes(StandardCharsets.UTF_8)).as("bytes of %s", file)
                .isEqualTo(Files.readAllBytes(file));
    }

    @Test
    void everyGoldenFileBelongsToACase() throws IOException {
        Map<String, String> cases = DomainXmlCases.all();
        try (Stream<Path> files = Files.list(GOLDEN)) {
            assertThat(files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("domain-")))
                    .allSatisfy(n -> assertThat(cases).containsKey(n.substring("domain-".length(), n.length() - 4)));
        }
    }

    @Test
    void renderingIsIndependentOfTheDefaultLocale() {
        Map<String, String> root = DomainXmlCases.all();
        Locale saved = Locale.getDefault();
        try {
            for (Locale l : new Locale[] {Locale.forLanguageTag("tr-TR"), Locale.forLanguageTag("de-DE"),
                Locale.forLanguageTag("ar-EG")}) {
                Locale.setDefault(l);
                assertThat(DomainXmlCases.all()).as("under %s", l).isEqualTo(root);
            }
        } finally {
            Locale.setDefault(saved);
        }
    }

    @Test
    void renderingIsStable() {
        assertThat(DomainXml.render(DomainXmlCases.base())).isEqualTo(DomainXml.render(DomainXmlCases.base()));
    }
}
