package dev.vbench.bench.run;

import java.io.PrintWriter;
import java.io.Writer;

/**
 * A writer that prints each complete line to a shared {@link PrintWriter} with a prefix, one whole line at a time,
 * so that the progress of several hosts running at once stays readable ({@code [lab1] booting ...}).
 */
final class LinePrefixWriter extends Writer {
    private final PrintWriter target;
    private final String prefix;
    private final StringBuilder line = new StringBuilder();

    LinePrefixWriter(PrintWriter target, String prefix) {
        this.target = target;
        this.prefix = prefix;
    }

    @Override
    public synchronized void write(char[] cbuf, int off, int len) {
        for (int i = off; i < off + len; i++) {
            char c = cbuf[i];
            if (c == '\n') {
                emit();
            } else if (c != '\r') {
                line.append(c);
            }
        }
    }

    private void emit() {
        synchronized (target) {
            target.println(prefix + line);
            target.flush();
        }
        line.setLength(0);
    }

    @Override
    public synchronized void flush() {
        target.flush();
    }

    @Override
    public synchronized void close() {
        if (line.length() > 0) {
            emit();
        }
        flush();
    }
}
