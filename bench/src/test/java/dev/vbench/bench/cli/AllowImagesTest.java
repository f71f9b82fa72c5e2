package dev.vbench.bench.cli;

import static dev.vbench.bench.cli.Cli.vbench;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vbench.bench.image.TestQemuImg;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A plan's own image files that pass the check: under {@code VBENCH_HOME/images}, or under a directory allowed
 * with {@code --allow-images}, a qcow2 overlay over a base beside it. (The refusals are in {@link BadInputTest}.)
 */
class AllowImagesTest {
    private static final String HOME = "vbench.home";

    @TempDir
    Path dir;
    private Path lab;
    private String savedHome;


    @BeforeEach
    void labHome() throws Exception {
        lab = dir.resolve("lab");
        Files.createDirectories(lab.resolve("ssh"));
        Files.writeString(lab.resolve("ssh/id_ed25519"), "-----BEGIN OPENSSH PRIVATE KEY-----\nfake\n");
        Files.setPosixFilePermissions(lab.resolve("ssh/id_ed25519"), PosixFilePermissions.fromString("rw-------"));
        savedHome = System.getProperty(HOME);
        System.setProperty(HOME, lab.toString());
    }

    @AfterEach
    void restoreHome() {
        if (savedHome == null) {
            System.clearProperty(HOME);
        } else {
            System.setProperty(HOME, savedHome);
        }
    }


    /** An overlay {@code disk.qcow2} over {@code base.qcow2} beside it, with data disk, host key and kernel. */
    private static Path image(Path dir) throws Exception {
        Files.createDirectories(dir);
        TestQemuImg.qcow2(dir.resolve("base.qcow2"));
        TestQemuImg.overlay(dir.resolve("disk.qcow2"), "base.qcow2", "qcow2");
        for (String file : List.of("data.raw", "vmlinuz", "initrd.img")) {
            Files.write(dir.resolve(file), new byte[] {0});
        }
        Files.writeString(dir.resolve("host_key.pub"), "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIFake\n");
        return dir;
    }

    private Path plan(Path image, String extra) throws Exception {
        String smoke = Files.readString(Path.of("plans/smoke.yaml"));
        Path plan = dir.resolve("plan.yaml");
        Files.writeString(plan, smoke.replace("name: smoke\n", "name: smoke\nimage: {disk: " + image.resolve(
                "disk.qcow2") + ", kernel: " + image.resolve("vmlinuz") + ", initrd: " + image.resolve("initrd.img")
                + "}\n" + extra));
        return plan;
    }

    private Cli.Result emitXml(Path plan, String... extra) {
        List<String> args = new ArrayList<>(List.of("plan", "--plan", plan.toString(), "--emit-xml",
                dir.resolve("xml").toString()));
        args.addAll(List.of(extra));
        return vbench(args);
    }

    @Test
    void anImageUnderTheLabsImagesNeedsNoFlag() throws Exception {
        Path image = image(lab.resolve("images/mine"));

        Cli.Result r = emitXml(plan(image, ""));

        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(Files.readString(dir.resolve("xml/ide-wt-e1000.xml")))
                .contains("<kernel>" + image.resolve("vmlinuz") + "</kernel>");
    }

    @Test
    void anImageElsewhereNeedsItsDirectoryAllowedOnTheCommandLine() throws Exception {
        Path image = image(dir.resolve("elsewhere"));
        Path plan = plan(image, "");

        Cli.Result refused = emitXml(plan);
        Cli.Result allowed = emitXml(plan, "--allow-images", image.toString());

        assertThat(refused.exit()).isEqualTo(ExitCode.CONFIG);
        assertThat(refused.err()).contains("image.disk: " + image.resolve("disk.qcow2") + " lies outside");
        assertThat(allowed.exit()).as(allowed.err()).isZero();
        assertThat(Files.readString(dir.resolve("xml/virtio-wb-virtio.xml")))
                .contains("<initrd>" + image.resolve("initrd.img") + "</initrd>");
    }

    @Test
    void aRunAndItsResumeEachTakeTheFlag() throws Exception {
        Path image = image(dir.resolve("elsewhere"));
        Path plan = plan(image, "connect: test:///default\naccel: tcg\nnetwork: default\n");
        Path out = dir.resolve("out");

        // test:///default boots nothing: every variant fails, the run is partial, but it ran with the image
        Cli.Result run = vbench(List.of("run", "--plan", plan.toString(), "--out", out.toString(), "--allow-images",
                image.toString(), "--boot-timeout", "10"));
        assertThat(run.exit()).as(run.err()).isEqualTo(ExitCode.PARTIAL);
        assertThat(out.resolve("run.json")).exists();

        Cli.Result without = vbench(List.of("run", "--resume", out.toString()));
        assertThat(without.exit()).isEqualTo(ExitCode.CONFIG);
        assertThat(without.err()).contains("image.disk: ", "lies outside", "--allow-images");

        Cli.Result resumed = vbench(List.of("run", "--resume", out.toString(), "--allow-images", image.toString(),
                "--boot-timeout", "10"));
        assertThat(resumed.exit()).as(resumed.err()).isEqualTo(ExitCode.PARTIAL);
        assertThat(resumed.out()).contains("accelerator: tcg");
    }
}
