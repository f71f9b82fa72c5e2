package dev.vbench.bench.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

/** Runs the command line in this JVM, as the tests of the commands do. */
final class Cli {
    private Cli() {
    }

    /** What one {@code vbench} invocation printed and returned. */
    record Result(int exit, String out, String err) {
    }

    static Result vbench(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.commandLine().setOut(new PrintWriter(out)).setErr(new PrintWriter(err)).execute(args);
        return new Result(exit, out.toString(), err.toString());
    }

    static Result vbench(List<String> args) {
        return vbench(args.toArray(String[]::new));
    }
}
