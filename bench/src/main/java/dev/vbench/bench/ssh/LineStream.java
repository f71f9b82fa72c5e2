package dev.vbench.bench.ssh;

import com.jcraft.jsch.ChannelExec;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.Session;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A command running in the guest whose standard output is handed over line by line while it runs
 * ({@link GuestShell#stream}). JSch's session thread splits the output into lines and queues them; the thread in
 * {@link #awaitEnd} hands each one to the consumer the moment it is queued, so a consumer's exception reaches that
 * caller. Only complete lines are handed over: text after the last line feed (a line cut off by a crash) stays in
 * {@link #result()}'s standard output. A line longer than {@value #MAX_LINE_BYTES} bytes is handed over in pieces
 * of that size.
 *
 * <p>The stream ends when the command exits, or when its channel or the session closes (a guest that died and
 * whose connection the server or the keep-alive closed); then {@link #awaitEnd} returns {@code true} after the last
 * line. A guest destroyed without a word keeps the connection open until the keep-alive gives up: the caller that
 * knows it crashed the guest waits as long as it likes and then abandons the stream with {@link #close}.
 */
public final class LineStream implements AutoCloseable {
    /** Longest line handed over in one piece. */
    public static final int MAX_LINE_BYTES = 64 << 10;
    private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

    private final SshTarget target;
    private final String command;
    private final Session session;
    private final ChannelExec channel;
    private final Lines out = new Lines();
    private final BoundedCapture err;
    private final Consumer<String> consumer;
    private final long start = System.nanoTime();
    private volatile boolean abandoned;

    private LineStream(SshTarget target, String command, Session session, ChannelExec channel, int stderrTail,
            Consumer<String> consumer) {
        this.target = target;
        this.command = command;
        this.session = session;
        this.channel = channel;
        this.err = BoundedCapture.tail(stderrTail);
        this.consumer = consumer;
    }

    /** Opens the channel and starts {@code command}; see {@link GuestShell#stream}. */
    static LineStream start(SshTarget target, Session session, String command, Consumer<String> lines,
            int stderrTail) {
        Objects.requireNonNull(lines, "lines");
        ChannelExec channel = ExecChannels.open(target, session, command);
        LineStream stream = new LineStream(target, command, session, channel, stderrTail, lines);
        channel.setOutputStream(stream.out);
        channel.setErrStream(stream.err);
        try {
            channel.connect((int) GuestShell.ATTEMPT_TIMEOUT.toMillis());
        } catch (JSchException e) {
            channel.disconnect();
            throw new SshSessionException("cannot run a command on " + target + ": " + e.getMessage() + " ("
                    + command + ")", e);
        }
        return stream;
    }

    /**
     * Hands the lines that arrive to the consumer until the stream ends or {@code timeout} passes.
     *
     * @param timeout how long to wait at most (zero: hand over what is queued, and tell whether it ended)
     * @return {@code true} when the stream ended (every line was handed over), {@code false} when the time passed
     *         first or the thread was interrupted (its interrupt flag is then set again)
     */
    public boolean awaitEnd(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            boolean ended = ended();
            for (String line = out.queue.poll(); line != null; line = out.queue.poll()) {
                consumer.accept(line);
            }
            long remaining = deadline - System.nanoTime();
            if (ended || remaining <= 0) {
                return ended;
            }
            try {
                String line = out.queue.poll(Math.min(remaining, POLL_NANOS), TimeUnit.NANOSECONDS);
                if (line != null) {
                    consumer.accept(line);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }

    /** @return whether the command exited, its channel or the session closed, or the stream was abandoned */
    public boolean ended() {
        return abandoned || channel.isClosed() || !session.isConnected();
    }

    /**
     * @return the exit status (-1 while running, when abandoned, or when the channel closed without one: a killed
     *         command or a lost session), as standard output the text after the last line feed (normally empty),
     *         the last part of standard error, and the time since the start
     */
    public CommandResult result() {
        int status = !abandoned && channel.isClosed() ? channel.getExitStatus() : -1;
        return new CommandResult(status, out.rest(), err.text(), Duration.ofNanos(System.nanoTime() - start));
    }

    /** @return the command line as sent */
    public String command() {
        return command;
    }

    /** @return the guest it runs on */
    public SshTarget target() {
        return target;
    }

    /**
     * Abandons the stream: asks the server to kill the command (best effort) and closes the channel; lines not
     * handed over yet are dropped. The session stays open. Idempotent.
     */
    @Override
    public void close() {
        if (!channel.isClosed() && session.isConnected()) {
            abandoned = true;
            ExecChannels.kill(channel);
        }
        channel.disconnect();
    }

    /** Splits what JSch's session thread writes into lines and queues them. */
    private static final class Lines extends OutputStream {
        private final LinkedBlockingQueue<String> queue = new LinkedBlockingQueue<>();
        private final ByteArrayOutputStream partial = new ByteArrayOutputStream();

        @Override
        public synchronized void write(int b) {
            if (b == '\n') {
                queue.add(partial.toString(StandardCharsets.UTF_8));
                partial.reset();
                return;
            }
            partial.write(b);
            if (partial.size() == MAX_LINE_BYTES) {
                queue.add(partial.toString(StandardCharsets.UTF_8));
                partial.reset();
            }
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) {
            for (int i = off; i < off + len; i++) {
                write(b[i]);
            }
        }

        synchronized String rest() {
            return partial.toString(StandardCharsets.UTF_8);
        }
    }
}
