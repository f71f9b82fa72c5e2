package dev.vbench.provisioning;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every generated domain XML passes libvirt's own schema ({@code virt-xml-validate FILE domain}, package
 * libvirt-clients; it needs xmllint from libxml2-utils). A missing validator fails the test: install it with
 * {@code apt-get install -y libvirt-clients libxml2-utils}.
 */
class DomainXmlValidationTest {
    static final Path VALIDATOR = Path.of("/usr/bin/virt-xml-validate");

    @TempDir
    Path tmp;

    static Stream<Arguments> cases() {
        return DomainXmlCases.all().entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void passesLibvirtSchema(String name, String xml) throws Exception {
        Result r = validate(name, xml);
        assertThat(r.exit).as("virt-xml-validate on %s:%n%s%n%s", name, r.output, xml).isZero();
    }

    @Test
    void validatorRejectsABrokenDefinition() throws Exception {
        // the validator itself must be able to fail, or the test above proves nothing
        String broken = DomainXml.render(DomainXmlCases.base()).replace("<target dev=\"vdb\" bus=\"virtio\"/>",
                "<target dev=\"vdb\" bus=\"floppy-tape\"/>");
        assertThat(broken).contains("floppy-tape");
        Result r = validate("broken", broken);
        assertThat(r.exit).as(r.output).isNotZero();
    }

    record Result(int exit, String output) {
    }

    private Result validate(String name, String xml) throws IOException, InterruptedException {
        assertThat(VALIDATOR).as("%s is missing: apt-get install -y libvirt-clients libxml2-utils", VALIDATOR)
                .isExecutable();
        Path file = tmp.resolve(name + ".xml");
        Files.writeString(file, xml, StandardCharsets.UTF_8);
        Process p = new ProcessBuilder(VALIDATOR.toString(), file.toString(), "domain").redirectErrorStream(true)
                .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("validator finished").isTrue();
        return new Result(p.exitValue(), out);
    }
}
