package dev.vbench.bench.workload;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Real tool outputs under {@code src/test/resources/captured} (see the README there for how each was made). */
final class Captured {
    private Captured() {
    }

    static String text(String name) {
        try (InputStream in = Captured.class.getResourceAsStream("/captured/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no captured file " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
