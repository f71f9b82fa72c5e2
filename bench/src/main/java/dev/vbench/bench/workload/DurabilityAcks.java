package dev.vbench.bench.workload;

import java.util.Arrays;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * The output of the guest's durability writer ({@link DurableCommand}), read strictly line by line as it arrives:
 * first {@code start}, then per record {@code write SEQ} (just before the record is written: it is issued) and
 * {@code ack SEQ} (it is acknowledged), in order: {@code start}, {@code write 0}, {@code ack 0}, {@code write 1},
 * {@code ack 1}, ... nothing else. Anything else (a gap, a repeat, a leading zero, an acknowledgement before its
 * write, a second {@code start}, a blank, any other text) is an {@link UnparsableOutputException} naming the line
 * and the line expected; after one, every further line is refused too. Since the lines come in order without gaps,
 * the records issued are exactly {@code 0 .. issued() - 1} and the records acknowledged exactly
 * {@code 0 .. count() - 1}; {@code issued() - count()} is 0 or 1. Used by one thread at a time (the one waiting on
 * the stream).
 */
public final class DurabilityAcks implements Consumer<String> {
    private static final int QUOTED_MAX = 80;

    private boolean started;
    private long issued;
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
        String expected = expected();
        if (!expected.equals(line)) {
            failure = "line " + number + " is " + quote(line) + ", expected " + quote(expected) + " (" + rule() + ")";
            throw new UnparsableOutputException("vbench-durable output " + failure);
        }
        if (!started) {
            started = true;
        } else if (issued == count) {
            issued++;
        } else {
            count++;
        }
    }

    /** The line that must come next. */
    private String expected() {
        if (!started) {
            return "start";
        }
        return (issued == count ? "write " : "ack ") + count;
    }

    /** Why that line, for the message of a line that breaks the protocol. */
    private String rule() {
        if (!started) {
            return "the writer prints start once its target is open";
        }
        return issued == count ? "each record is announced with write SEQ before it is written, in order, without gaps"
                : "a record is acknowledged right after it is written, before the next one is announced";
    }

    /** @return whether the writer said {@code start}: its target is open */
    public boolean started() {
        return started;
    }

    /**
     * @return how many records were issued (announced with {@code write SEQ}, so possibly written): records
     *         {@code 0 .. issued() - 1}; at least {@link #count()}
     */
    public long issued() {
        return issued;
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
