package dev.vbench.microbench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Real tool output bundled under {@code captured/} in this module's resources: unedited copies of files from
 * {@code bench/src/test/resources/captured/} (fio 3.33, iperf 3.12; see the README there for how each was made).
 */
final class CapturedOutput {
    /** fio {@code --status-interval=1} run: three JSON documents in a row, the last is the final report. */
    static final String FIO_STATUS_INTERVAL = "fio-randwrite-status-interval.json";
    /** iperf3 TCP client, two streams, on loopback. */
    static final String IPERF3_TCP = "iperf3-tcp.json";

    private CapturedOutput() {
    }

    /** The file's text; an unknown name is a packaging mistake, so it fails loudly. */
    static String text(String name) {
        try (InputStream in = CapturedOutput.class.getResourceAsStream("/captured/" + name)) {
            if (in == null) {
                throw new IllegalStateException("no captured/" + name + " on the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
