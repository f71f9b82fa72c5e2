package dev.vbench.bench.ssh;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BoundedCaptureTest {

    /** Writes {@code total} bytes of numbered lines in random chunks to both, returns what was written. */
    private static String feed(BoundedCapture capture, int total, long seed) {
        StringBuilder lines = new StringBuilder();
        for (int i = 1; lines.length() < total; i++) {
            lines.append("line ").append(i).append('\n');
        }
        byte[] all = lines.substring(0, total).getBytes(StandardCharsets.US_ASCII);
        Random random = new Random(seed);
        for (int off = 0; off < all.length;) {
            int len = Math.min(all.length - off, random.nextInt(3) == 0 ? 1 : random.nextInt(700));
            if (len == 1) {
                capture.write(all[off]);
            } else {
                capture.write(all, off, len);
            }
            off += len;
        }
        return new String(all, StandardCharsets.US_ASCII);
    }

    @Test
    void aHeadKeepsTheFirstBytesAndSaysWhenMoreCame() {
        BoundedCapture whole = BoundedCapture.head(5000);
        String text = feed(whole, 5000, 1);
        assertThat(whole.text()).isEqualTo(text);
        assertThat(whole.overflowed()).isFalse();

        BoundedCapture over = BoundedCapture.head(5000);
        String more = feed(over, 5001, 2);
        assertThat(over.overflowed()).isTrue();
        assertThat(over.total()).isEqualTo(5001);
        assertThat(over.text()).isEqualTo(more.substring(0, 5000));
    }

    @Test
    void aTailKeepsTheLastBytesFromALineStartWhateverTheChunks() {
        for (long seed = 0; seed < 50; seed++) {
            BoundedCapture tail = BoundedCapture.tail(1000);
            String text = feed(tail, 20_000 + (int) seed * 37, seed);
            String last = text.substring(text.length() - 1000);
            String expected = last.substring(last.indexOf('\n') + 1);
            assertThat(tail.text()).as("seed %d", seed).isEqualTo(expected);
            assertThat(tail.total()).isEqualTo(text.length());
        }
        BoundedCapture small = BoundedCapture.tail(1000);
        assertThat(small.text()).isEmpty();
        assertThat(feed(small, 999, 7)).isEqualTo(small.text());
    }

    @Test
    void oneWriteLargerThanTheCapLeavesItsEnd() {
        BoundedCapture tail = BoundedCapture.tail(4);
        tail.write("abc\ndefgh".getBytes(StandardCharsets.US_ASCII), 0, 9);
        assertThat(tail.text()).isEqualTo("efgh");
        BoundedCapture again = BoundedCapture.tail(4);
        again.write("ab\ncd".getBytes(StandardCharsets.US_ASCII), 0, 5);
        assertThat(again.text()).isEqualTo("cd");
    }
}
