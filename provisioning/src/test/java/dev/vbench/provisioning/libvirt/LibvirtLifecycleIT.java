package dev.vbench.provisioning.libvirt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vbench.provisioning.Accel;
import dev.vbench.provisioning.AccelResolution;
import dev.vbench.provisioning.AccelResolver;
import dev.vbench.provisioning.CacheMode;
import dev.vbench.provisioning.DiskBus;
import dev.vbench.provisioning.DiskSpec;
import dev.vbench.provisioning.DomainDefinition;
import dev.vbench.provisioning.DomainSpec;
import dev.vbench.provisioning.DomainXml;
import dev.vbench.provisioning.GuestSpec;
import dev.vbench.provisioning.HostEnvironment;
import dev.vbench.provisioning.ImageSpec;
import dev.vbench.provisioning.NetworkSpec;
import dev.vbench.provisioning.NicModel;
import dev.vbench.provisioning.NicSpec;
import dev.vbench.provisioning.ProbeDomainSpec;
import dev.vbench.provisioning.Provisioner;
import dev.vbench.provisioning.ProvisioningException;
import dev.vbench.provisioning.RunOwner;
import dev.vbench.provisioning.RunTag;
import dev.vbench.provisioning.RunningDomain;
import dev.vbench.provisioning.TaggedDomain;
import dev.vbench.provisioning.Variant;
import java.net.Inet4Address;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.libvirt.Connect;
import org.libvirt.Domain;
import org.libvirt.LibvirtException;

/**
 * The domain lifecycle against libvirt's in-process fake hypervisor {@code test:///default} (no daemon needed).
 * The fake keeps its state while at least one connection of this process is open: each test opens the provisioner
 * and a second, raw libvirt-java connection that plays "someone else" on the host, and closes both at the end, so
 * every test starts from the fake's default state (one running domain named {@code test}).
 */
class LibvirtLifecycleIT {
    static final String URI = "test:///default";
    static final RunOwner OWNER = new RunOwner("0123456789abcdef", "fedcba9876543210");
    static final Path IMAGES = Path.of("/var/lib/vbench/images/default");
    static final ImageSpec IMAGE = new ImageSpec(IMAGES.resolve("disk.qcow2"), IMAGES.resolve("vmlinuz"),
            IMAGES.resolve("initrd.img"), null, null);

    @TempDir
    Path work;

    Provisioner provisioner;
    Connect other;

    @BeforeEach
    void open() throws LibvirtException {
        provisioner = LibvirtProvisioner.FACTORY.connect(URI);
        other = new Connect(URI, false);
    }

    @AfterEach
    void close() throws LibvirtException {
        provisioner.close();
        other.close();
    }

    static DomainSpec spec(String run, String variant, DiskBus bus, NicModel nic) {
        Variant v = new Variant(variant, new DiskSpec(bus, CacheMode.WRITEBACK, null), new NicSpec(nic));
        return DomainSpec.forVariant(run, OWNER, v, Accel.TCG, GuestSpec.DEFAULT, IMAGE,
                NetworkSpec.libvirtNetwork("default"), Path.of("/var/lib/vbench/runs/" + run));
    }

    Optional<Domain> lookup(String name) throws LibvirtException {
        return Arrays.stream(other.listAllDomains(0)).filter(d -> {
            try {
                return d.getName().equals(name);
            } catch (LibvirtException e) {
                throw new IllegalStateException(e);
            }
        }).findFirst();
    }

    @Test
    void hostEnvironmentOfTheFake() {
        HostEnvironment env = provisioner.hostEnvironment();
        assertThat(env.uri()).isEqualTo(URI);
        assertThat(env.hypervisor()).isEqualTo("TEST");
        assertThat(env.libvirtVersion()).matches("\\d+\\.\\d+\\.\\d+");
        assertThat(env.hypervisorVersion()).isEqualTo("0.0.2");
        assertThat(env.kvmOffered()).isFalse();
        assertThat(env.hostName()).isNotBlank();
        assertThat(provisioner.hostMemoryBytes()).isEqualTo(3L << 30); // virsh -c test:///default nodeinfo
        assertThat(provisioner.hostCpus()).isEqualTo(16); // nodeinfo: CPU(s)
        // the fake's virConnectGetFreeMemory does not match its own freecell (6144 KiB); only its bounds are known
        assertThat(provisioner.hostFreeMemoryBytes()).isPositive().isLessThanOrEqualTo(provisioner.hostMemoryBytes());
    }

    @Test
    void defineStartInspectAndTearDown() throws LibvirtException {
        DomainSpec spec = spec("r1", "sata-wb", DiskBus.SATA, NicModel.E1000);
        try (RunningDomain vm = provisioner.start(spec)) {
            assertThat(vm.name()).isEqualTo("vbench-r1-sata-wb");
            assertThat(vm.tag()).isEqualTo(new RunTag("r1", "sata-wb", OWNER));
            assertThat(vm.isActive()).isTrue();

            String live = vm.liveXml();
            assertThat(live).contains("<serial>" + DomainXml.DATA_DISK_SERIAL + "</serial>")
                    .contains("bus='sata'").contains(spec.mac().value()).contains("<model type='e1000'/>")
                    .contains("<domain type='qemu' id=");
            assertThat(RunTag.fromDomainXml(live)).contains(spec.tag());

            Inet4Address ip = vm.waitForIpv4(Duration.ofSeconds(5));
            assertThat(ip.getHostAddress()).startsWith("192.168.122."); // the fake's address for every NIC

            assertThat(vm.hostCpuNanos()).isPositive();

            assertThat(provisioner.listTagged()).containsExactly(new TaggedDomain(vm.name(), spec.tag(), true));
            assertThat(lookup(vm.name())).isPresent();
        }
        assertThat(lookup("vbench-r1-sata-wb")).as("undefined on close").isEmpty();
        assertThat(provisioner.listTagged()).isEmpty();
        assertThat(lookup("test")).as("the fake's own domain is untouched").isPresent();
    }

    @Test
    void suspendAndResume() throws LibvirtException {
        try (RunningDomain vm = provisioner.start(spec("r7", "s", DiskBus.VIRTIO, NicModel.VIRTIO))) {
            vm.suspend();
            assertThat(other.domainLookupByName(vm.name()).getInfo().state)
                    .isEqualTo(org.libvirt.DomainInfo.DomainState.VIR_DOMAIN_PAUSED);
            assertThat(vm.isActive()).as("a paused domain is still active").isTrue();
            assertThatThrownBy(vm::suspend).isInstanceOf(ProvisioningException.class)
                    .hasMessageStartingWith("suspend domain 'vbench-r7-s': ");
            vm.resume();
            assertThat(other.domainLookupByName(vm.name()).getInfo().state)
                    .isEqualTo(org.libvirt.DomainInfo.DomainState.VIR_DOMAIN_RUNNING);
        }
    }

    @Test
    void networkHostAddress() throws LibvirtException {
        assertThat(provisioner.networkHostAddress("default")).isEqualTo("192.168.122.1");
        assertThatThrownBy(() -> provisioner.networkHostAddress("nope")).isInstanceOf(ProvisioningException.class)
                .hasMessage("read host address of network 'nope': no such network on test:///default");
        other.networkLookupByName("default").destroy();
        assertThatThrownBy(() -> provisioner.networkHostAddress("default")).isInstanceOf(ProvisioningException.class)
                .hasMessageContaining("defined but not active");
    }

    @Test
    void closeIsIdempotentAndToleratesADomainStoppedOrRemovedBySomeoneElse() throws LibvirtException {
        RunningDomain stopped = provisioner.start(spec("r1", "a", DiskBus.IDE, NicModel.RTL8139));
        other.domainLookupByName(stopped.name()).destroy();
        assertThat(stopped.isActive()).isFalse();
        stopped.close();
        assertThat(lookup(stopped.name())).isEmpty();
        stopped.close();

        RunningDomain removed = provisioner.start(spec("r1", "b", DiskBus.IDE, NicModel.RTL8139));
        Domain d = other.domainLookupByName(removed.name());
        d.destroy();
        d.undefine();
        removed.close();
        assertThat(lookup(removed.name())).isEmpty();
    }

    @Test
    void failureInsideTheRunStillTearsDown() throws LibvirtException {
        ProbeDomainSpec noNic = new ProbeDomainSpec("vbench-r2-nonic", Accel.TCG, new RunTag("r2", "nonic", OWNER),
                IMAGE.kernel(), IMAGE.initrd(), ProbeDomainSpec.CMDLINE, work.resolve("console.log"));
        assertThatThrownBy(() -> {
            try (RunningDomain vm = provisioner.start(DomainDefinition.of(noNic))) {
                vm.waitForIpv4(Duration.ofSeconds(2));
            }
        }).isInstanceOf(ProvisioningException.class)
                .hasMessageContaining("wait for an IPv4 address of domain 'vbench-r2-nonic'")
                .hasMessageContaining("within 2 s");
        assertThat(lookup("vbench-r2-nonic")).isEmpty();
    }

    @Test
    void waitingForAnAddressOfAStoppedDomainFailsFast() throws LibvirtException {
        try (RunningDomain vm = provisioner.start(spec("r3", "x", DiskBus.VIRTIO, NicModel.VIRTIO))) {
            other.domainLookupByName(vm.name()).destroy();
            long t0 = System.nanoTime();
            assertThatThrownBy(() -> vm.waitForIpv4(Duration.ofSeconds(60))).isInstanceOf(ProvisioningException.class)
                    .hasMessageContaining("stopped before it got an address");
            assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(10));
        }
        assertThat(lookup("vbench-r3-x")).isEmpty();
    }

    @Test
    void refusesToRedefineAnExistingDomainAndLeavesItAlone() throws LibvirtException {
        DomainSpec spec = spec("r4", "virtio-wb", DiskBus.VIRTIO, NicModel.VIRTIO);
        String foreign = "<domain type='qemu'><name>" + spec.name() + "</name><memory unit='MiB'>256</memory>"
                + "<os><type arch='x86_64' machine='pc'>hvm</type></os></domain>";
        other.domainDefineXML(foreign);
        String before = other.domainLookupByName(spec.name()).getXMLDesc(0);

        assertThatThrownBy(() -> provisioner.start(spec)).isInstanceOf(ProvisioningException.class)
                .hasMessageContaining("define domain 'vbench-r4-virtio-wb'")
                .hasMessageContaining("already exists");
        assertThat(other.domainLookupByName(spec.name()).getXMLDesc(0)).isEqualTo(before);
    }

    @Test
    void cleanupFindsAndRemovesOnlyTaggedDomains() throws LibvirtException {
        // somebody else's domains: one defined, the fake's running "test"
        other.domainDefineXML("<domain type='qemu'><name>web</name><memory unit='MiB'>256</memory>"
                + "<os><type arch='x86_64' machine='pc'>hvm</type></os></domain>");
        // leftovers of a crashed run: one running, one only defined
        DomainSpec running = spec("r5", "ide-wb", DiskBus.IDE, NicModel.E1000);
        DomainSpec definedOnly = spec("r5", "virtio-wb", DiskBus.VIRTIO, NicModel.VIRTIO);
        RunningDomain leftover = provisioner.start(running); // deliberately not closed: a crash
        other.domainDefineXML(DomainXml.render(definedOnly));

        List<TaggedDomain> tagged = provisioner.listTagged();
        assertThat(tagged).containsExactly(
                new TaggedDomain("vbench-r5-ide-wb", running.tag(), true),
                new TaggedDomain("vbench-r5-virtio-wb", definedOnly.tag(), false));

        assertThatThrownBy(() -> provisioner.removeTagged(new TaggedDomain("web", running.tag(), false)))
                .isInstanceOf(ProvisioningException.class).hasMessageContaining("carries no vbench metadata");
        assertThatThrownBy(() -> provisioner.removeTagged(new TaggedDomain("test", running.tag(), true)))
                .isInstanceOf(ProvisioningException.class).hasMessageContaining("carries no vbench metadata");
        assertThatThrownBy(() -> provisioner.removeTagged(new TaggedDomain("nope", running.tag(), false)))
                .isInstanceOf(ProvisioningException.class).hasMessageContaining("no such domain");
        RunTag otherHome = new RunTag("r5", "virtio-wb", new RunOwner("00000000000000aa", OWNER.host()));
        assertThatThrownBy(() -> provisioner.removeTagged(new TaggedDomain("vbench-r5-virtio-wb", otherHome, false)))
                .as("listed with another tag than it carries").isInstanceOf(ProvisioningException.class)
                .hasMessageContaining("left alone");
        assertThat(lookup("vbench-r5-virtio-wb")).isPresent();

        for (TaggedDomain t : tagged) {
            provisioner.removeTagged(t);
        }
        assertThat(provisioner.listTagged()).isEmpty();
        assertThat(lookup("web")).isPresent();
        assertThat(other.domainLookupByName("test").isActive()).isEqualTo(1);
        assertThat(leftover.isActive()).isFalse();
        leftover.close(); // already removed by cleanup: closing is harmless
    }

    @Test
    void emittedXmlIsNoRunTagAndNeverListed() throws LibvirtException {
        other.domainDefineXML(DomainXml.renderEmitted(spec("plan", "ide-wb", DiskBus.IDE, NicModel.E1000)));
        assertThat(provisioner.listTagged()).isEmpty();
        assertThatThrownBy(() -> provisioner.removeTagged(new TaggedDomain("vbench-plan-ide-wb",
                new RunTag("plan", "ide-wb", OWNER), false))).isInstanceOf(ProvisioningException.class)
                .hasMessageContaining("carries no vbench metadata");
        assertThat(lookup("vbench-plan-ide-wb")).isPresent();
        other.domainLookupByName("vbench-plan-ide-wb").undefine();
    }

    @Test
    void autoResolvesToTcgWhenKvmIsNotOffered() {
        AccelResolution auto = AccelResolver.resolve(Accel.AUTO, provisioner, IMAGE, work, "r6", OWNER);
        assertThat(auto.resolved()).isEqualTo(Accel.TCG);
        assertThat(auto.requested()).isEqualTo(Accel.AUTO);
        assertThat(auto.reason()).isEqualTo("the capabilities of test:///default offer no kvm domain type for"
                + " x86_64 guests");

        assertThat(AccelResolver.resolve(Accel.TCG, provisioner, IMAGE, work, "r6", OWNER).resolved())
                .isEqualTo(Accel.TCG);
        assertThatThrownBy(() -> AccelResolver.resolve(Accel.KVM, provisioner, IMAGE, work, "r6", OWNER))
                .isInstanceOf(ProvisioningException.class).hasMessageContaining("offer no kvm domain type");
        assertThat(provisioner.listTagged()).isEmpty();
    }

    @Test
    void connectionFailureNamesTheUri() {
        assertThatThrownBy(() -> LibvirtProvisioner.connect("bogus:///nowhere"))
                .isInstanceOf(ProvisioningException.class).hasMessageStartingWith("connect to bogus:///nowhere: ");
    }
}
