package dev.vbench.microbench;

import dev.vbench.provisioning.Accel;
import dev.vbench.provisioning.CacheMode;
import dev.vbench.provisioning.DiskBus;
import dev.vbench.provisioning.DiskSpec;
import dev.vbench.provisioning.DomainSpec;
import dev.vbench.provisioning.DomainXml;
import dev.vbench.provisioning.GuestSpec;
import dev.vbench.provisioning.ImageSpec;
import dev.vbench.provisioning.IoMode;
import dev.vbench.provisioning.NetworkSpec;
import dev.vbench.provisioning.NicModel;
import dev.vbench.provisioning.NicSpec;
import dev.vbench.provisioning.RunOwner;
import dev.vbench.provisioning.Variant;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@link DomainXml#render(DomainSpec)} of a variant that uses every optional element: a virtio-scsi data disk
 * (extra controller) with cache and io set, an e1000 NIC, direct kernel boot and a console log.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class DomainXmlBenchmark {
    DomainSpec spec;

    /** Builds the spec once, outside the measurement. */
    @Setup
    public void build() {
        Path images = Path.of("/var/lib/vbench/images/default");
        ImageSpec image = new ImageSpec(images.resolve("disk.qcow2"), images.resolve("vmlinuz"),
                images.resolve("initrd.img"), "root=LABEL=root console=ttyS0 net.ifnames=1", null);
        DiskSpec disk = new DiskSpec(DiskBus.VIRTIO_SCSI, CacheMode.NONE, IoMode.IO_URING);
        Variant variant = new Variant(disk.shortName() + "-e1000", disk, new NicSpec(NicModel.E1000));
        RunOwner owner = new RunOwner("0123456789abcdef", "fedcba9876543210");
        spec = DomainSpec.forVariant("r20261126", owner, variant, Accel.TCG, GuestSpec.DEFAULT, image,
                NetworkSpec.libvirtNetwork(NetworkSpec.LAB_NETWORK), Path.of("/var/lib/vbench/runs/r20261126"));
    }

    /** @return the domain XML (returned so JMH consumes it) */
    @Benchmark
    public String render() {
        return DomainXml.render(spec);
    }
}
