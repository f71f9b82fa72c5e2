package dev.vbench.bench.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vbench.provisioning.Provisioner;
import dev.vbench.provisioning.RunOwner;
import dev.vbench.provisioning.libvirt.LibvirtProvisioner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.libvirt.Connect;
import org.libvirt.LibvirtException;

/** What {@link Leftovers} removes on libvirt's {@code test:///default}, with a live run in another process. */
class LeftoversTest {
    @TempDir
    Path dir;
    LabHome lab;
    RunOwner me;
    Connect libvirt;
    Provisioner provisioner;
    List<String> defined;

    @BeforeEach
    void open() throws Exception {
        lab = new LabHome(Files.createDirectories(dir.resolve("lab")));
        me = lab.owner();
        libvirt = new Connect("test:///default", false);
        provisioner = LibvirtProvisioner.connect("test:///default");
        defined = List.of();
    }

    @AfterEach
    void close() throws LibvirtException {
        for (String name : defined) {
            TestDomains.remove(libvirt, name);
        }
        provisioner.close();
        libvirt.close();
    }

    @Test
    void aResumeRemovesOnlyItsOwnDomainsOfTheRun() throws Exception {
        RunOwner otherHome = new RunOwner(TestDomains.OTHER_HOME, me.host());
        String mine = TestDomains.define(libvirt, TestDomains.tagged("r1", "a", me));
        String sameRunIdElsewhere = TestDomains.define(libvirt, TestDomains.renamed(
                TestDomains.tagged("r1", "b", otherHome), "vbench-r1-b-elsewhere"));
        String otherRun = TestDomains.define(libvirt, TestDomains.tagged("r2", "a", me));
        defined = List.of(mine, sameRunIdElsewhere, otherRun);
        Files.createDirectories(lab.pool().resolve("r1"));
        List<String> removed;
        try (RunLock resumed = RunLock.acquire(lab.runs(), "r1")) {
            removed = Leftovers.removeRun(provisioner, lab, "r1");
        }
        assertThat(removed).containsExactly("domain vbench-r1-a", "overlays " + lab.pool().resolve("r1"));
        assertThat(TestDomains.exists(libvirt, mine)).isFalse();
        assertThat(TestDomains.exists(libvirt, sameRunIdElsewhere)).isTrue();
        assertThat(TestDomains.exists(libvirt, otherRun)).isTrue();
    }

    @Test
    void aLiveRunInAnotherProcessAndOddEntriesAreLeftAlone() throws Exception {
        String live = TestDomains.define(libvirt, TestDomains.tagged("live", "a", me));
        String killed = TestDomains.define(libvirt, TestDomains.tagged("killed", "a", me));
        defined = List.of(live, killed);
        Files.createDirectories(lab.pool().resolve("live"));
        Files.createDirectories(lab.pool().resolve("killed"));
        Files.createDirectories(lab.pool().resolve("not a run"));
        Files.createDirectories(lab.runs());
        Files.writeString(lab.runs().resolve("killed.lock"), "");
        Leftovers.Report report;
        try (LockProbe liveRun = LockProbe.hold(lab.runs().resolve("live.lock"))) {
            report = Leftovers.remove(provisioner, lab);
            assertThat(lab.runs().resolve("live.lock")).exists();
        }
        assertThat(report.removed()).containsExactly("domain vbench-killed-a", "overlays "
                + lab.pool().resolve("killed"), "stale lock killed.lock");
        assertThat(report.leftAlone()).containsExactly("left alone: " + lab.pool().resolve("not a run")
                + " (not named after a vbench run)");
        assertThat(report.owner()).isEqualTo(me);
        assertThat(TestDomains.exists(libvirt, live)).isTrue();
        assertThat(TestDomains.exists(libvirt, killed)).isFalse();
        assertThat(lab.pool().resolve("live")).isDirectory();
        assertThat(lab.pool().resolve("not a run")).isDirectory();
        assertThat(lab.runs().resolve("killed.lock")).doesNotExist();
    }
}
