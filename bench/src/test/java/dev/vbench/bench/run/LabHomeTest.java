package dev.vbench.bench.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vbench.provisioning.ProvisioningException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LabHomeTest {
    @TempDir
    Path tmp;

    @Test
    void theDefaultImageIsPinnedToTheDirectoryTheLinkNamesWhenTheRunStarts() throws Exception {
        LabHome lab = new LabHome(tmp);
        Path old = Files.createDirectories(lab.images().resolve("94af86b1b796cbb1"));
        Files.createDirectories(lab.images().resolve("980641e7eec1face"));
        Files.createSymbolicLink(lab.defaultImageDir(), Path.of("94af86b1b796cbb1"));

        Path pinned = lab.pinnedDefaultImageDir();
        Files.delete(lab.defaultImageDir());
        Files.createSymbolicLink(lab.defaultImageDir(), Path.of("980641e7eec1face"));

        assertThat(pinned).isEqualTo(old.toRealPath());
    }

    @Test
    void aLinkLeadingOutOfTheImagesDirectoryIsRefused() throws Exception {
        LabHome lab = new LabHome(tmp.resolve("home"));
        Files.createDirectories(lab.images());
        Path elsewhere = Files.createDirectories(tmp.resolve("elsewhere"));
        Files.createSymbolicLink(lab.defaultImageDir(), elsewhere);

        assertThatThrownBy(lab::pinnedDefaultImageDir).isInstanceOf(ProvisioningException.class)
                .hasMessageContaining("not to an image directory beside it").hasMessageContaining("scripts/lab image");
    }

    @Test
    void withoutAnImageTheLinkItselfIsGivenForTheLayoutToNameTheFix() {
        LabHome lab = new LabHome(tmp);
        assertThat(lab.pinnedDefaultImageDir()).isEqualTo(lab.defaultImageDir());
    }
}
