package dev.vbench.bench.run;

import java.io.PrintWriter;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * SIGINT/SIGTERM while a run is on: a shutdown hook stops the measuring, kills the host-side tools, tears the
 * guests down and waits (up to two minutes) for the driver to write what was completed, marked interrupted.
 * Closing the guard ends the run's part: the hook is removed, or released if it is already running.
 */
final class ShutdownGuard implements AutoCloseable {
    private final CountDownLatch finished = new CountDownLatch(1);
    private final PrintWriter out;
    private final LiveGuests guests;
    private final Thread hook = new Thread(this::onShutdown, "vbench-shutdown");
    private volatile boolean interrupted;

    private ShutdownGuard(PrintWriter out, LiveGuests guests) {
        this.out = out;
        this.guests = guests;
    }

    /** Installs the hook for a run whose guests are {@code guests}. */
    static ShutdownGuard install(PrintWriter out, LiveGuests guests) {
        ShutdownGuard guard = new ShutdownGuard(out, guests);
        Runtime.getRuntime().addShutdownHook(guard.hook);
        return guard;
    }

    /** Whether the run was interrupted: the driver stops at the next step. */
    boolean interrupted() {
        return interrupted;
    }

    private void onShutdown() {
        if (finished.getCount() == 0) {
            return;
        }
        interrupted = true;
        out.println("vbench: interrupted; tearing down and keeping completed measurements");
        ProcessHandle.current().descendants().forEach(ProcessHandle::destroy);
        guests.dropAll();
        try {
            finished.await(120, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        finished.countDown();
        if (!interrupted) {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running already
            }
        }
    }
}
