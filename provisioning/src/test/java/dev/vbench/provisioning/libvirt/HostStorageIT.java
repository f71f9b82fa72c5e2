package dev.vbench.provisioning.libvirt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vbench.provisioning.HostConsole;
import dev.vbench.provisioning.HostImage;
import dev.vbench.provisioning.ImagePush;
import dev.vbench.provisioning.ImageSpec;
import dev.vbench.provisioning.Overlay;
import dev.vbench.provisioning.OverlayVolume;
import dev.vbench.provisioning.ProvisioningException;
import dev.vbench.provisioning.QemuImg;
import dev.vbench.provisioning.VolumeNames;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.libvirt.StoragePool;

/**
 * The remote code path (images, overlays and console logs only through libvirt's storage API and streams) against
 * the local lab's libvirtd: the storage operations do not depend on the URI, so the local daemon stands in for a
 * remote host. A small fake image (a few MB, image.json shaped like the lab's) is pushed, pushed again (reused),
 * resolved with no local files, overlaid, and everything the test made is removed again; the pool {@code vbench}
 * too, if the test defined it.
 */
@EnabledIfSystemProperty(named = "vbench.lab.uri", matches = ".+")
class HostStorageIT {
    static final String URI = System.getProperty("vbench.lab.uri", "");
    static final String RUN = "hostit" + ProcessHandle.current().pid();

    @TempDir
    Path tmp;

    @Test
    void pushReuseFindOverlayConsoleAndRemove() throws Exception {
        String hash = HexFormat.of().formatHex(new byte[] {(byte) 0xfe, 0x57, 0x12, 0x34, 0x56, 0x78,
            (byte) (ProcessHandle.current().pid() & 0xff), (byte) (System.nanoTime() & 0xff)});
        Map<HostImage.Role, Path> files = fakeImage(tmp.resolve(hash), hash);
        boolean poolExisted;
        String defaultBefore;
        try (LibvirtProvisioner p = LibvirtProvisioner.connect(URI)) {
            poolExisted = HostPool.find(connectOf(p), URI).isPresent();
            defaultBefore = poolExisted ? p.storage().pool().read(VolumeNames.DEFAULT_MARKER, 100)
                    .map(b -> new String(b, StandardCharsets.UTF_8)).orElse(null) : null;
            try {
                exercise(p, hash, files);
            } finally {
                HostPool pool = p.storage().pool();
                for (String n : pool.names()) {
                    if (n.startsWith("img-" + hash + "-")) {
                        pool.delete(n);
                    }
                }
                if (defaultBefore != null) {
                    pool.write(VolumeNames.DEFAULT_MARKER, defaultBefore.getBytes(StandardCharsets.UTF_8));
                } else {
                    pool.delete(VolumeNames.DEFAULT_MARKER);
                }
                pool.refresh();
                assertThat(pool.names()).noneMatch(n -> n.contains(hash) || n.contains(RUN));
                if (!poolExisted) {
                    assertThat(pool.names()).isEmpty();
                    StoragePool sp = pool.pool();
                    sp.destroy();
                    sp.delete(0);
                    sp.undefine();
                }
            }
        }
        if (!poolExisted) {
            assertThat(Path.of(HostPool.DEFAULT_PATH)).doesNotExist();
        }
    }

    private void exercise(LibvirtProvisioner p, String hash, Map<HostImage.Role, Path> files) throws Exception {
        ImagePush first = p.pushImage(hash, files, true);
        assertThat(first.uploaded()).hasSize(files.size()).contains("img-" + hash + "-disk.qcow2");
        assertThat(first.reused()).isEmpty();
        // the data disk is 4 MiB of zeros but its last chunk: only that is sent
        long dense = Files.size(files.get(HostImage.Role.DISK)) + Files.size(files.get(HostImage.Role.KERNEL))
                + Files.size(files.get(HostImage.Role.INITRD));
        assertThat(first.uploadedBytes()).isGreaterThanOrEqualTo(dense).isLessThan(dense + (2L << 20));

        ImagePush again = p.pushImage(hash, files, true);
        assertThat(again.uploaded()).isEmpty();
        assertThat(again.uploadedBytes()).isZero();
        assertThat(again.reused()).hasSize(files.size());

        for (Path f : files.values()) {
            Files.delete(f); // from here on, the image exists only on the host
        }
        HostImage found = p.findImage(VolumeNames.DEFAULT).orElseThrow();
        assertThat(found.hash()).isEqualTo(hash);
        assertThat(found).isEqualTo(p.findImage(hash).orElseThrow());
        ImageSpec spec = found.toImageSpec();
        assertThat(spec.disk()).isEqualTo(Path.of(p.storage().pool().path(), "img-" + hash + "-disk.qcow2"));
        assertThat(spec.hostKey()).isEqualTo("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIFakeFakeFake root@vbench");
        assertThat(spec.cmdline()).isEqualTo("root=LABEL=root console=ttyS0");
        assertThat(found.description()).contains("\"recipe_hash\": \"" + hash + "\"");
        assertThat(found.data().sizeBytes()).isEqualTo(4L << 20);
        assertThat(Files.readAllBytes(spec.kernel())).hasSize(3 << 20); // same machine: the volume is a file

        String root = VolumeNames.overlay(RUN, "virtio", "root", 1);
        String data = VolumeNames.overlay(RUN, "virtio", "data", 1);
        Overlay dataSpec = Overlay.data(spec, Path.of("/unused/data.qcow2"));
        assertThat(dataSpec.backing()).isEqualTo(found.data().path());
        try (OverlayVolume r = p.createOverlay(root, spec.disk(), "qcow2");
             OverlayVolume d = p.createOverlay(data, dataSpec.backing(), dataSpec.backingFormat())) {
            String info = qemuImgInfo(d.path());
            assertThat(info).contains("\"backing-filename\": \"" + found.data().path() + "\"")
                    .contains("\"virtual-size\": " + (4L << 20));
            assertThat(qemuImgInfo(r.path())).contains("\"virtual-size\": " + (64L << 20));
            assertThatThrownBy(() -> p.createOverlay(root, spec.disk(), "qcow2"))
                    .isInstanceOf(ProvisioningException.class).hasMessageContaining("exists already");
            r.close();
            r.close(); // idempotent
            assertThat(p.storage().pool().volume(root)).isEmpty();
        }
        assertThatThrownBy(() -> p.createOverlay(root, Path.of("/etc/hostname"), "raw"))
                .isInstanceOf(ProvisioningException.class).hasMessageContaining("no volume of the host's pool");

        String consoleName = VolumeNames.console(RUN, "vbench-" + RUN + "-virtio");
        try (HostConsole console = p.openConsole(consoleName)) {
            assertThat(console.read(1000)).isEmpty();
            // stands in for virtlogd, which writes the file on the host
            Files.writeString(console.path(), "x".repeat(5000) + "\nlast line\n");
            assertThat(console.read(1 << 20)).hasSize(5011);
            assertThat(console.read(10)).isEqualTo("last line\n");
        }
        assertThat(console(p, consoleName)).isFalse();

        // a killed run's leftovers: an overlay and a console log, removed by run id; images stay
        p.createOverlay(root, spec.disk(), "qcow2");
        Files.writeString(Path.of(p.storage().pool().path(), consoleName), "left over\n");
        OverlayVolume other = p.createOverlay(VolumeNames.overlay(RUN + "x", "virtio", "root", 1), spec.disk(),
                "qcow2");
        try {
            assertThat(p.removeRunVolumes(RUN)).containsExactlyInAnyOrder(root, consoleName);
            assertThat(p.removeRunVolumes(RUN)).isEmpty();
            assertThat(p.findImage(hash)).isPresent();
        } finally {
            other.close();
        }
    }

    private static boolean console(LibvirtProvisioner p, String name) {
        p.storage().pool().refresh();
        return p.storage().pool().volume(name).isPresent();
    }

    private static org.libvirt.Connect connectOf(LibvirtProvisioner p) {
        return p.connection();
    }

    /** A fake image directory: a real 64 MiB qcow2 disk, a sparse 4 MiB data disk and image.json like the lab's. */
    static Map<HostImage.Role, Path> fakeImage(Path dir, String hash) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        Path disk = dir.resolve("disk.qcow2");
        run(QemuImg.PROGRAM, "create", "-q", "-f", "qcow2", disk.toString(), "64M");
        Random random = new Random(12);
        byte[] kernel = new byte[3 << 20];
        random.nextBytes(kernel);
        Files.write(dir.resolve("vmlinuz"), kernel);
        byte[] initrd = new byte[(1 << 20) + 12345];
        random.nextBytes(initrd);
        Files.write(dir.resolve("initrd.img"), initrd);
        byte[] data = new byte[4 << 20];
        data[data.length - 1] = 1;
        Files.write(dir.resolve("data.raw"), data);
        Files.writeString(dir.resolve("cmdline"), "root=LABEL=root console=ttyS0\n");
        Files.writeString(dir.resolve("host_key.pub"), "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIFakeFakeFake root@vbench\n");
        Files.writeString(dir.resolve("image.json"), "{\n  \"data_size_bytes\": " + (4 << 20) + ",\n  \"files\": {"
                + "\"cmdline\": \"cmdline\", \"data\": \"data.raw\", \"disk\": \"disk.qcow2\", \"host_key\":"
                + " \"host_key.pub\", \"initrd\": \"initrd.img\", \"kernel\": \"vmlinuz\"},\n  \"format_version\": 2,\n"
                + "  \"guest_kernel\": \"6.1.0-test-amd64\",\n  \"recipe_hash\": \"" + hash + "\"\n}\n");
        Map<HostImage.Role, Path> files = new EnumMap<>(HostImage.Role.class);
        files.put(HostImage.Role.DISK, disk);
        files.put(HostImage.Role.KERNEL, dir.resolve("vmlinuz"));
        files.put(HostImage.Role.INITRD, dir.resolve("initrd.img"));
        files.put(HostImage.Role.DATA, dir.resolve("data.raw"));
        files.put(HostImage.Role.CMDLINE, dir.resolve("cmdline"));
        files.put(HostImage.Role.HOST_KEY, dir.resolve("host_key.pub"));
        files.put(HostImage.Role.DESCRIPTION, dir.resolve("image.json"));
        return files;
    }

    private static String qemuImgInfo(Path image) throws IOException, InterruptedException {
        return run(QemuImg.PROGRAM, "info", "--output=json", "-U", image.toString());
    }

    private static String run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(List.of(command)).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        return out;
    }
}
