package dev.vbench.bench.cli;

/** Entry point of the {@code vbench} command line. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(0);
    }
}
