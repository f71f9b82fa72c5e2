package dev.vbench.bench.cli;

import static dev.vbench.bench.cli.Cli.vbench;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vbench.bench.image.TestQemuImg;
import dev.vbench.bench.run.TestImages;
import dev.vbench.provisioning.HostCommand;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.RandomAccessFile;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every kind of bad input the command line can be given, each with its exact exit status, a single
 * {@code vbench: ...} line on stderr that names the problem and the fix (or the valid values), no stack trace,
 * and nothing written: the case's temporary directory (plans, fake lab home, output directories) is byte for byte
 * what it was before the command ran, and the output directory the command was pointed at does not exist.
 *
 * <p>Plan cases are the shipped {@code plans/smoke.yaml} with one edit, each checked through {@code plan
 * --emit-xml} and through {@code run --out}. Run cases use a fake lab home ({@code -Dvbench.home}) and libvirt's
 * daemonless {@code test:///default} driver where the run has to get as far as the output directory; no VM is
 * started.
 */
class BadInputTest {
    private static final Path SMOKE = Path.of("plans/smoke.yaml");
    private static final String HOME_PROPERTY = "vbench.home";

    @TempDir
    Path dir;

    /** Lays out a case's files in its temporary directory and returns the command to run. */
    interface Setup {
        Command prepare(Path dir) throws IOException;
    }

    /**
     * @param args   the vbench arguments
     * @param output the directory or file the command was asked to write, which must not exist afterwards
     * @param lab    the lab home to run with ({@code -Dvbench.home})
     */
    record Command(List<String> args, Path output, Path lab) {
        Command withOutput(Path other) {
            return new Command(args, other, lab);
        }
    }

    /** One bad input: its exit status and the words its message must contain. */
    record Case(String name, int exit, List<String> words, Setup setup) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> cases() throws IOException {
        List<Case> cases = new ArrayList<>();
        // ------------------------------------------------------------- the plan file
        planCase(cases, "malformed YAML",
                List.of("YAML syntax error", "flow mapping (started on line " + smokeLine("disk: {bus: ide") + ")",
                        "check the brackets"),
                t -> replace(t, "    disk: {bus: ide, cache: writethrough}", "    disk: {bus: ide, cache: writethrough"));
        planCase(cases, "empty file", List.of("empty plan", "name", "variants", "workloads"), t -> "");
        planCase(cases, "only a comment", List.of("empty plan", "plans/smoke.yaml"), t -> "# nothing here\n");
        planCase(cases, "not a mapping", List.of("a plan is a mapping of keys", "a list"), t -> "- a\n- b\n");
        planCase(cases, "unknown top-level key", List.of("repetiton: unknown key", "valid:", "did you mean 'repetitions'"),
                t -> replace(t, "repetitions: 2\n", "repetitions: 2\nrepetiton: 3\n"));
        planCase(cases, "unknown nested key", List.of("variants[0].nic.queues: unknown key", "valid: model"),
                t -> replace(t, "nic: {model: e1000}", "nic: {model: e1000, queues: 4}"));
        planCase(cases, "unknown key in fio", List.of("workloads[0].fio.blocksize: unknown key", "valid:", "bs"),
                t -> replace(t, "bs: 4k,", "blocksize: 4k,"));
        planCase(cases, "rate_iops misspelt", List.of("workloads[0].fio.rateiops: unknown key", "rate_iops",
                "did you mean 'rate_iops'"), t -> replace(t, "bs: 4k,", "bs: 4k, rateiops: 500,"));
        planCase(cases, "rate_iops zero", List.of("workloads[0].fio.rate_iops", "0 is out of range", "1..10000000"),
                t -> replace(t, "bs: 4k,", "bs: 4k, rate_iops: 0,"));
        planCase(cases, "repetitions a word", List.of("repetitions", "expected a whole number", "five"),
                t -> replace(t, "repetitions: 2", "repetitions: \"five\""));
        planCase(cases, "guest vcpus a list", List.of("guest.vcpus", "expected a whole number", "1..64"),
                t -> replace(t, "baseline: ide-wt-e1000\n", "baseline: ide-wt-e1000\nguest: {vcpus: [2, 4]}\n"));
        planCase(cases, "iodepth a boolean", List.of("iodepth", "expected a whole number", "1..1024"),
                t -> replace(t, "iodepth: 16", "iodepth: true"));
        planCase(cases, "unknown disk bus", List.of("disk.bus: unknown value 'scsi'", "valid: ide, sata, virtio, virtio-scsi"),
                t -> replace(t, "bus: ide,", "bus: scsi,"));
        planCase(cases, "unknown cache mode",
                List.of("disk.cache: unknown value 'writearound'", "valid:", "none", "writethrough", "writeback"),
                t -> replace(t, "cache: writethrough", "cache: writearound"));
        planCase(cases, "unknown io mode", List.of("disk.io: unknown value 'posix'", "valid:", "threads", "native",
                "io_uring"), t -> replace(t, "cache: writeback}", "cache: writeback, io: posix}"));
        planCase(cases, "unknown NIC model", List.of("nic.model: unknown value 'ne2k_pci'", "valid: e1000, rtl8139, virtio"),
                t -> replace(t, "model: e1000", "model: ne2k_pci"));
        planCase(cases, "duplicate variant names", List.of("duplicate variant name 'ide-wt-e1000'", "unique"),
                t -> replace(t, "  - name: virtio-wb-virtio", "  - name: ide-wt-e1000"));
        planCase(cases, "baseline not a variant",
                List.of("baseline: unknown variant 'ide-wt-e100'", "valid: auto, ide-wt-e1000, virtio-wb-virtio"),
                t -> replaceLine(t, "baseline: ide-wt-e1000", "baseline: ide-wt-e100"));
        planCase(cases, "canary not a variant",
                List.of("canary: unknown variant 'virtio-wb'", "valid: ide-wt-e1000, virtio-wb-virtio",
                        "name one variant of the plan"),
                t -> replaceLine(t, "baseline: ide-wt-e1000", "baseline: ide-wt-e1000\ncanary: virtio-wb"));
        planCase(cases, "repetitions negative", List.of("repetitions", "-1 is out of range", "1..1000"),
                t -> replace(t, "repetitions: 2", "repetitions: -1"));
        planCase(cases, "repetitions absurd", List.of("repetitions", "100000 is out of range", "1..1000"),
                t -> replace(t, "repetitions: 2", "repetitions: 100000"));
        // issue 10: boots and the stopping rule
        planCase(cases, "boots zero", List.of("boots", "0 is out of range", "1..50"),
                t -> replace(t, "repetitions: 2", "boots: 0\nrepetitions: 2"));
        planCase(cases, "stopping misspelt", List.of("stopping", "'sequentail'", "sequential, fixed"),
                t -> replace(t, "repetitions: 2", "repetitions: 2\nstopping: sequentail"));
        planCase(cases, "adaptive repetitions removed", List.of("repetitions", "was removed", "doubles the false-positive",
                "boots: N"), t -> replace(t, "repetitions: 2", "repetitions: {min: 3, max: 10, target_ci_pct: 5}"));
        planCase(cases, "repetitions beyond long", List.of("repetitions", "out of range", "1..1000"),
                t -> replace(t, "repetitions: 2", "repetitions: 99999999999999999999999"));
        planCase(cases, "iodepth zero", List.of("fio.iodepth", "0 is out of range", "1..1024"),
                t -> replace(t, "iodepth: 16", "iodepth: 0"));
        planCase(cases, "size 5T", List.of("fio.size", "5t is out of range", "1m .. 2g"),
                t -> replace(t, "size: 256M", "size: 5T"));
        planCase(cases, "runtime 99999h", List.of("fio.runtime", "99999h is out of range", "1s..1h"),
                t -> replace(t, "runtime: 5s", "runtime: 99999h"));
        planCase(cases, "variant name with a path separator",
                List.of("invalid variant name '../x'", "path separators", "lower-case letters"),
                t -> replace(t, "  - name: virtio-wb-virtio", "  - name: \"../x\""));
        planCase(cases, "workload name with a path separator",
                List.of("invalid workload name 'a/b'", "path separators", "lower-case letters"),
                t -> replace(t, "name: tcp-tx", "name: a/b"));
        planCase(cases, "bs reaching for a shell", List.of("fio.bs", "not a size: '4k; reboot'", "e.g. 4k"),
                t -> replace(t, "bs: 4k", "bs: \"4k; reboot\""));
        planCase(cases, "variant name reaching for a shell",
                List.of("invalid variant name '$(reboot)'", "lower-case letters"),
                t -> replace(t, "  - name: virtio-wb-virtio", "  - name: \"$(reboot)\""));
        planCase(cases, "iperf3 bitrate reaching for a shell",
                List.of("iperf3.bitrate", "not a bit rate: '1M`id`'", "e.g. 100M"),
                t -> replace(t, "iperf3: {duration: 5s}", "iperf3: {duration: 5s, udp: true, bitrate: \"1M`id`\"}"));
        planCase(cases, "libvirt URI running a local program (ext transport)",
                List.of("connect", "transport 'qemu+ext' is not allowed", "qemu+ssh"),
                t -> replace(t, "name: smoke\n", "name: smoke\nconnect: \"qemu+ext:///system?command=/tmp/x\"\n"));
        planCase(cases, "libvirt URI skipping the host-key check",
                List.of("connect", "option 'no_verify' is not allowed"),
                t -> replace(t, "name: smoke\n", "name: smoke\nconnect: \"qemu+ssh://lab1/system?no_verify=1\"\n"));
        planCase(cases, "libvirt URI reaching for a shell", List.of("connect", "not a libvirt URI", "qemu:///system"),
                t -> replace(t, "name: smoke\n", "name: smoke\nconnect: \"qemu:///system?x=$(reboot)\"\n"));
        planCase(cases, "io native with cache writeback",
                List.of("disk.io", "native needs cache none or directsync", "set cache: none"),
                t -> replace(t, "cache: writeback}", "cache: writeback, io: native}"));
        planCase(cases, "claim on an unknown metric", List.of("metric", "unknown metric 'write_iop'", "write_iops"),
                t -> replace(t, "metric: write_iops", "metric: write_iop"));

        // ------------------------------------------------------------- the lab, libvirt and the run directory
        cases.add(new Case("run: libvirt unreachable", ExitCode.PROVISIONING,
                List.of("connect to qemu+tcp://127.0.0.1:1/system", "Connection refused", "check connect: in the plan",
                        "libvirtd"), d -> {
                    Path plan = writePlan(d, t -> withConnect(t, "qemu+tcp://127.0.0.1:1/system"));
                    return run(plan, d.resolve("out"), fakeLab(d, true, true));
                }));
        cases.add(new Case("run: empty lab home (no key)", ExitCode.PROVISIONING,
                List.of("ssh/id_ed25519 is missing", "scripts/lab up"), d -> {
                    Path plan = writePlan(d, UnaryOperator.identity());
                    return run(plan, d.resolve("out"), fakeLab(d, false, false));
                }));
        cases.add(new Case("run: a lab key readable by others", ExitCode.PROVISIONING,
                List.of("ssh/id_ed25519 is open to others (mode rw-r--r--)", "run: chmod 600"), d -> {
                    Path plan = writePlan(d, UnaryOperator.identity());
                    Path lab = fakeLab(d, true, true);
                    Files.setPosixFilePermissions(lab.resolve("ssh/id_ed25519"),
                            java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
                    return run(plan, d.resolve("out"), lab);
                }));
        cases.add(new Case("run: missing image", ExitCode.PROVISIONING,
                List.of("images/default/image.json: it is missing", "scripts/lab up"), d -> {
                    Path plan = writePlan(d, UnaryOperator.identity());
                    return run(plan, d.resolve("out"), fakeLab(d, true, false));
                }));
        cases.add(new Case("run: --out under a regular file", ExitCode.OUTPUT,
                List.of("cannot write the run directory", "a-file: exists and is not a directory",
                        "choose a writable --out"), d -> {
                    Path plan = writePlan(d, BadInputTest::onTestDriver);
                    Path file = d.resolve("a-file");
                    Files.writeString(file, "not a directory\n");
                    return run(plan, file.resolve("out"), fakeLab(d, true, true));
                }));
        cases.add(new Case("run: --out is a regular file", ExitCode.OUTPUT,
                List.of("cannot write the run directory", "exists and is not a directory", "choose a writable --out"),
                d -> {
                    Path plan = writePlan(d, BadInputTest::onTestDriver);
                    Path file = d.resolve("a-file");
                    Files.writeString(file, "not a directory\n");
                    return run(plan, file, fakeLab(d, true, true)).withOutput(file.resolve("plan.yaml"));
                }));
        cases.add(new Case("run: --out under /proc", ExitCode.OUTPUT,
                List.of("cannot write the run directory /proc/", "choose a writable --out"), d -> {
                    Path plan = writePlan(d, BadInputTest::onTestDriver);
                    return run(plan, Path.of("/proc/vbench-bad-input-test/out"), fakeLab(d, true, true));
                }));
        cases.add(new Case("run: --out holds a run", ExitCode.CONFIG,
                List.of("already holds a run", "--resume", "another --out"), d -> {
                    Path plan = writePlan(d, BadInputTest::onTestDriver);
                    Path out = d.resolve("earlier");
                    Files.createDirectories(out);
                    Files.writeString(out.resolve("journal.jsonl"), "{\"type\":\"start\",\"run_id\":\"r1\"}\n");
                    return run(plan, out, fakeLab(d, true, true)).withOutput(out.resolve("plan.yaml"));
                }));
        cases.add(new Case("run: --out holds a run, checked before the lab", ExitCode.CONFIG,
                List.of("already holds a run", "--resume", "another --out"), d -> {
                    Path plan = writePlan(d, UnaryOperator.identity());
                    Path out = d.resolve("earlier");
                    Files.createDirectories(out);
                    Files.writeString(out.resolve("journal.jsonl"), "{\"type\":\"start\",\"run_id\":\"r1\"}\n");
                    return run(plan, out, fakeLab(d, false, false)).withOutput(out.resolve("plan.yaml"));
                }));
        cases.add(new Case("run: invalid --claims file, refused before the run starts", ExitCode.CONFIG,
                List.of("claims[0].min_gain", "expected a number"), d -> {
                    Path plan = writePlan(d, BadInputTest::onTestDriver);
                    Path claims = Files.writeString(d.resolve("claims.yaml"), "claims:\n  - {id: x, baseline: a,"
                            + " candidate: b, workload: w, metric: read_iops, min_gain: big}\n");
                    Path out = d.resolve("out");
                    return new Command(List.of("run", "--plan", plan.toString(), "--out", out.toString(),
                            "--claims", claims.toString()), out, fakeLab(d, true, true));
                }));
        cases.add(new Case("run: unreadable --claims file, refused before the run starts", ExitCode.CONFIG,
                List.of("missing.yaml: no such file", "give the path of a claims file"), d -> {
                    Path plan = writePlan(d, BadInputTest::onTestDriver);
                    Path out = d.resolve("out");
                    return new Command(List.of("run", "--plan", plan.toString(), "--out", out.toString(),
                            "--claims", d.resolve("missing.yaml").toString()), out, fakeLab(d, true, true));
                }));
        cases.add(new Case("run: --out not empty", ExitCode.CONFIG, List.of("is not empty", "new directory"), d -> {
            Path plan = writePlan(d, BadInputTest::onTestDriver);
            Path out = d.resolve("notes");
            Files.createDirectories(out);
            Files.writeString(out.resolve("todo.txt"), "keep me\n");
            return run(plan, out, fakeLab(d, true, true)).withOutput(out.resolve("journal.jsonl"));
        }));
        // ------------------------------------------------------------- output paths (issue 9, item 5)
        cases.add(new Case("run: --out is a symbolic link to an empty directory", ExitCode.CONFIG,
                List.of("is a symbolic link", "give the directory itself or a new one"), d -> {
                    Path plan = writePlan(d, BadInputTest::onTestDriver);
                    Path target = Files.createDirectories(d.resolve("elsewhere"));
                    Path link = Files.createSymbolicLink(d.resolve("out"), target);
                    return run(plan, link, fakeLab(d, true, true)).withOutput(target.resolve("plan.yaml"));
                }));
        cases.add(new Case("run: --out is an empty directory of another user", ExitCode.CONFIG,
                List.of("belongs to nobody", "not to root who runs vbench", "choose a new directory"), d -> {
                    Path plan = writePlan(d, BadInputTest::onTestDriver);
                    Path out = Files.createDirectories(d.resolve("theirs"));
                    Files.setOwner(out, out.getFileSystem().getUserPrincipalLookupService()
                            .lookupPrincipalByName("nobody"));
                    return run(plan, out, fakeLab(d, true, true)).withOutput(out.resolve("plan.yaml"));
                }));
        cases.add(new Case("run: --resume of a run whose raw directory is a link to a canary directory",
                ExitCode.OUTPUT, List.of("refusing to write the run directory", "raw: is a symbolic link",
                        "choose a new --out"), d -> {
                    Path lab = fakeLab(d, true, true);
                    Path canary = Files.createDirectories(d.resolve("canary-dir"));
                    Files.writeString(canary.resolve("canary"), "still here\n");
                    Path run = Files.createDirectories(d.resolve("interrupted"));
                    Files.writeString(run.resolve("plan.yaml"), onTestDriver(Files.readString(SMOKE)));
                    Files.writeString(run.resolve("journal.jsonl"), "{\"type\":\"start\",\"run_id\":"
                            + "\"20261128-000000-abcd\",\"seed\":1,\"time\":\"2026-11-28T00:00:00Z\","
                            + "\"resumed\":false}\n");
                    Files.createSymbolicLink(run.resolve("raw"), canary);
                    return new Command(List.of("run", "--resume", run.toString()), run.resolve("run.json"), lab);
                }));
        cases.add(new Case("analyze: --out is a symbolic link", ExitCode.CONFIG,
                List.of("is a symbolic link", "give the directory itself or a new one"), d -> {
                    Path csv = Files.writeString(d.resolve("results.csv"), "variant,workload,metric,unit,rep,value\n"
                            + "ide,randread,read_iops,IO/s,1,1200\n");
                    Path target = Files.createDirectories(d.resolve("elsewhere"));
                    Path link = Files.createSymbolicLink(d.resolve("analysis"), target);
                    return new Command(List.of("analyze", "--samples", csv.toString(), "--out", link.toString()),
                            target.resolve("summary.json"), fakeLab(d, false, false));
                }));
        cases.add(new Case("compare: --out is a symbolic link", ExitCode.CONFIG,
                List.of("is a symbolic link", "give the directory itself or a new one"), d -> {
                    Path target = Files.createDirectories(d.resolve("elsewhere"));
                    Path link = Files.createSymbolicLink(d.resolve("comparison"), target);
                    return new Command(List.of("compare", d.toString(), d.toString(), "--out", link.toString()),
                            target.resolve("summary.json"), fakeLab(d, false, false));
                }));
        cases.add(new Case("compare: run A has no run.json", ExitCode.CONFIG,
                List.of("run has no run.json", "give the directory of a run"), d -> {
                    Path run = Files.createDirectories(d.resolve("run"));
                    Files.writeString(run.resolve("results.csv"), "variant,workload,metric,unit,rep,value\n"
                            + "ide,randread,read_iops,IO/s,1,1200\n");
                    Path out = d.resolve("comparison");
                    return new Command(List.of("compare", run.toString(), d.toString(), "--out", out.toString()),
                            out, fakeLab(d, false, false));
                }));
        cases.add(new Case("import: --out is a symbolic link to a canary file", ExitCode.CONFIG,
                List.of("is a symbolic link", "give the samples file itself"), d -> {
                    Path input = Files.writeString(d.resolve("fio.json"), "{}");
                    Path canary = Files.writeString(d.resolve("canary.csv"), "variant,workload,metric,unit,rep,"
                            + "value\n");
                    Path link = Files.createSymbolicLink(d.resolve("samples.csv"), canary);
                    return new Command(List.of("import", "fio", "--variant", "ide", "--workload", "randread",
                            input.toString(), "--out", link.toString()), d.resolve("never"), fakeLab(d, false, false));
                }));
        for (String forged : List.of("/home", "", "../../canary", "..")) {
            cases.add(new Case("run: --resume of a journal with run_id '" + forged + "'", ExitCode.CONFIG,
                    List.of("journal.jsonl: run_id", "is not a vbench run id", "start a new run"), d -> {
                        Path lab = fakeLab(d, true, true);
                        Path victim = lab.resolve("pool").resolve("victim-run");
                        Files.createDirectories(victim);
                        Files.writeString(victim.resolve("canary"), "still here\n");
                        Path run = d.resolve("forged");
                        Files.createDirectories(run);
                        Files.writeString(run.resolve("plan.yaml"), onTestDriver(Files.readString(SMOKE)));
                        Files.writeString(run.resolve("journal.jsonl"), "{\"type\":\"start\",\"run_id\":\"" + forged
                                + "\",\"seed\":1,\"time\":\"2026-11-28T00:00:00Z\",\"resumed\":false}\n");
                        return new Command(List.of("run", "--resume", run.toString()), run.resolve("run.json"), lab);
                    }));
        }
        cases.add(new Case("run: --resume of a directory with no run", ExitCode.CONFIG,
                List.of("no vbench run to resume", "--plan and --out"), d -> {
                    Path empty = d.resolve("nothing");
                    Files.createDirectories(empty);
                    return new Command(List.of("run", "--resume", empty.toString()), empty.resolve("journal.jsonl"),
                            fakeLab(d, true, true));
                }));
        cases.add(new Case("run: --resume of a missing directory", ExitCode.CONFIG,
                List.of("no vbench run to resume", "--plan and --out"), d -> new Command(
                        List.of("run", "--resume", d.resolve("missing").toString()), d.resolve("missing"),
                        fakeLab(d, true, true))));
        cases.add(new Case("run: --plan without --out", ExitCode.CONFIG, List.of("--plan FILE --out DIR", "--resume"),
                d -> new Command(List.of("run", "--plan", writePlan(d, UnaryOperator.identity()).toString()),
                        d.resolve("out"), fakeLab(d, false, false))));
        cases.add(new Case("run: an endless plan stream (/dev/zero) is cut at 1 MiB", ExitCode.CONFIG,
                List.of("/dev/zero: larger than 1 MiB: not a plan file"),
                d -> run(Path.of("/dev/zero"), d.resolve("out"), fakeLab(d, true, true))));
        cases.add(new Case("run: missing plan file", ExitCode.CONFIG, List.of("no such file", "plans/smoke.yaml"),
                d -> run(d.resolve("no-plan.yaml"), d.resolve("out"), fakeLab(d, false, false))));
        cases.add(new Case("run: --boot-timeout absurd", ExitCode.CONFIG, List.of("--boot-timeout", "10 and 3600"),
                d -> new Command(List.of("run", "--plan", writePlan(d, UnaryOperator.identity()).toString(), "--out",
                        d.resolve("out").toString(), "--boot-timeout", "999999"), d.resolve("out"),
                        fakeLab(d, false, false))));

        // ------------------------------------------------------------- cleanup (issue 9, part 4)
        // The foreign domains cleanup must leave alone (a tag copied from another home, another host's, an old-style
        // tag, XML from plan --emit-xml, a live run's) exit 0, not 2: their table is CleanupCommandTest.
        cases.add(new Case("cleanup: --connect running a local program (ext transport)", ExitCode.CONFIG,
                List.of("--connect", "transport 'qemu+ext' is not allowed", "qemu+ssh"), d -> {
                    Path lab = fakeLab(d, true, true);
                    return new Command(List.of("cleanup", "--connect", "qemu+ext:///system?command=/tmp/x"),
                            lab.resolve("runs"), lab);
                }));
        cases.add(new Case("cleanup: --connect skipping the host-key check", ExitCode.CONFIG,
                List.of("--connect", "option 'no_verify' is not allowed"), d -> {
                    Path lab = fakeLab(d, true, true);
                    return new Command(List.of("cleanup", "--connect", "qemu+ssh://lab1/system?no_verify=1"),
                            lab.resolve("runs"), lab);
                }));
        cases.add(new Case("doctor: --connect running a local program (ext transport)", ExitCode.CONFIG,
                List.of("--connect", "transport 'qemu+ext' is not allowed", "qemu+ssh"), d -> {
                    Path lab = fakeLab(d, true, true);
                    return new Command(List.of("doctor", "--connect", "qemu+ext:///system?command=/tmp/x"),
                            lab.resolve("pool"), lab);
                }));

        // ------------------------------------------------------------- analyze and import
        cases.add(new Case("analyze: malformed CSV", ExitCode.CONFIG, List.of("results.csv", "value", "'fast'"), d -> {
            Path csv = d.resolve("results.csv");
            Files.writeString(csv, """
                    variant,workload,metric,unit,rep,value
                    ide,randread,read_iops,IO/s,1,1200
                    ide,randread,read_iops,IO/s,2,fast
                    """);
            Path out = d.resolve("analysis");
            return new Command(List.of("analyze", "--samples", csv.toString(), "--out", out.toString()), out,
                    fakeLab(d, false, false));
        }));
        cases.add(new Case("analyze: JSON instead of CSV", ExitCode.CONFIG, List.of("results.csv:1", "quote"), d -> {
            Path csv = d.resolve("results.csv");
            Files.writeString(csv, "{\"jobs\": []}\n");
            Path out = d.resolve("analysis");
            return new Command(List.of("analyze", "--samples", csv.toString(), "--out", out.toString()), out,
                    fakeLab(d, false, false));
        }));
        cases.add(new Case("import: not JSON", ExitCode.CONFIG, List.of("fio.txt", "fio", "JSON"), d -> {
            Path input = d.resolve("fio.txt");
            Files.writeString(input, "randread: (groupid=0, jobs=1): err= 0: pid=42\n  read: IOPS=1234\n");
            Path out = d.resolve("samples.csv");
            return new Command(List.of("import", "fio", "--variant", "ide", "--workload", "randread",
                    input.toString(), "--out", out.toString()), out, fakeLab(d, false, false));
        }));

        // ------------------------------------------------------------- limits: memory, journal, import, streams
        cases.add(new Case("run: guests that cannot fit into the host's memory", ExitCode.PROVISIONING,
                List.of("check the host's memory", "one guest at a time", "test:///default has 3.0 GiB",
                        "set guest.memory_mib to at most 3008"), d -> {
                    Path plan = writePlan(d, t -> hugeGuests(onTestDriver(t)));
                    return run(plan, d.resolve("out"), fakeLab(d, true, true));
                }));
        cases.add(new Case("run: --resume past a corrupt middle line of the journal (to the memory check)",
                ExitCode.PROVISIONING, List.of("check the host's memory", "one guest at a time"), d -> {
                    Path run = d.resolve("interrupted");
                    Files.createDirectories(run);
                    Files.writeString(run.resolve("plan.yaml"), hugeGuests(onTestDriver(Files.readString(SMOKE))));
                    Files.writeString(run.resolve("journal.jsonl"), START_LINE
                            + "{\"type\":\"measurement\",\"variant\":\"ide-wt-e1000\",\"wor\n"
                            + "{\"type\":\"end\",\"status\":\"interrupted\",\"time\":\"2026-11-28T00:01:00Z\"}\n");
                    return new Command(List.of("run", "--resume", run.toString()), run.resolve("run.json"),
                            fakeLab(d, true, true));
                }));
        cases.add(new Case("run: --resume of a journal with a corrupt first line", ExitCode.CONFIG,
                List.of("journal.jsonl:1: not a journal entry", "start line is unreadable", "start a new run"), d -> {
                    Path run = d.resolve("interrupted");
                    Files.createDirectories(run);
                    Files.writeString(run.resolve("plan.yaml"), onTestDriver(Files.readString(SMOKE)));
                    Files.writeString(run.resolve("journal.jsonl"), "{\"type\":\"start\",\"run_id\":\"2026\n"
                            + START_LINE);
                    return new Command(List.of("run", "--resume", run.toString()), run.resolve("run.json"),
                            fakeLab(d, true, true));
                }));
        cases.add(new Case("run: an endless plan through a FIFO is cut at 1 MiB", ExitCode.CONFIG,
                List.of("plan.fifo: larger than 1 MiB: not a plan file"),
                d -> run(endlessFifo(), d.resolve("out"), fakeLab(d, true, true))));
        cases.add(new Case("import: a file larger than 64 MiB", ExitCode.CONFIG,
                List.of("huge.json: larger than 64 MiB", "not fio JSON output"), d -> {
                    Path input = d.resolve("huge.json");
                    try (RandomAccessFile sparse = new RandomAccessFile(input.toFile(), "rw")) {
                        sparse.setLength((64L << 20) + 1);
                    }
                    Path out = d.resolve("samples.csv");
                    return new Command(List.of("import", "fio", "--variant", "ide", "--workload", "randread",
                            input.toString(), "--out", out.toString()), out, fakeLab(d, false, false));
                }));
        cases.add(new Case("import: an endless stream (/dev/zero) is cut at 64 MiB", ExitCode.CONFIG,
                List.of("/dev/zero: larger than 64 MiB", "not iperf3 JSON output"), d -> {
                    Path out = d.resolve("samples.csv");
                    return new Command(List.of("import", "iperf3", "--variant", "ide", "--workload", "tcp",
                            "/dev/zero", "--out", out.toString()), out, fakeLab(d, false, false));
                }));
        imageCases(cases);
        return cases.stream();
    }

    // ------------------------------------------------------------- image files (issue 9, part: images)

    /** A plan's image section (YAML) and the extra arguments of the command. */
    record ImageInput(String yaml, List<String> args) {
        ImageInput(String yaml) {
            this(yaml, List.of());
        }
    }

    /** Lays out a case's image files in its directory, beside its lab home. */
    interface ImageSetup {
        ImageInput prepare(Path dir, Path lab) throws IOException;
    }

    private static void imageCases(List<Case> cases) {
        imageCase(cases, "symlinked image disk (to a canary file)",
                List.of("image.disk: ", "disk.qcow2 is a symbolic link (to ", "canary/secret)", "put the file itself"),
                (d, lab) -> {
                    Path image = suppliedImage(lab.resolve("images/s"));
                    Files.delete(image.resolve("disk.qcow2"));
                    Files.createSymbolicLink(image.resolve("disk.qcow2"), canary(d));
                    return new ImageInput(disk(image.resolve("disk.qcow2")));
                });
        imageCase(cases, "symlinked image disk (x.img to /etc/hostname)",
                List.of("image.disk: ", "x.img is a symbolic link (to /etc/hostname)"), (d, lab) -> {
                    Path image = suppliedImage(lab.resolve("images/s"));
                    Files.createSymbolicLink(image.resolve("x.img"), Path.of("/etc/hostname"));
                    return new ImageInput(disk(image.resolve("x.img")));
                });
        imageCase(cases, "image disk outside VBENCH_HOME/images",
                List.of("image.disk: ", "elsewhere/disk.qcow2 lies outside ", "lab/images; move it under ",
                        "or allow its directory with --allow-images ", "/elsewhere"),
                (d, lab) -> new ImageInput(disk(suppliedImage(d.resolve("elsewhere")).resolve("disk.qcow2"))));
        imageCase(cases, "image disk is a FIFO", List.of("image.disk: ", "disk.qcow2 is a FIFO, not a regular file"),
                (d, lab) -> {
                    Path image = suppliedImage(lab.resolve("images/f"));
                    Files.delete(image.resolve("disk.qcow2"));
                    HostCommand.run(List.of("mkfifo", image.resolve("disk.qcow2").toString()), Duration.ofSeconds(10));
                    return new ImageInput(disk(image.resolve("disk.qcow2")));
                });
        imageCase(cases, "image kernel /dev/null, even with --allow-images /dev",
                List.of("image.kernel: /dev/null is a character device, not a regular file"), (d, lab) -> {
                    Path image = suppliedImage(lab.resolve("images/k"));
                    return new ImageInput("{disk: " + image.resolve("disk.qcow2") + ", kernel: /dev/null}",
                            List.of("--allow-images", "/dev"));
                });
        imageCase(cases, "image disk reached through a linked directory",
                List.of("image.disk: ", "is reached through the symbolic link ", "lab/images/via",
                        "give the path without links"), (d, lab) -> {
                    Path real = suppliedImage(d.resolve("elsewhere"));
                    Files.createDirectories(lab.resolve("images"));
                    Files.createSymbolicLink(lab.resolve("images/via"), real);
                    return new ImageInput(disk(lab.resolve("images/via/disk.qcow2")));
                });
        imageCase(cases, "the data disk beside the image disk is a link",
                List.of("image.disk (its data disk): ", "data.raw is a symbolic link"), (d, lab) -> {
                    Path image = suppliedImage(lab.resolve("images/s"));
                    Files.delete(image.resolve("data.raw"));
                    Files.createSymbolicLink(image.resolve("data.raw"), canary(d));
                    return new ImageInput(disk(image.resolve("disk.qcow2")));
                });
        imageCase(cases, "image disk hard-linked to a file outside",
                List.of("image.disk: ", "has 2 names (hard links)", "use a copy"), (d, lab) -> {
                    Path image = suppliedImage(lab.resolve("images/s"));
                    Files.createLink(image.resolve("linked.qcow2"), canary(d));
                    return new ImageInput(disk(image.resolve("linked.qcow2")));
                });
        imageCase(cases, "image disk without its format in its name",
                List.of("image.disk: ", "disk.bin does not say its format", "*.qcow2", "*.raw"), (d, lab) -> {
                    Path image = suppliedImage(lab.resolve("images/s"));
                    Files.move(image.resolve("disk.qcow2"), image.resolve("disk.bin"));
                    return new ImageInput(disk(image.resolve("disk.bin")));
                });
        imageCase(cases, "qcow2 whose backing file is outside the roots",
                List.of("image.disk (backing file of ", "outside/base.qcow2 lies outside ", "--allow-images "),
                (d, lab) -> {
                    Path base = TestQemuImg.qcow2(Files.createDirectories(d.resolve("outside")).resolve("base.qcow2"));
                    Path image = suppliedImage(lab.resolve("images/b"));
                    TestQemuImg.overlay(image.resolve("top.qcow2"), base.toString(), "qcow2");
                    return new ImageInput(disk(image.resolve("top.qcow2")));
                });
        imageCase(cases, "qcow2 with a json: backing",
                List.of("image.disk: ", "top.qcow2 has the backing file 'json:{", "uses the protocol 'json:'",
                        "only local files are allowed"), (d, lab) -> {
                    Path image = suppliedImage(lab.resolve("images/j"));
                    TestQemuImg.overlay(image.resolve("top.qcow2"), "json:{\"driver\":\"raw\",\"file\":"
                            + "{\"driver\":\"file\",\"filename\":\"" + canary(d) + "\"}}", "raw");
                    return new ImageInput(disk(image.resolve("top.qcow2")));
                });
        imageCase(cases, "qcow2 with an nbd: backing", List.of("image.disk: ", "uses the protocol 'nbd:'"),
                (d, lab) -> {
                    Path image = suppliedImage(lab.resolve("images/n"));
                    TestQemuImg.overlay(image.resolve("top.qcow2"), "nbd:127.0.0.1:10809", "raw");
                    return new ImageInput(disk(image.resolve("top.qcow2")));
                });
        imageCase(cases, "qcow2 with a vmdk backing", List.of("image.disk: ", "backing file in format 'vmdk'"),
                (d, lab) -> {
                    Path image = suppliedImage(lab.resolve("images/v"));
                    TestQemuImg.overlay(image.resolve("top.qcow2"), "base.vmdk", "vmdk");
                    return new ImageInput(disk(image.resolve("top.qcow2")));
                });
        imageCase(cases, "qcow2 with an external data file", List.of("image.disk: ", "keeps its data in the external"
                + " file "), (d, lab) -> {
                    Path image = suppliedImage(lab.resolve("images/x"));
                    TestQemuImg.run("create", "-q", "-f", "qcow2", "-o", "data_file=" + canary(d),
                            image.resolve("top.qcow2").toString(), "1M");
                    return new ImageInput(disk(image.resolve("top.qcow2")));
                });
        cases.add(new Case("run: --allow-images not a directory", ExitCode.CONFIG,
                List.of("--allow-images ", "missing: not a directory"), d -> {
                    Path lab = fakeLab(d, false, false);
                    Path image = suppliedImage(lab.resolve("images/s"));
                    Path plan = writePlan(d, t -> withImage(t, disk(image.resolve("disk.qcow2"))));
                    return new Command(List.of("run", "--plan", plan.toString(), "--out", d.resolve("out").toString(),
                            "--allow-images", d.resolve("missing").toString()), d.resolve("out"), lab);
                }));
        cases.add(new Case("run: --resume without the --allow-images the run started with", ExitCode.CONFIG,
                List.of("image.disk: ", "allowed/disk.qcow2 lies outside ", "--allow-images "), d -> {
                    Path lab = fakeLab(d, true, true);
                    Path image = suppliedImage(d.resolve("allowed"));
                    Path run = Files.createDirectories(d.resolve("interrupted"));
                    Files.writeString(run.resolve("plan.yaml"), withImage(onTestDriver(Files.readString(SMOKE)),
                            disk(image.resolve("disk.qcow2"))));
                    Files.writeString(run.resolve("journal.jsonl"), "{\"type\":\"start\",\"run_id\":"
                            + "\"20261128-000000-abcd\",\"seed\":1,\"time\":\"2026-11-28T00:00:00Z\",\"resumed\":false}\n");
                    return new Command(List.of("run", "--resume", run.toString()), run.resolve("run.json"), lab);
                }));
        cases.add(new Case("run: the lab image readable by others", ExitCode.PROVISIONING,
                List.of("disk.qcow2 is open to others (mode rw-r--r--)", "SSH host key", "run: chmod 640 "), d -> {
                    Path lab = fakeLab(d, true, true);
                    Files.setPosixFilePermissions(lab.resolve("images/default/disk.qcow2"),
                            java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
                    return run(writePlan(d, UnaryOperator.identity()), d.resolve("out"), lab);
                }));
        cases.add(new Case("run: a link in the lab image", ExitCode.PROVISIONING,
                List.of("vmlinuz is a symbolic link", "scripts/lab up"), d -> {
                    Path lab = fakeLab(d, true, true);
                    Files.delete(lab.resolve("images/default/vmlinuz"));
                    Files.createSymbolicLink(lab.resolve("images/default/vmlinuz"), canary(d));
                    return run(writePlan(d, UnaryOperator.identity()), d.resolve("out"), lab);
                }));
    }

    /** One image case, checked by {@code plan --emit-xml} and by {@code run} (with no lab key: image first). */
    private static void imageCase(List<Case> cases, String name, List<String> words, ImageSetup setup) {
        cases.add(new Case("plan: " + name, ExitCode.CONFIG, words, d -> {
            Path lab = fakeLab(d, true, true);
            ImageInput input = setup.prepare(d, lab);
            Path plan = writePlan(d, t -> withImage(t, input.yaml()));
            Path xml = d.resolve("xml");
            List<String> args = new ArrayList<>(List.of("plan", "--plan", plan.toString(), "--emit-xml",
                    xml.toString()));
            args.addAll(input.args());
            return new Command(args, xml, lab);
        }));
        cases.add(new Case("run: " + name, ExitCode.CONFIG, words, d -> {
            Path lab = fakeLab(d, false, false);
            ImageInput input = setup.prepare(d, lab);
            Path plan = writePlan(d, t -> withImage(t, input.yaml()));
            List<String> args = new ArrayList<>(List.of("run", "--plan", plan.toString(), "--out",
                    d.resolve("out").toString()));
            args.addAll(input.args());
            return new Command(args, d.resolve("out"), lab);
        }));
    }

    /** A supplied image as a plan's {@code image:} names it: disk, data disk, host key, kernel and initrd. */
    private static Path suppliedImage(Path dir) throws IOException {
        Files.createDirectories(dir);
        TestQemuImg.qcow2(dir.resolve("disk.qcow2"));
        for (String file : List.of("data.raw", "vmlinuz", "initrd.img")) {
            Files.write(dir.resolve(file), new byte[] {0});
        }
        Files.writeString(dir.resolve("host_key.pub"), "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIFake\n");
        return dir;
    }

    /** A file outside every image directory that a refused image must not reach. */
    private static Path canary(Path dir) throws IOException {
        Path file = Files.createDirectories(dir.resolve("canary")).resolve("secret");
        if (!Files.exists(file)) {
            Files.writeString(file, "the host's secret\n");
        }
        return file;
    }

    private static String disk(Path disk) {
        return "{disk: " + disk + "}";
    }

    private static String withImage(String plan, String image) {
        return replace(plan, "name: smoke\n", "name: smoke\nimage: " + image + "\n");
    }

    /** A valid start line of a journal, as vbench writes it. */
    private static final String START_LINE = "{\"type\":\"start\",\"run_id\":\"20261128-000000-abcd\",\"seed\":1,"
            + "\"time\":\"2026-11-28T00:00:00Z\",\"resumed\":false}\n";

    /** The plan: every guest 256 GiB, and a matrix of 72 variants (the smoke plan's two among them). */
    private static String hugeGuests(String plan) {
        return replace(plan, "baseline: ide-wt-e1000\n", "baseline: ide-wt-e1000\nguest: {memory_mib: 262144}\n"
                + "matrix:\n  disk.bus: [ide, sata, virtio, virtio-scsi]\n"
                + "  disk.cache: [default, none, writethrough, writeback, directsync, unsafe]\n"
                + "  nic.model: [e1000, rtl8139, virtio]\n");
    }

    /**
     * A FIFO outside the case's directory (reading it there to compare would block), fed with plan lines forever
     * by a daemon thread until its reader goes away; the thread then removes it.
     */
    private static Path endlessFifo() throws IOException {
        Path fifoDir = Files.createTempDirectory("vbench-fifo");
        Path fifo = fifoDir.resolve("plan.fifo");
        try {
            if (new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start().waitFor() != 0) {
                throw new IOException("mkfifo failed");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        Thread feeder = new Thread(() -> {
            byte[] line = "# an endless plan\n".repeat(1000).getBytes(StandardCharsets.UTF_8);
            try (var out = Files.newOutputStream(fifo)) {
                while (true) {
                    out.write(line);
                }
            } catch (IOException e) {
                // the reader closed the FIFO: the endless plan ends here
            } finally {
                try {
                    Files.deleteIfExists(fifo);
                    Files.deleteIfExists(fifoDir);
                } catch (IOException e) {
                    // a temporary directory left behind is harmless
                }
            }
        }, "endless-plan");
        feeder.setDaemon(true);
        feeder.start();
        return fifo;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void badInputExitsWithOneLineAndWritesNothing(Case c) throws Exception {
        Command command = c.setup().prepare(dir);
        Map<String, String> before = snapshot(dir);
        boolean outputExisted = Files.exists(command.output());

        Cli.Result r = withLabHome(command.lab(), () -> vbench(command.args()));

        assertThat(r.exit()).as("exit status; stderr: %s", r.err()).isEqualTo(c.exit());
        assertThat(r.err()).as("stderr").startsWith("vbench: ").endsWith("\n")
                .doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(r.err().lines().toList()).as("stderr lines").hasSize(1);
        assertThat(r.err()).as("stderr").contains(c.words());
        assertThat(r.out()).as("stdout").isEmpty();
        assertThat(outputExisted).as("the case's output was absent before").isFalse();
        assertThat(Files.exists(command.output(), LinkOption.NOFOLLOW_LINKS))
                .as("the output the command was pointed at, %s, exists", command.output()).isFalse();
        assertThat(snapshot(dir)).as("files in the case's directory").isEqualTo(before);
    }

    // ---------------------------------------------------------------- running vbench



    private interface Action {
        Cli.Result run();
    }

    /** Runs with {@code -Dvbench.home=lab} and restores the property as it was. */
    private static Cli.Result withLabHome(Path lab, Action action) {
        String previous = System.getProperty(HOME_PROPERTY);
        System.setProperty(HOME_PROPERTY, lab.toString());
        try {
            return action.run();
        } finally {
            if (previous == null) {
                System.clearProperty(HOME_PROPERTY);
            } else {
                System.setProperty(HOME_PROPERTY, previous);
            }
        }
    }

    // ---------------------------------------------------------------- case builders

    /** One edited copy of the smoke plan, checked by {@code plan --emit-xml} and by {@code run --out}. */
    private static void planCase(List<Case> cases, String name, List<String> words, UnaryOperator<String> edit) {
        List<String> withFile = new ArrayList<>(words);
        withFile.add("plan.yaml");
        cases.add(new Case("plan: " + name, ExitCode.CONFIG, withFile, d -> {
            Path plan = writePlan(d, edit);
            Path xml = d.resolve("xml");
            return new Command(List.of("plan", "--plan", plan.toString(), "--emit-xml", xml.toString()), xml,
                    fakeLab(d, true, true));
        }));
        // An empty lab home: a plan error must come before the lab's (exit 3), and a plan that wrongly passes
        // cannot get as far as libvirt.
        cases.add(new Case("run: " + name, ExitCode.CONFIG, withFile, d -> {
            Path plan = writePlan(d, edit);
            return run(plan, d.resolve("out"), fakeLab(d, false, false));
        }));
    }

    /** The 1-based line of the smoke plan that contains {@code text}. */
    private static int smokeLine(String text) throws IOException {
        List<String> lines = Files.readAllLines(SMOKE, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i + 1;
            }
        }
        throw new AssertionError("the smoke plan has no line with " + text);
    }

    private static Command run(Path plan, Path out, Path lab) {
        return new Command(List.of("run", "--plan", plan.toString(), "--out", out.toString()), out, lab);
    }

    private static Path writePlan(Path dir, UnaryOperator<String> edit) throws IOException {
        Path plan = dir.resolve("plan.yaml");
        Files.writeString(plan, edit.apply(Files.readString(SMOKE, StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
        return plan;
    }

    /** The smoke plan on libvirt's daemonless test driver, whose only network is {@code default}. */
    private static String onTestDriver(String plan) {
        return replace(withConnect(plan, "test:///default"), "baseline: ide-wt-e1000\n",
                "baseline: ide-wt-e1000\nnetwork: default\n");
    }

    private static String withConnect(String plan, String uri) {
        return replace(plan, "name: smoke\n", "name: smoke\nconnect: " + uri + "\n");
    }

    /** A lab home as {@code scripts/lab up} lays it out, with or without the SSH key and the image files. */
    private static Path fakeLab(Path dir, boolean key, boolean image) throws IOException {
        Path lab = dir.resolve("lab");
        Files.createDirectories(lab);
        if (key) {
            Files.createDirectories(lab.resolve("ssh"));
            Files.writeString(lab.resolve("ssh/id_ed25519"), "-----BEGIN OPENSSH PRIVATE KEY-----\nfake\n");
            Files.setPosixFilePermissions(lab.resolve("ssh/id_ed25519"),
                    java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        }
        if (image) {
            Path images = lab.resolve("images/default");
            Files.createDirectories(images);
            for (String file : List.of("disk.qcow2", "vmlinuz", "initrd.img", "data.raw")) {
                Files.write(images.resolve(file), new byte[] {0});
            }
            Files.writeString(images.resolve("cmdline"), "console=ttyS0 root=/dev/vda1\n");
            Files.writeString(images.resolve("host_key.pub"), "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIFake\n");
            TestImages.restrictModes(TestImages.imageJson(images));
        }
        return lab;
    }

    private static String replace(String text, String from, String to) {
        assertThat(text).as("the base plan").contains(from);
        return text.replaceFirst(Pattern.quote(from), Matcher.quoteReplacement(to));
    }

    /** Replaces the whole line {@code line} (not a longer line that contains it). */
    private static String replaceLine(String text, String line, String to) {
        Pattern p = Pattern.compile("^" + Pattern.quote(line) + "$", Pattern.MULTILINE);
        assertThat(p.matcher(text).find()).as("the base plan has the line %s", line).isTrue();
        return p.matcher(text).replaceFirst(Matcher.quoteReplacement(to));
    }

    // ---------------------------------------------------------------- what is on disk

    /**
     * Every file, directory, link and special file under {@code root} (links not followed, special files not
     * opened), with a digest of each regular file's content and each file's mode.
     */
    private static Map<String, String> snapshot(Path root) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.toList()) {
                String key = root.relativize(p).toString();
                var attrs = Files.readAttributes(p, java.nio.file.attribute.PosixFileAttributes.class,
                        LinkOption.NOFOLLOW_LINKS);
                String mode = java.nio.file.attribute.PosixFilePermissions.toString(attrs.permissions());
                out.put(key, attrs.isSymbolicLink() ? "link to " + Files.readSymbolicLink(p)
                        : attrs.isDirectory() ? "dir " + mode
                        : attrs.isRegularFile() ? digest(Files.readAllBytes(p)) + " " + mode : "special " + mode);
            }
        }
        return out;
    }

    private static String digest(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
