package dev.vbench.bench.workload;

import java.util.Arrays;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * The acknowledgements of the guest's durability writer ({@link DurableCommand}), read strictly line by line as
 * they arrive: first {@code start}, then {@code ack 0}, {@code ack 1}, ... in order, nothing else. Anything else
 * (a gap, a repeat, a leading zero, a second {@code start}, a blank, any other text) is an
 * {@link UnparsableOutputException} naming the line; after one, every further line is refused too. Since the
 * acknowledgements come in order without gaps, the records acknowledged are exactly {@code 0 .. count() - 1}.
 * Used by one thread at a time (the one waiting on the stream).
 */
public final class DurabilityAcks implements Consumer<String> {
    private static final int QUOTED_MAX = 80;

    private boolean started;
    private long count;
    private long lines;
    private String failure;

    /**
     * Reads a whole captured output: complete lines only (empty, or ending with a line feed).
     *
     * @param output what the writer printed
     * @return its acknowledgements
     * @throws UnparsableOutputException at the first line that breaks the protocol, or a cut-off last line
     */
    public static DurabilityAcks parse(String output) {
        DurabilityAcks acks = new DurabilityAcks();
        if (!output.isEmpty() && !output.endsWith("\n")) {
            int from = output.lastIndexOf('\n') + 1;
            throw new UnparsableOutputException("vbench-durable output ends in a cut-off line "
                    + quote(output.substring(from)) + " (every line ends with a line feed)");
        }
        String[] lines = output.split("\n", -1);
        Arrays.stream(lines, 0, lines.length - 1).forEach(acks);
        return acks;
    }

    /**
     * Takes the next line of the writer's standard output, without its line feed.
     *
     * @param line the line
     * @throws UnparsableOutputException when it is not the line expected next
     */
    @Override
    public void accept(String line) {
        long number = ++lines;
        if (failure != null) {
            throw new UnparsableOutputException("vbench-durable output line " + number + " after a broken one ("
                    + failure + ")");
        }
        String expected = started ? "ack " + count : "start";
        if (!expected.equals(line)) {
            failure = "line " + number + " is " + quote(line) + ", expected " + quote(expected)
                    + (started ? " (acknowledgements come in order, one per record, without gaps)"
                            : " (the writer prints start once its target is open)");
            throw new UnparsableOutputException("vbench-durable output " + failure);
        }
        if (started) {
            count++;
        } else {
            started = true;
        }
    }

    /** @return whether the writer said {@code start}: its target is open */
    public boolean started() {
        return started;
    }

    /** @return how many records were acknowledged: records {@code 0 .. count() - 1} */
    public long count() {
        return count;
    }

    /** @return the last acknowledged sequence number, -1 when none */
    public long lastAcked() {
        return count - 1;
    }

    /**
     * @param seq a record's sequence number
     * @return whether the writer acknowledged it
     */
    public boolean isAcknowledged(long seq) {
        return seq >= 0 && seq < count;
    }

    /** @return whether a line broke the protocol */
    public boolean broken() {
        return failure != null;
    }

    private static String quote(String line) {
        StringBuilder b = new StringBuilder("'");
        line.codePoints().limit(QUOTED_MAX).forEach(c -> {
            if (c < 0x20 || c == 0x7f) {
                b.append(String.format(Locale.ROOT, "\\x%02x", c));
            } else {
                b.appendCodePoint(c);
            }
        });
        return b.append(line.codePointCount(0, line.length()) > QUOTED_MAX ? "...'" : "'").toString();
    }
}
