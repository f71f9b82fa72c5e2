package dev.vbench.bench.plan;

import dev.vbench.bench.plan.YamlNode.Entry;
import dev.vbench.bench.plan.YamlNode.ListNode;
import dev.vbench.bench.plan.YamlNode.MapNode;
import dev.vbench.bench.plan.YamlNode.ScalarNode;
import dev.vbench.bench.plan.YamlNode.ScalarNode.Kind;
import dev.vbench.provisioning.Accel;
import dev.vbench.provisioning.CacheMode;
import dev.vbench.provisioning.DiskBus;
import dev.vbench.provisioning.DiskSpec;
import dev.vbench.provisioning.GuestSpec;
import dev.vbench.provisioning.IoMode;
import dev.vbench.provisioning.NetworkSpec;
import dev.vbench.provisioning.NicModel;
import dev.vbench.provisioning.NicSpec;
import dev.vbench.provisioning.Variant;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Reads a plan file (YAML) into a validated {@link Plan}. Everything is checked before anything runs: unknown
 * keys, types, ranges, the closed sets of device models and fio/iperf3 options, names, cross-references. The
 * first problem found is thrown as a {@link PlanException} naming file, line and key.
 *
 * <p>Defaults for keys a plan leaves out: {@code connect: qemu:///system}, {@code image: default},
 * {@code accel: auto}, {@code guest: {vcpus: 2, memory_mib: 1024}}, {@code network: vbench} (the lab's
 * network), {@code baseline: auto} (the first variant). In a variant or matrix, a missing {@code disk.bus} is
 * {@code virtio}, {@code disk.cache} is {@code default} (no cache attribute: QEMU's default, writeback),
 * {@code disk.io} is absent (libvirt's default; {@code default} may be written for it), {@code nic.model} is
 * {@code virtio}. fio defaults: {@code bs 4k, iodepth 1, numjobs 1, size 1G, runtime 30s, ramp_time 0s, fsync 0,
 * direct 1, ioengine libaio}; iperf3 defaults: {@code duration 10s, streams 1, reverse false, udp false, omit 0s}.
 *
 * <p>Variant order: the {@code variants} list first, then the {@code matrix} as a full factorial with
 * {@code disk.bus} varying slowest, then {@code disk.cache}, {@code disk.io}, {@code nic.model}, each in the
 * order written. Matrix variants are named {@code DiskSpec.shortName() + "-" + nic model}; a generated variant
 * that the list already defines identically (same name, same devices) is not added twice.
 *
 * <p>Relative paths ({@code image.*}, a {@code claims} file) are resolved against the plan file's directory and
 * made absolute (libvirt needs absolute paths). Files are not opened here: whether they exist is the lab's concern.
 */
public final class PlanParser {
    /** Plans larger than this are refused: a plan is a short hand-written file. */
    public static final int MAX_BYTES = 1 << 20;

    private static final List<String> TOP_KEYS = List.of("name", "connect", "image", "accel", "guest", "network",
            "baseline", "variants", "matrix", "workloads", "repetitions", "claims");
    private static final List<String> IMAGE_KEYS = List.of("disk", "kernel", "initrd", "cmdline");
    private static final List<String> GUEST_KEYS = List.of("vcpus", "memory_mib");
    private static final List<String> BRIDGE_KEYS = List.of("bridge", "virtualport");
    private static final List<String> VARIANT_KEYS = List.of("name", "disk", "nic");
    private static final List<String> DISK_KEYS = List.of("bus", "cache", "io");
    private static final List<String> NIC_KEYS = List.of("model");
    private static final List<String> MATRIX_KEYS = List.of("disk.bus", "disk.cache", "disk.io", "nic.model");
    private static final List<String> WORKLOAD_KEYS = List.of("name", "fio", "iperf3");
    private static final List<String> FIO_KEYS = List.of("rw", "bs", "iodepth", "numjobs", "size", "runtime",
            "ramp_time", "rwmixread", "fsync", "direct", "ioengine");
    private static final List<String> IPERF3_KEYS = List.of("duration", "streams", "reverse", "udp", "bitrate",
            "omit");
    private static final List<String> ADAPTIVE_KEYS = List.of("min", "max", "target_ci_pct");
    private static final List<String> CLAIM_KEYS = List.of("id", "text", "baseline", "candidate", "workload",
            "metric", "min_gain");

    private static final String AUTO = "auto";
    private static final String DEFAULT = "default";
    /** A libvirt URI without shell metacharacters ($, `, ;, |, quotes, parentheses...): it may reach ssh. */
    private static final Pattern URI = Pattern.compile("[a-z][a-z0-9+.-]*://[A-Za-z0-9._~:/?#\\[\\]@!&=+,%-]*");
    private static final Pattern NETWORK_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final Pattern BRIDGE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,14}");
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(0|[1-9][0-9]*)");
    private static final Pattern NUMBER = Pattern.compile("[+-]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)([eE][+-]?[0-9]+)?");
    private static final int MAX_LISTED = 12;

    private final String file;
    private final Path baseDir;

    private PlanParser(String file) {
        this.file = file;
        Path dir;
        try {
            dir = Path.of(file).toAbsolutePath().getParent();
        } catch (InvalidPathException e) {
            dir = Path.of("").toAbsolutePath();
        }
        this.baseDir = dir;
    }

    /** Reads and validates the plan in {@code file} (UTF-8). */
    public static Plan parse(Path file) {
        String name = file.toString();
        byte[] bytes;
        try {
            if (Files.isDirectory(file)) {
                throw new PlanException(name, 0, null, "is a directory, not a plan file");
            }
            if (Files.size(file) > MAX_BYTES) {
                throw new PlanException(name, 0, null, "larger than 1 MiB: not a plan file");
            }
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new PlanException(name, 0, null, "no such file (give the path of a plan, e.g. plans/smoke.yaml)");
        } catch (AccessDeniedException e) {
            throw new PlanException(name, 0, null, "permission denied");
        } catch (IOException e) {
            throw new PlanException(name, 0, null, "cannot read the plan: " + e.getMessage());
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new PlanException(name, 0, null, "not UTF-8 text");
        }
        return parse(text, name);
    }

    /**
     * Validates plan {@code text}; {@code fileName} names it in messages and anchors relative paths.
     */
    public static Plan parse(String text, String fileName) {
        if (text.length() > MAX_BYTES) {
            throw new PlanException(fileName, 0, null, "larger than 1 MiB: not a plan file");
        }
        return new PlanParser(fileName).plan(text);
    }

    // ---------------------------------------------------------------- the plan

    private Plan plan(String text) {
        YamlNode root = YamlTreeReader.read(text, file);
        if (root == null || isNull(root)) {
            throw new PlanException(file, 1, null, "empty plan (expected keys such as name, variants, workloads,"
                    + " repetitions; see plans/smoke.yaml)");
        }
        if (!(root instanceof MapNode top)) {
            throw new PlanException(file, root.line(), null, "a plan is a mapping of keys (name:, variants:, ...), not "
                    + root.describe());
        }
        allowKeys(top, TOP_KEYS);
        String name = name(required(top, "name", "e.g. name: seed-claims"), "plan name");
        String connect = top.get("connect") == null ? Plan.DEFAULT_CONNECT : connect(top.get("connect"));
        PlanImage image = top.get("image") == null ? PlanImage.labDefault() : image(top.get("image"));
        Accel accel = top.get("accel") == null ? Accel.AUTO
                : Accel.fromPlan(choice(top.get("accel"), Accel.planNames()));
        GuestSpec guest = top.get("guest") == null ? GuestSpec.DEFAULT : guest(top.get("guest"));
        NetworkSpec network = top.get("network") == null ? NetworkSpec.libvirtNetwork(NetworkSpec.LAB_NETWORK)
                : network(top.get("network"));
        List<Variant> variants = variants(top);
        String baseline = baseline(top.get("baseline"), variants);
        List<Workload> workloads = workloads(required(top, "workloads",
                "e.g. workloads: [{name: randread-4k, fio: {rw: randread}}]"));
        Repetitions repetitions = repetitions(required(top, "repetitions", "e.g. repetitions: 3"));
        List<ClaimSpec> claims = List.of();
        Path claimsFile = null;
        YamlNode claimsNode = top.get("claims");
        if (claimsNode != null && !isNull(claimsNode)) {
            if (claimsNode instanceof ScalarNode s && s.kind() == Kind.STRING) {
                claimsFile = path(claimsNode);
            } else if (claimsNode instanceof ListNode list) {
                claims = claims(list, variants, workloads);
            } else {
                throw error(claimsNode, "expected a list of claims or the path of a claims file, got "
                        + claimsNode.describe());
            }
        }
        return new Plan(name, connect, image, accel, guest, network, baseline, variants, workloads, repetitions,
                claims, claimsFile, text);
    }

    private String connect(YamlNode node) {
        String uri = text(node);
        if (!URI.matcher(uri).matches()) {
            throw error(node, "not a libvirt URI: " + OneLine.quote(uri) + " (e.g. qemu:///system, test:///default,"
                    + " qemu+ssh://user@host/system; letters, digits and . _ ~ : / ? # [ ] @ ! & = + , % - only)");
        }
        return uri;
    }

    private PlanImage image(YamlNode node) {
        if (node instanceof ScalarNode s && s.kind() != Kind.NULL) {
            if (s.text().equals(DEFAULT)) {
                return PlanImage.labDefault();
            }
            throw error(node, "unknown value " + OneLine.quote(s.text())
                    + " (valid: default, or a mapping {disk: PATH, kernel: PATH, initrd: PATH, cmdline: TEXT})");
        }
        MapNode m = map(node, "'default' or a mapping {disk: PATH, kernel: PATH, initrd: PATH, cmdline: TEXT}");
        allowKeys(m, IMAGE_KEYS);
        Path disk = path(required(m, "disk", "the qcow2 image to clone"));
        Path kernel = m.get("kernel") == null ? null : path(m.get("kernel"));
        Path initrd = m.get("initrd") == null ? null : path(m.get("initrd"));
        String cmdline = null;
        if (m.get("cmdline") != null) {
            cmdline = text(m.get("cmdline"));
            if (cmdline.length() > 1024 || cmdline.chars().anyMatch(Character::isISOControl)) {
                throw error(m.get("cmdline"), "must be one line of at most 1024 characters");
            }
        }
        Path k = kernel;
        Path i = initrd;
        String c = cmdline;
        return build(m, () -> new PlanImage(disk, k, i, c));
    }

    private GuestSpec guest(YamlNode node) {
        MapNode m = map(node, "a mapping {vcpus: N, memory_mib: N}");
        allowKeys(m, GUEST_KEYS);
        int vcpus = m.get("vcpus") == null ? GuestSpec.DEFAULT.vcpus() : integer(m.get("vcpus"), 1, 64);
        int memory = m.get("memory_mib") == null ? GuestSpec.DEFAULT.memoryMib()
                : integer(m.get("memory_mib"), 256, 262144);
        try {
            return new GuestSpec(vcpus, memory);
        } catch (IllegalArgumentException e) {
            throw error(m, e.getMessage());
        }
    }

    private NetworkSpec network(YamlNode node) {
        if (node instanceof ScalarNode s && s.kind() != Kind.NULL) {
            String name = s.text();
            if (!NETWORK_NAME.matcher(name).matches()) {
                throw error(node, "not a libvirt network name: " + OneLine.quote(name)
                        + " (letters, digits, '.', '_', '-'; or a mapping {bridge: br0})");
            }
            return NetworkSpec.libvirtNetwork(name);
        }
        MapNode m = map(node, "a libvirt network name or a mapping {bridge: NAME, virtualport: openvswitch}");
        allowKeys(m, BRIDGE_KEYS);
        YamlNode bridgeNode = required(m, "bridge", "the host bridge, e.g. bridge: br0");
        String bridge = text(bridgeNode);
        if (!BRIDGE_NAME.matcher(bridge).matches()) {
            throw error(bridgeNode, "not a bridge name: " + OneLine.quote(bridge)
                    + " (1-15 letters, digits, '.', '_', '-')");
        }
        String virtualport = m.get("virtualport") == null ? null : choice(m.get("virtualport"), List.of("openvswitch"));
        return NetworkSpec.hostBridge(bridge, virtualport);
    }

    // ---------------------------------------------------------------- variants

    private List<Variant> variants(MapNode top) {
        YamlNode listNode = top.get("variants");
        YamlNode matrixNode = top.get("matrix");
        Map<String, Variant> byName = new LinkedHashMap<>();
        Map<String, YamlNode> nameNodes = new HashMap<>();
        if (listNode != null) {
            ListNode list = list(listNode, "a list of variants, e.g. - {name: ide-wt-e1000, disk: {bus: ide}}");
            for (YamlNode item : list.items()) {
                Variant v = variant(item);
                MapNode m = (MapNode) item;
                YamlNode nameNode = m.get("name");
                if (byName.containsKey(v.name())) {
                    throw error(nameNode, "duplicate variant name " + OneLine.quote(v.name()) + " (first on line "
                            + nameNodes.get(v.name()).line() + "; variant names must be unique)");
                }
                byName.put(v.name(), v);
                nameNodes.put(v.name(), nameNode);
            }
        }
        if (matrixNode != null) {
            for (Variant v : matrix(matrixNode)) {
                Variant existing = byName.get(v.name());
                if (existing == null) {
                    byName.put(v.name(), v);
                } else if (!existing.equals(v)) {
                    YamlNode first = nameNodes.get(v.name());
                    throw error(matrixNode, "generates variant " + OneLine.quote(v.name())
                            + ", which the variants list defines differently on line " + first.line()
                            + " (rename that variant)");
                }
            }
        }
        if (byName.isEmpty()) {
            YamlNode at = listNode != null ? listNode : top;
            throw new PlanException(file, at.line(), "variants",
                    "no variants (give a variants list, a matrix, or both)");
        }
        return List.copyOf(byName.values());
    }

    private Variant variant(YamlNode item) {
        MapNode m = map(item, "a mapping {name: NAME, disk: {...}, nic: {...}}");
        allowKeys(m, VARIANT_KEYS);
        YamlNode nameNode = required(m, "name", "e.g. name: virtio-wb-virtio");
        String name = name(nameNode, "variant name");
        if (name.equals(AUTO)) {
            throw error(nameNode, "'auto' is reserved (baseline: auto means the first variant); choose another name");
        }
        DiskSpec disk = disk(m.get("disk"), m.path() + ".disk");
        NicSpec nic = nic(m.get("nic"));
        return new Variant(name, disk, nic);
    }

    private DiskSpec disk(YamlNode node, String path) {
        if (node == null) {
            return new DiskSpec(DiskBus.VIRTIO, CacheMode.DEFAULT, null);
        }
        MapNode m = map(node, "a mapping {bus: ..., cache: ..., io: ...}");
        allowKeys(m, DISK_KEYS);
        DiskBus bus = m.get("bus") == null ? DiskBus.VIRTIO
                : DiskBus.fromPlan(choice(m.get("bus"), DiskBus.planNames()));
        CacheMode cache = m.get("cache") == null ? CacheMode.DEFAULT
                : CacheMode.fromPlan(choice(m.get("cache"), CacheMode.planNames()));
        IoMode io = m.get("io") == null ? null : ioMode(m.get("io"));
        try {
            return new DiskSpec(bus, cache, io);
        } catch (IllegalArgumentException e) {
            throw error(m.get("io") == null ? m : m.get("io"), ioProblem(cache, io, e));
        }
    }

    private static String ioProblem(CacheMode cache, IoMode io, IllegalArgumentException e) {
        if (io == IoMode.NATIVE) {
            return "native needs cache none or directsync (QEMU refuses aio=native with the host page cache),"
                    + " not cache " + cache.planName() + " (set cache: none, or io: threads or io_uring)";
        }
        return OneLine.of(e.getMessage());
    }

    private IoMode ioMode(YamlNode node) {
        List<String> valid = new ArrayList<>();
        valid.add(DEFAULT);
        valid.addAll(IoMode.planNames());
        String value = choice(node, valid);
        return value.equals(DEFAULT) ? null : IoMode.fromPlan(value);
    }

    private NicSpec nic(YamlNode node) {
        if (node == null) {
            return new NicSpec(NicModel.VIRTIO);
        }
        MapNode m = map(node, "a mapping {model: ...}");
        allowKeys(m, NIC_KEYS);
        NicModel model = m.get("model") == null ? NicModel.VIRTIO
                : NicModel.fromPlan(choice(m.get("model"), NicModel.planNames()));
        return new NicSpec(model);
    }

    private List<Variant> matrix(YamlNode node) {
        MapNode m = map(node, "a mapping of disk.bus, disk.cache, disk.io, nic.model to lists of values");
        allowKeys(m, MATRIX_KEYS);
        if (m.entries().isEmpty()) {
            throw error(m, "empty matrix (give lists for any of " + String.join(", ", MATRIX_KEYS) + ")");
        }
        List<DiskBus> buses = matrixValues(m, "disk.bus", DiskBus.planNames(), DiskBus::fromPlan, DiskBus.VIRTIO);
        List<CacheMode> caches = matrixValues(m, "disk.cache", CacheMode.planNames(), CacheMode::fromPlan,
                CacheMode.DEFAULT);
        List<String> ioNames = new ArrayList<>();
        ioNames.add(DEFAULT);
        ioNames.addAll(IoMode.planNames());
        List<String> ios = matrixValues(m, "disk.io", ioNames, s -> s, DEFAULT);
        List<NicModel> nics = matrixValues(m, "nic.model", NicModel.planNames(), NicModel::fromPlan, NicModel.VIRTIO);
        List<Variant> out = new ArrayList<>();
        for (DiskBus bus : buses) {
            for (CacheMode cache : caches) {
                for (String ioName : ios) {
                    IoMode io = ioName.equals(DEFAULT) ? null : IoMode.fromPlan(ioName);
                    DiskSpec disk;
                    try {
                        disk = new DiskSpec(bus, cache, io);
                    } catch (IllegalArgumentException e) {
                        throw error(m.get("disk.io"), "the combination disk.cache " + cache.planName()
                                + " with disk.io " + ioName + " is invalid: " + ioProblem(cache, io, e)
                                + "; list such variants explicitly under variants");
                    }
                    for (NicModel nic : nics) {
                        out.add(new Variant(disk.shortName() + "-" + nic.planName(), disk, new NicSpec(nic)));
                    }
                }
            }
        }
        return out;
    }

    private <T> List<T> matrixValues(MapNode m, String key, List<String> valid,
            java.util.function.Function<String, T> lookup, T absent) {
        YamlNode node = m.get(key);
        if (node == null) {
            return List.of(absent);
        }
        ListNode list = list(node, "a list of values, e.g. " + key + ": [" + valid.get(0) + ", " + valid.get(1) + "]");
        if (list.items().isEmpty()) {
            throw error(list, "empty list (valid values: " + String.join(", ", valid) + ")");
        }
        List<String> seen = new ArrayList<>();
        List<T> out = new ArrayList<>();
        for (YamlNode item : list.items()) {
            String value = choice(item, valid);
            if (seen.contains(value)) {
                throw error(item, "duplicate value " + OneLine.quote(value));
            }
            seen.add(value);
            out.add(lookup.apply(value));
        }
        return out;
    }

    private String baseline(YamlNode node, List<Variant> variants) {
        if (node == null) {
            return variants.get(0).name();
        }
        String value = text(node);
        if (value.equals(AUTO)) {
            return variants.get(0).name();
        }
        if (variants.stream().noneMatch(v -> v.name().equals(value))) {
            List<String> valid = new ArrayList<>();
            valid.add(AUTO);
            variants.forEach(v -> valid.add(v.name()));
            throw error(node, "unknown variant " + OneLine.quote(value) + " (valid: " + listed(valid) + ")"
                    + suggestion(value, valid));
        }
        return value;
    }

    // ---------------------------------------------------------------- workloads

    private List<Workload> workloads(YamlNode node) {
        ListNode list = list(node, "a list of workloads, e.g. - {name: randread-4k, fio: {rw: randread}}");
        if (list.items().isEmpty()) {
            throw error(list, "no workloads (give at least one fio or iperf3 workload)");
        }
        Map<String, YamlNode> names = new HashMap<>();
        List<Workload> out = new ArrayList<>();
        for (YamlNode item : list.items()) {
            MapNode m = map(item, "a mapping {name: NAME, fio: {...}} or {name: NAME, iperf3: {...}}");
            allowKeys(m, WORKLOAD_KEYS);
            YamlNode nameNode = required(m, "name", "e.g. name: randread-4k");
            String name = name(nameNode, "workload name");
            if (names.containsKey(name)) {
                throw error(nameNode, "duplicate workload name " + OneLine.quote(name) + " (first on line "
                        + names.get(name).line() + "; workload names must be unique)");
            }
            names.put(name, nameNode);
            YamlNode fio = m.get("fio");
            YamlNode iperf3 = m.get("iperf3");
            if (fio != null && iperf3 != null) {
                throw error(m, "give either fio or iperf3, not both (make two workloads)");
            }
            if (fio == null && iperf3 == null) {
                throw new PlanException(file, m.line(), m.path(),
                        "missing the tool (give fio: {rw: ...} or iperf3: {duration: ...})");
            }
            out.add(fio != null ? Workload.fio(name, fio(fio)) : Workload.iperf3(name, iperf3(iperf3)));
        }
        return out;
    }

    private FioSpec fio(YamlNode node) {
        MapNode m = map(node, "a mapping of fio options, e.g. {rw: randread, bs: 4k, iodepth: 32}");
        allowKeys(m, FIO_KEYS);
        String rw = choice(required(m, "rw", "valid: " + String.join(", ", FioSpec.RW_MODES)), FioSpec.RW_MODES);
        long bs = m.get("bs") == null ? FioSpec.DEFAULT_BS : bytes(m.get("bs"));
        int iodepth = m.get("iodepth") == null ? FioSpec.DEFAULT_IODEPTH : integer(m.get("iodepth"), 1, 1024);
        int numjobs = m.get("numjobs") == null ? FioSpec.DEFAULT_NUMJOBS : integer(m.get("numjobs"), 1, 64);
        long size = m.get("size") == null ? FioSpec.DEFAULT_SIZE : bytes(m.get("size"));
        Duration runtime = m.get("runtime") == null ? FioSpec.DEFAULT_RUNTIME : duration(m.get("runtime"));
        Duration ramp = m.get("ramp_time") == null ? FioSpec.DEFAULT_RAMP_TIME : duration(m.get("ramp_time"));
        Integer rwmixread = m.get("rwmixread") == null ? null : integer(m.get("rwmixread"), 0, 100);
        int fsync = m.get("fsync") == null ? 0 : integer(m.get("fsync"), 0, 1_000_000);
        boolean direct = m.get("direct") == null || integer(m.get("direct"), 0, 1) == 1;
        String ioengine = m.get("ioengine") == null ? FioSpec.DEFAULT_IOENGINE
                : choice(m.get("ioengine"), FioSpec.IO_ENGINES);
        return build(m, () -> new FioSpec(rw, bs, iodepth, numjobs, size, runtime, ramp, rwmixread, fsync, direct,
                ioengine));
    }

    private Iperf3Spec iperf3(YamlNode node) {
        MapNode m = map(node, "a mapping of iperf3 options, e.g. {duration: 10s, streams: 1}");
        allowKeys(m, IPERF3_KEYS);
        Duration duration = m.get("duration") == null ? Iperf3Spec.DEFAULT_DURATION : duration(m.get("duration"));
        int streams = m.get("streams") == null ? Iperf3Spec.DEFAULT_STREAMS : integer(m.get("streams"), 1, 128);
        boolean reverse = m.get("reverse") != null && bool(m.get("reverse"));
        boolean udp = m.get("udp") != null && bool(m.get("udp"));
        Long bitrate = m.get("bitrate") == null ? null : bitrate(m.get("bitrate"));
        Duration omit = m.get("omit") == null ? Iperf3Spec.DEFAULT_OMIT : duration(m.get("omit"));
        return build(m, () -> new Iperf3Spec(duration, streams, reverse, udp, bitrate, omit));
    }

    // ---------------------------------------------------------------- repetitions and claims

    private Repetitions repetitions(YamlNode node) {
        if (node instanceof ScalarNode s && s.kind() == Kind.INTEGER) {
            return Repetitions.fixed(integer(node, 1, Repetitions.LIMIT));
        }
        if (!(node instanceof MapNode m)) {
            throw error(node, "expected a whole number (e.g. 5) or a mapping {min: 3, max: 10, target_ci_pct: 5},"
                    + " got " + node.describe());
        }
        allowKeys(m, ADAPTIVE_KEYS);
        int min = integer(required(m, "min", "at least 2"), 2, Repetitions.LIMIT);
        int max = integer(required(m, "max", "at most " + Repetitions.LIMIT), 2, Repetitions.LIMIT);
        double target = number(required(m, "target_ci_pct", "e.g. 5 for +-5% of the mean"));
        return build(m, () -> new Repetitions(min, max, target));
    }

    private List<ClaimSpec> claims(ListNode list, List<Variant> variants, List<Workload> workloads) {
        List<String> variantNames = variants.stream().map(Variant::name).toList();
        List<String> workloadNames = workloads.stream().map(Workload::name).toList();
        Map<String, YamlNode> ids = new HashMap<>();
        List<ClaimSpec> out = new ArrayList<>();
        for (YamlNode item : list.items()) {
            MapNode m = map(item, "a mapping {id, text, baseline, candidate, workload, metric, min_gain}");
            allowKeys(m, CLAIM_KEYS);
            YamlNode idNode = required(m, "id", "e.g. id: virtio-blk-iops");
            String id = name(idNode, "claim id");
            if (ids.containsKey(id)) {
                throw error(idNode, "duplicate claim id " + OneLine.quote(id) + " (first on line "
                        + ids.get(id).line() + ")");
            }
            ids.put(id, idNode);
            String baseline = reference(required(m, "baseline", "a variant name"), variantNames, "variant");
            String candidate = reference(required(m, "candidate", "a variant name"), variantNames, "variant");
            YamlNode workloadNode = required(m, "workload", "a workload name");
            String workloadName = reference(workloadNode, workloadNames, "workload");
            Workload workload = workloads.get(workloadNames.indexOf(workloadName));
            YamlNode metricNode = required(m, "metric", "valid for " + workloadName + ": "
                    + String.join(", ", workload.metricNames()));
            String metric = text(metricNode);
            if (!workload.metricNames().contains(metric)) {
                throw error(metricNode, "unknown metric " + OneLine.quote(metric) + " for " + workload.tool()
                        + " workload " + workloadName + " (valid: " + String.join(", ", workload.metricNames()) + ")"
                        + suggestion(metric, workload.metricNames()));
            }
            double minGain = number(required(m, "min_gain", "e.g. min_gain: 1.2 for at least 20% better"));
            String text = m.get("text") == null
                    ? String.format(Locale.ROOT, "%s beats %s on %s of %s by at least %sx", candidate, baseline, metric,
                            workloadName, InvalidSpecException.decimal(minGain))
                    : claimText(m.get("text"));
            out.add(build(m, () -> new ClaimSpec(id, text, baseline, candidate, workloadName, metric, minGain)));
        }
        return out;
    }

    private String claimText(YamlNode node) {
        String text = text(node);
        if (text.isBlank() || text.length() > 500 || text.chars().anyMatch(Character::isISOControl)) {
            throw error(node, "must be one non-empty line of at most 500 characters");
        }
        return text;
    }

    private String reference(YamlNode node, List<String> valid, String what) {
        String value = text(node);
        if (!valid.contains(value)) {
            throw error(node, "unknown " + what + " " + OneLine.quote(value) + " (valid: " + listed(valid) + ")"
                    + suggestion(value, valid));
        }
        return value;
    }

    // ---------------------------------------------------------------- typed values

    private PlanException error(YamlNode node, String problem) {
        return new PlanException(file, node.line(), node.path(), problem);
    }

    /** Builds a spec record, pointing an {@link InvalidSpecException} at the line of the key it names. */
    private <T> T build(MapNode m, Supplier<T> constructor) {
        try {
            return constructor.get();
        } catch (InvalidSpecException e) {
            YamlNode at = m.get(e.key());
            if (at != null) {
                throw error(at, e.problem());
            }
            String path = m.path().isEmpty() ? e.key() : m.path() + "." + e.key();
            throw new PlanException(file, m.line(), path, e.problem());
        }
    }

    private void allowKeys(MapNode m, List<String> allowed) {
        for (Entry e : m.entries().values()) {
            if (!allowed.contains(e.key())) {
                String path = m.path().isEmpty() ? e.key() : m.path() + "." + e.key();
                throw new PlanException(file, e.keyLine(), path, "unknown key (valid: " + String.join(", ", allowed)
                        + ")" + suggestion(e.key(), allowed));
            }
        }
    }

    private YamlNode required(MapNode m, String key, String hint) {
        YamlNode node = m.get(key);
        if (node == null || isNull(node)) {
            String path = m.path().isEmpty() ? key : m.path() + "." + key;
            int line = node == null ? m.line() : node.line();
            throw new PlanException(file, line, path, "missing (required; " + hint + ")");
        }
        return node;
    }

    private static boolean isNull(YamlNode node) {
        return node instanceof ScalarNode s && s.kind() == Kind.NULL;
    }

    private MapNode map(YamlNode node, String expected) {
        if (node instanceof MapNode m) {
            return m;
        }
        throw error(node, "expected " + expected + ", got " + node.describe());
    }

    private ListNode list(YamlNode node, String expected) {
        if (node instanceof ListNode l) {
            return l;
        }
        throw error(node, "expected " + expected + ", got " + node.describe());
    }

    /** A scalar's text as written; numbers and booleans count as their spelling (a name may be {@code 2024}). */
    private String text(YamlNode node) {
        if (node instanceof ScalarNode s && s.kind() != Kind.NULL) {
            return s.text();
        }
        throw error(node, "expected a value, got " + node.describe());
    }

    private String choice(YamlNode node, List<String> valid) {
        if (!(node instanceof ScalarNode s) || s.kind() == Kind.NULL) {
            throw error(node, "expected one of " + String.join(", ", valid) + ", got " + node.describe());
        }
        if (!valid.contains(s.text())) {
            throw error(node, "unknown value " + OneLine.quote(s.text()) + " (valid: " + String.join(", ", valid) + ")"
                    + suggestion(s.text(), valid));
        }
        return s.text();
    }

    private String name(YamlNode node, String what) {
        String name = text(node);
        if (!Variant.NAME.matcher(name).matches()) {
            String why = name.contains("/") || name.contains("\\") ? "must not contain path separators; "
                    : name.isEmpty() ? "must not be empty; " : "";
            throw error(node, "invalid " + what + " " + OneLine.quote(name) + " (" + why + "use 1-48 lower-case"
                    + " letters, digits, '.', '_', '-', starting with a letter or digit)");
        }
        return name;
    }

    private int integer(YamlNode node, int min, int max) {
        if (!(node instanceof ScalarNode s) || s.kind() != Kind.INTEGER || !DECIMAL.matcher(s.text()).matches()) {
            throw error(node, "expected a whole number (" + min + ".." + max + ", decimal without leading zeros), got "
                    + node.describe());
        }
        BigInteger value = new BigInteger(s.text().startsWith("+") ? s.text().substring(1) : s.text());
        if (value.compareTo(BigInteger.valueOf(min)) < 0 || value.compareTo(BigInteger.valueOf(max)) > 0) {
            throw error(node, OneLine.of(s.text()) + " is out of range (valid: " + min + ".." + max + ")");
        }
        return value.intValueExact();
    }

    private double number(YamlNode node) {
        if (!(node instanceof ScalarNode s) || (s.kind() != Kind.INTEGER && s.kind() != Kind.FLOAT)
                || !NUMBER.matcher(s.text()).matches()) {
            throw error(node, "expected a number, got " + node.describe());
        }
        double value = Double.parseDouble(s.text());
        if (!Double.isFinite(value)) {
            throw error(node, "expected a finite number, got " + node.describe());
        }
        return value;
    }

    private boolean bool(YamlNode node) {
        if (node instanceof ScalarNode s && s.kind() == Kind.BOOLEAN) {
            String t = s.text();
            if (t.equals("true")) {
                return true;
            }
            if (t.equals("false")) {
                return false;
            }
        }
        throw error(node, "expected true or false, got " + node.describe());
    }

    private long bytes(YamlNode node) {
        if (node instanceof ScalarNode s && (s.kind() == Kind.STRING || s.kind() == Kind.INTEGER)) {
            try {
                return Quantity.parseBytes(s.text());
            } catch (IllegalArgumentException e) {
                throw error(node, e.getMessage());
            }
        }
        throw error(node, "expected a size (" + Quantity.BYTES_GRAMMAR + "), got " + node.describe());
    }

    private Duration duration(YamlNode node) {
        if (node instanceof ScalarNode s && (s.kind() == Kind.STRING || s.kind() == Kind.INTEGER)) {
            try {
                return Quantity.parseDuration(s.text());
            } catch (IllegalArgumentException e) {
                throw error(node, e.getMessage());
            }
        }
        throw error(node, "expected a duration (" + Quantity.DURATION_GRAMMAR + "), got " + node.describe());
    }

    private long bitrate(YamlNode node) {
        if (node instanceof ScalarNode s && (s.kind() == Kind.STRING || s.kind() == Kind.INTEGER)) {
            try {
                return Quantity.parseBitrate(s.text());
            } catch (IllegalArgumentException e) {
                throw error(node, e.getMessage());
            }
        }
        throw error(node, "expected a bit rate (" + Quantity.BITRATE_GRAMMAR + "), got " + node.describe());
    }

    private Path path(YamlNode node) {
        String text = text(node);
        if (text.isBlank() || text.length() > 4096 || text.chars().anyMatch(Character::isISOControl)) {
            throw error(node, "not a usable path: " + OneLine.quote(text));
        }
        try {
            Path p = Path.of(text);
            return (p.isAbsolute() ? p : baseDir.resolve(p)).normalize();
        } catch (InvalidPathException e) {
            throw error(node, "not a usable path: " + OneLine.quote(text));
        }
    }

    // ---------------------------------------------------------------- message helpers

    private static String listed(List<String> values) {
        if (values.size() <= MAX_LISTED) {
            return String.join(", ", values);
        }
        return String.join(", ", values.subList(0, MAX_LISTED)) + ", ... (" + (values.size() - MAX_LISTED)
                + " more)";
    }

    /** {@code "; did you mean 'x'?"} for a near miss (edit distance at most 2), else empty. */
    static String suggestion(String given, List<String> valid) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String v : valid) {
            int d = distance(given.toLowerCase(Locale.ROOT), v);
            if (d < bestDistance) {
                bestDistance = d;
                best = v;
            }
        }
        if (best != null && best.length() >= 3 && bestDistance > 0
                && bestDistance <= Math.min(2, Math.max(1, best.length() / 3))) {
            return "; did you mean '" + best + "'?";
        }
        if (best != null && bestDistance == 0 && !best.equals(given)) {
            return "; did you mean '" + best + "'?";
        }
        return "";
    }

    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
