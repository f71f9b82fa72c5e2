package dev.vbench.bench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vbench.bench.run.LabHome;
import dev.vbench.bench.run.RunLock;
import dev.vbench.bench.run.TestDomains;
import dev.vbench.bench.run.TestImages;
import dev.vbench.provisioning.RunOwner;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.libvirt.Connect;
import org.libvirt.LibvirtException;

/**
 * {@code vbench cleanup --connect test:///default} with a fake lab home, one domain per case: only a domain whose
 * tag names this home and this host and whose run's lock is stale is removed. Every other one (a tag copied from
 * another home, another host's, an old-style tag, XML from {@code plan --emit-xml}, a live run's) is left alone,
 * and the home and a canary beside it stay byte for byte as they were.
 */
class CleanupCommandTest {
    static final String RUN = "r20261201T1000";

    @TempDir
    Path dir;
    Path lab;
    RunOwner me;
    Connect libvirt;
    String domain;

    /**
     * One domain cleanup meets; {@code prepare} defines it and returns what the case holds while cleanup runs.
     *
     * @param removed whether the domain is removed (otherwise it, the home and the canary stay as they were)
     * @param line    the line of cleanup's output about the domain, or {@code null} when it is not mentioned
     */
    record Case(String name, boolean removed, String line, Setup setup) {
        @Override
        public String toString() {
            return name;
        }
    }

    interface Setup {
        AutoCloseable prepare(CleanupCommandTest t) throws Exception;
    }

    static Stream<Case> cases() {
        return Stream.of(
                new Case("a tag copied from another home on this host", false,
                        "not ours: domain vbench-" + RUN + "-a (run " + RUN + ", home " + TestDomains.OTHER_HOME
                                + " on host %host)",
                        t -> t.define(TestDomains.tagged(RUN, "a", new RunOwner(TestDomains.OTHER_HOME, t.me.host())))),
                new Case("a copy of another home's domain under a new name", false,
                        "not ours: domain forged-copy (run " + RUN + ", home " + TestDomains.OTHER_HOME
                                + " on host %host)",
                        t -> t.define(TestDomains.renamed(TestDomains.tagged(RUN, "a",
                                new RunOwner(TestDomains.OTHER_HOME, t.me.host())), "forged-copy"))),
                new Case("a tag of this home written on another host", false,
                        "not ours: domain vbench-" + RUN + "-a (run " + RUN + ", home %home on host 00000000000000bb)",
                        t -> t.define(TestDomains.tagged(RUN, "a", new RunOwner(t.me.home(), "00000000000000bb")))),
                new Case("an old-style tag without home and host", false,
                        "not ours: domain vbench-" + RUN + "-a (run " + RUN + ", a tag without home and host)",
                        t -> t.define(TestDomains.withoutOwner(TestDomains.tagged(RUN, "a", t.me)))),
                new Case("a domain defined from plan --emit-xml", false, null, CleanupCommandTest::emitted),
                new Case("a run of this home and host that is alive", false, null, t -> {
                    t.define(TestDomains.tagged(RUN, "a", t.me));
                    return RunLock.acquire(t.lab.resolve("runs"), RUN);
                }),
                new Case("a run of this home and host that was killed", true, "removed domain vbench-" + RUN + "-a",
                        t -> {
                            Files.createDirectories(t.lab.resolve("runs"));
                            Files.writeString(t.lab.resolve("runs/" + RUN + ".lock"), "");
                            Files.createDirectories(t.lab.resolve("pool/" + RUN));
                            return t.define(TestDomains.tagged(RUN, "a", t.me));
                        }));
    }

    @BeforeEach
    void open() throws Exception {
        lab = dir.resolve("lab");
        Files.createDirectories(lab.resolve("ssh"));
        Files.writeString(dir.resolve("canary"), "outside the home\n");
        me = new LabHome(lab).owner();
        libvirt = new Connect("test:///default", false);
    }

    @AfterEach
    void close() throws LibvirtException {
        if (domain != null) {
            TestDomains.remove(libvirt, domain);
        }
        libvirt.close();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void onlyThisHomesStaleRunsAreRemoved(Case c) throws Exception {
        Map<String, String> before;
        Map<String, String> after;
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit;
        try (AutoCloseable held = c.setup().prepare(this)) {
            before = snapshot(dir);
            String previous = System.setProperty("vbench.home", lab.toString());
            try {
                exit = Main.commandLine().setOut(new PrintWriter(out)).setErr(new PrintWriter(err))
                        .execute("cleanup", "--connect", "test:///default");
            } finally {
                restore(previous);
            }
            after = snapshot(dir);
        }
        assertThat(exit).as("exit; stderr %s", err).isZero();
        assertThat(err.toString()).isEmpty();
        assertThat(TestDomains.exists(libvirt, domain)).as("%s still defined; stdout:%n%s", domain, out)
                .isEqualTo(!c.removed());
        if (c.line() != null) {
            assertThat(out.toString().lines()).contains(c.line().replace("%host", me.host())
                    .replace("%home", me.home()));
        } else {
            assertThat(out.toString()).doesNotContain(domain).isEqualTo("nothing left behind\n");
        }
        if (c.removed()) {
            assertThat(lab.resolve("runs/" + RUN + ".lock")).doesNotExist();
            assertThat(lab.resolve("pool/" + RUN)).doesNotExist();
            assertThat(Files.readString(dir.resolve("canary"))).isEqualTo("outside the home\n");
        } else {
            assertThat(after).as("the home and the canary").isEqualTo(before);
            if (c.line() != null) {
                assertThat(out.toString()).endsWith("nothing left behind; 1 left alone (this is " + lab + ", home "
                        + me.home() + " on host " + me.host() + ")\n");
            }
        }
    }

    private AutoCloseable define(String xml) throws LibvirtException {
        domain = TestDomains.define(libvirt, xml);
        return () -> { };
    }

    /** {@code vbench plan --emit-xml}'s definition of the smoke plan's first variant, defined as a user would. */
    private static AutoCloseable emitted(CleanupCommandTest t) throws Exception {
        Path images = TestImages.imageJson(t.dir.resolve("images"));
        Path xml = t.dir.resolve("xml");
        StringWriter ignored = new StringWriter();
        int exit = Main.commandLine().setOut(new PrintWriter(ignored)).setErr(new PrintWriter(ignored)).execute(
                "plan", "--plan", "plans/smoke.yaml", "--emit-xml", xml.toString(), "--image-dir", images.toString());
        assertThat(exit).as(ignored.toString()).isZero();
        return t.define(Files.readString(xml.resolve("ide-wt-e1000.xml")));
    }

    private static void restore(String previous) {
        if (previous == null) {
            System.clearProperty("vbench.home");
        } else {
            System.setProperty("vbench.home", previous);
        }
    }

    private static Map<String, String> snapshot(Path root) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.toList()) {
                files.put(root.relativize(p).toString(), Files.isDirectory(p) ? "dir" : Files.readString(p));
            }
        }
        return files;
    }
}
