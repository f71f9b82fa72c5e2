package dev.vbench.bench.ssh;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * What a remote command writes to one stream, collected within a bound. {@link #head} keeps the first {@code cap}
 * bytes and notes that more came (standard output: a tool's report is used whole or not at all); {@link #tail}
 * keeps the last {@code cap} bytes (standard error: its last lines explain a failure). Either way the stream is
 * read to its end, so the command never stalls on a full channel, and memory stays within twice the cap. JSch's
 * session thread writes, the caller reads: every method is synchronized.
 */
public final class BoundedCapture extends OutputStream {
    private static final int INITIAL = 8192;

    private final int cap;
    private final boolean keepTail;
    private byte[] buffer = new byte[0];
    private int length;
    private long total;

    private BoundedCapture(int cap, boolean keepTail) {
        if (cap < 1 || cap > 1 << 30) {
            throw new IllegalArgumentException("cap must be between 1 and 2^30 bytes, not " + cap);
        }
        this.cap = cap;
        this.keepTail = keepTail;
    }

    /** Keeps the first {@code cap} bytes. */
    public static BoundedCapture head(int cap) {
        return new BoundedCapture(cap, false);
    }

    /** Keeps the last {@code cap} bytes. */
    public static BoundedCapture tail(int cap) {
        return new BoundedCapture(cap, true);
    }

    @Override
    public synchronized void write(int b) {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) {
        total += len;
        if (!keepTail) {
            append(b, off, Math.min(len, cap - length));
        } else if (len >= cap) {
            ensure(cap);
            System.arraycopy(b, off + len - cap, buffer, 0, cap);
            length = cap;
        } else {
            if (length + len > 2 * cap) {
                // drop the oldest bytes: the last cap - len stay, and the new ones make cap again
                System.arraycopy(buffer, length - (cap - len), buffer, 0, cap - len);
                length = cap - len;
            }
            append(b, off, len);
        }
    }

    /** Whether more than the cap came: for {@link #head}, the stream is not whole. */
    public synchronized boolean overflowed() {
        return total > cap;
    }

    /** How many bytes came in all, kept or not. */
    synchronized long total() {
        return total;
    }

    /**
     * The bytes kept, UTF-8 decoded. For a {@link #tail} that dropped bytes: the last {@code cap} at most, from the
     * first line start among them (when there is one), so the text begins with a whole line.
     */
    public synchronized String text() {
        int from = Math.max(0, length - cap);
        if (keepTail && total > cap) {
            for (int i = from; i < length - 1; i++) {
                if (buffer[i] == '\n') {
                    from = i + 1;
                    break;
                }
            }
        }
        return new String(buffer, from, length - from, StandardCharsets.UTF_8);
    }

    private void append(byte[] b, int off, int len) {
        if (len <= 0) {
            return;
        }
        ensure(length + len);
        System.arraycopy(b, off, buffer, length, len);
        length += len;
    }

    private void ensure(int size) {
        if (size > buffer.length) {
            int limit = keepTail ? 2 * cap : cap;
            buffer = Arrays.copyOf(buffer, Math.min(limit, Math.max(size, Math.max(INITIAL, buffer.length * 2))));
        }
    }
}
