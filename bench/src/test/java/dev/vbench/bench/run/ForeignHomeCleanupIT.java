package dev.vbench.bench.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vbench.provisioning.Provisioner;
import dev.vbench.provisioning.RunOwner;
import dev.vbench.provisioning.RunTag;
import dev.vbench.provisioning.TaggedDomain;
import dev.vbench.provisioning.libvirt.LibvirtProvisioner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.libvirt.Connect;

/**
 * {@code vbench cleanup} against a live run of another {@code VBENCH_HOME} on the same libvirtd: a one-variant run
 * started from a second home (the lab's key and image, hard-linked) is found by its domain; cleanup of the default
 * home lists that domain, and a copy of it carrying its tag under another name (defined, not booted), as not ours
 * and removes neither; the run then completes. Only the other home's own cleanup removes the copy.
 */
class ForeignHomeCleanupIT {
    static final String PLAN = "src/test/resources/plans/foreign.yaml";
    static final Duration LIMIT = Duration.ofMinutes(3);

    @TempDir
    Path tmp;

    @BeforeAll
    static void lab() {
        LabFixture.requireLab();
    }

    @Test
    void cleanupLeavesAnotherHomesLiveRunAndACopyOfItsTagAlone() throws Exception {
        Path other = otherHome();
        RunOwner theirs = new LabHome(other).owner();
        assertThat(theirs.home()).isNotEqualTo(LabHome.fromEnvironment().owner().home());
        Path out = tmp.resolve("foreign");
        String copy = "vbench-copied-tag-" + ProcessHandle.current().pid();
        Connect libvirt = new Connect(LabFixture.URI, false);
        try (HarnessProcess run = HarnessProcess.startIn(other, "run", "--plan", PLAN, "--out", out.toString(),
                "--seed", "3")) {
            TaggedDomain live = awaitDomainOf(theirs, run);
            RunTag copied = live.tag();
            TestDomains.define(libvirt, TestDomains.renamed(TestDomains.tagged(copied.runId(), copied.variant(),
                    copied.owner()), copy));

            LabFixture.Invocation cleanup = LabFixture.vbench("cleanup", "--connect", LabFixture.URI);
            System.out.println(cleanup.out());

            assertThat(cleanup.exitCode()).as(cleanup.err()).isZero();
            String why = " (run " + copied.runId() + ", home " + theirs.home() + " on host " + theirs.host() + ")";
            assertThat(cleanup.out().lines()).as(cleanup.out()).contains("not ours: domain " + live.name() + why,
                    "not ours: domain " + copy + why);
            assertThat(cleanup.out()).doesNotContain("removed domain " + live.name())
                    .doesNotContain("removed domain " + copy);
            assertThat(TestDomains.exists(libvirt, live.name())).as("the live run's domain").isTrue();
            assertThat(TestDomains.exists(libvirt, copy)).as("the copy").isTrue();

            int exit = run.waitFor(LIMIT);
            assertThat(exit).as(run.output()).isZero();
            JsonNode record = LabFixture.json(out.resolve("run.json"));
            assertThat(record.path("status").asText()).isEqualTo("complete");
            assertThat(TestDomains.exists(libvirt, live.name())).as("torn down by its own run").isFalse();
            assertThat(other.resolve("runs/" + copied.runId() + ".lock")).doesNotExist();

            LabFixture.Invocation theirCleanup = inHome(other, () -> LabFixture.vbench("cleanup", "--connect",
                    LabFixture.URI));
            assertThat(theirCleanup.out()).as(theirCleanup.err()).contains("removed domain " + copy);
            assertThat(TestDomains.exists(libvirt, copy)).isFalse();
        } finally {
            // on failure: what this test made, the killed run's domains included, must not outlive its home
            try (Provisioner p = LibvirtProvisioner.connect(LabFixture.URI)) {
                for (TaggedDomain d : p.listTagged()) {
                    if (d.tag().ownedBy(theirs)) {
                        p.removeTagged(d);
                    }
                }
            }
            TestDomains.remove(libvirt, copy);
            libvirt.close();
            deleteTree(other);
        }
    }

    /** The first domain on the lab whose tag names {@code owner}, once the run has defined it. */
    private static TaggedDomain awaitDomainOf(RunOwner owner, HarnessProcess run) throws Exception {
        long deadline = System.nanoTime() + LIMIT.toNanos();
        try (Provisioner p = LibvirtProvisioner.connect(LabFixture.URI)) {
            while (System.nanoTime() < deadline) {
                Optional<TaggedDomain> d = p.listTagged().stream().filter(t -> t.tag().ownedBy(owner)).findFirst();
                if (d.isPresent()) {
                    return d.get();
                }
                Thread.sleep(250);
            }
        }
        throw new AssertionError("the other home's run defined no domain within " + LIMIT + ":\n" + run.output());
    }

    /**
     * A second lab home under {@code /var/tmp} (QEMU, running as another user, must reach its overlays): a copy of
     * the lab's key and hard links to the lab's image files, laid out as {@code scripts/lab up} does.
     */
    private static Path otherHome() throws IOException {
        Path home = Files.createTempDirectory(Path.of("/var/tmp"), "vbench-other-home-",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        LabHome lab = LabHome.fromEnvironment();
        Files.createDirectories(home.resolve("ssh"));
        Files.copy(lab.sshKey(), home.resolve("ssh/id_ed25519"));
        Files.setPosixFilePermissions(home.resolve("ssh/id_ed25519"), PosixFilePermissions.fromString("rw-------"));
        Path image = lab.defaultImageDir().toRealPath();
        Path copy = Files.createDirectories(home.resolve("images").resolve(image.getFileName()));
        try (Stream<Path> files = Files.list(image)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Files.createLink(copy.resolve(f.getFileName()), f);
            }
        }
        Files.createSymbolicLink(home.resolve("images/default"), image.getFileName());
        return home;
    }

    private interface Action {
        LabFixture.Invocation run();
    }

    private static LabFixture.Invocation inHome(Path home, Action action) {
        String previous = System.setProperty("vbench.home", home.toString());
        try {
            return action.run();
        } finally {
            if (previous == null) {
                System.clearProperty("vbench.home");
            } else {
                System.setProperty("vbench.home", previous);
            }
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            List<Path> all = walk.sorted(Comparator.reverseOrder()).toList();
            for (Path p : all) {
                Files.deleteIfExists(p);
            }
        }
    }
}
