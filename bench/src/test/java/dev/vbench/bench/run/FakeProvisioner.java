package dev.vbench.bench.run;

import dev.vbench.provisioning.DomainDefinition;
import dev.vbench.provisioning.DomainSpec;
import dev.vbench.provisioning.HostConsole;
import dev.vbench.provisioning.HostEnvironment;
import dev.vbench.provisioning.HostImage;
import dev.vbench.provisioning.ImagePush;
import dev.vbench.provisioning.OverlayVolume;
import dev.vbench.provisioning.Provisioner;
import dev.vbench.provisioning.ProvisioningException;
import dev.vbench.provisioning.RunTag;
import dev.vbench.provisioning.RunningDomain;
import dev.vbench.provisioning.TaggedDomain;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Inet4Address;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.Map;
import java.util.Optional;

/**
 * A host whose guests start but never get an address: each started domain writes {@link #console} of its name to
 * its console log, as QEMU would, and then waits in vain for a DHCP lease. Nothing else is supported. Its host has
 * 4 CPUs and 6 GiB free.
 */
final class FakeProvisioner implements Provisioner {
    /** What the console of domain {@code name} shows. */
    static String console(String name) {
        return "[    0.000000] Linux version 6.1.0-test-amd64\n" + name + ": dhclient: no DHCPOFFERS received\n";
    }

    /** Console logs written, in order. */
    final List<Path> consoleLogs = Collections.synchronizedList(new ArrayList<>());
    /** Domains torn down, in order. */
    final List<String> closed = Collections.synchronizedList(new ArrayList<>());
    /** The most domains running at once. */
    final AtomicInteger mostRunning = new AtomicInteger();
    private final AtomicInteger running = new AtomicInteger();
    private final CyclicBarrier meet;

    /** A host whose guests fail at once, each on its own. */
    FakeProvisioner() {
        this(1);
    }

    /**
     * A host whose guests wait for an address until {@code together} of them wait at once (or their boot timeout
     * passes), and then fail: boots that are meant to overlap are seen to overlap, without timing anything.
     */
    FakeProvisioner(int together) {
        this.meet = new CyclicBarrier(together);
    }

    @Override
    public String uri() {
        return "test:///default";
    }

    @Override
    public HostEnvironment hostEnvironment() {
        return new HostEnvironment(uri(), "fakehost", "TEST", "1.0.0", "9.0.0", false);
    }

    @Override
    public long hostMemoryBytes() {
        return 8L << 30;
    }

    @Override
    public long hostFreeMemoryBytes() {
        return 6L << 30;
    }

    @Override
    public int hostCpus() {
        return 4;
    }

    @Override
    public RunningDomain start(DomainSpec spec) {
        try {
            Files.writeString(spec.consoleLog(), console(spec.name()), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        consoleLogs.add(spec.consoleLog());
        mostRunning.accumulateAndGet(running.incrementAndGet(), Math::max);
        return new Stuck(spec.name(), spec.tag());
    }

    @Override
    public RunningDomain start(DomainDefinition definition) {
        throw new UnsupportedOperationException("only variants' guests start here");
    }

    @Override
    public String networkHostAddress(String network) {
        throw new UnsupportedOperationException("no iperf3 here");
    }

    @Override
    public List<TaggedDomain> listTagged() {
        return List.of();
    }

    @Override
    public void removeTagged(TaggedDomain domain) {
        throw new UnsupportedOperationException("nothing is left over here");
    }

    @Override
    public boolean local() {
        return true;
    }

    @Override
    public ImagePush pushImage(String hash, Map<HostImage.Role, Path> files, boolean makeDefault) {
        throw new UnsupportedOperationException("a local host has no image volumes");
    }

    @Override
    public Optional<HostImage> findImage(String hashOrDefault) {
        throw new UnsupportedOperationException("a local host has no image volumes");
    }

    @Override
    public OverlayVolume createOverlay(String volumeName, Path backing, String backingFormat) {
        throw new UnsupportedOperationException("a local host's overlays are files");
    }

    @Override
    public HostConsole openConsole(String volumeName) {
        throw new UnsupportedOperationException("a local host's console logs are files");
    }

    @Override
    public List<String> removeRunVolumes(String runId) {
        throw new UnsupportedOperationException("a local host has no run volumes");
    }

    @Override
    public void close() {
    }

    /** A running domain that never gets an address. */
    private final class Stuck implements RunningDomain {
        private final String name;
        private final RunTag tag;
        private volatile boolean active = true;

        Stuck(String name, RunTag tag) {
            this.name = name;
            this.tag = tag;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public RunTag tag() {
            return tag;
        }

        @Override
        public boolean isActive() {
            return active;
        }

        @Override
        public Inet4Address waitForIpv4(Duration timeout) {
            try {
                meet.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (BrokenBarrierException | TimeoutException e) {
                // fewer guests booted at once than expected: they fail all the same
            }
            throw new ProvisioningException("wait for an IPv4 address of domain '" + name + "'", "no DHCP lease or"
                    + " ARP entry within " + timeout.toSeconds() + " s; the guest did not boot or did not configure"
                    + " its NIC by DHCP (see its console log)");
        }

        @Override
        public void suspend() {
            throw new UnsupportedOperationException();
        }

        @Override
        public void resume() {
            throw new UnsupportedOperationException();
        }

        @Override
        public String liveXml() {
            throw new UnsupportedOperationException();
        }

        @Override
        public long hostCpuNanos() {
            throw new UnsupportedOperationException();
        }

        @Override
        public void close() {
            if (active) {
                running.decrementAndGet();
            }
            active = false;
            closed.add(name);
        }
    }
}
