package dev.vbench.bench.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The run lock against a second process ({@link LockProbe}), and its proof step made deterministic: the hook between
 * taking the lock and proving it deletes or replaces the lock file, as a concurrent {@code close()} or cleanup would.
 */
class RunLockTest {
    @TempDir
    Path dir;

    Path runs() {
        return dir.resolve("runs");
    }

    Path file() {
        return runs().resolve("r1.lock");
    }

    @Test
    void heldForOtherProcessesUntilCloseDeletesTheFile() throws Exception {
        try (RunLock lock = RunLock.acquire(runs(), "r1")) {
            assertThat(LockProbe.probe(file())).isEqualTo("held");
        }
        assertThat(file()).doesNotExist();
    }

    @Test
    void askingAgainInTheSameJvmNeitherTakesNorReleasesTheLock() throws Exception {
        // POSIX record locks belong to the process: closing any other channel of the file would release them
        try (RunLock lock = RunLock.acquire(runs(), "r1")) {
            assertThat(RunLock.tryAcquire(runs(), "r1")).isEmpty();
            assertThat(RunLock.isHeld(runs(), "r1")).isTrue();
            assertThatThrownBy(() -> RunLock.acquire(runs(), "r1")).isInstanceOf(IOException.class)
                    .hasMessageContaining("run r1 is held by another vbench process");
            assertThat(LockProbe.probe(file())).as("still locked for other processes").isEqualTo("held");
        }
    }

    @Test
    void aLockFileReplacedBeforeTheProofIsLockedAgain() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        Optional<RunLock> lock = RunLock.tryAcquire(runs(), "r1", () -> {
            if (calls.incrementAndGet() == 1) {
                replace(file());
            }
        });
        assertThat(lock).isPresent();
        try (RunLock held = lock.get()) {
            assertThat(calls).as("the first lock was on an unlinked file: tried again").hasValue(2);
            assertThat(LockProbe.probe(file())).as("the file the path names is the one locked").isEqualTo("held");
        }
        assertThat(file()).doesNotExist();
    }

    @Test
    void aLockFileDeletedBeforeTheProofIsCreatedAgain() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        try (RunLock held = RunLock.tryAcquire(runs(), "r1", () -> {
            if (calls.incrementAndGet() == 1) {
                delete(file());
            }
        }).orElseThrow()) {
            assertThat(calls).hasValue(2);
            assertThat(LockProbe.probe(file())).isEqualTo("held");
        }
    }

    @Test
    void aStaleFileReplacedAndLockedByALiveRunIsHeld() throws Exception {
        Files.createDirectories(runs());
        Files.createFile(file()); // stale: nobody holds it
        List<LockProbe> holders = new ArrayList<>();
        Runnable liveRunTakesOver = () -> {
            if (holders.isEmpty()) {
                delete(file());
                try {
                    holders.add(LockProbe.hold(file()));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        };
        try {
            assertThat(RunLock.isHeld(runs(), "r1", liveRunTakesOver)).as("isHeld after the takeover").isTrue();
            assertThat(RunLock.tryAcquire(runs(), "r1", () -> { })).isEmpty();
            assertThat(file()).as("a live run's lock file is not deleted").exists();
        } finally {
            for (LockProbe h : holders) {
                h.close();
            }
        }
    }

    @Test
    void aStaleFileIsNotHeldAndIsLeftWhereItIs() throws Exception {
        Files.createDirectories(runs());
        Files.createFile(file());
        assertThat(RunLock.isHeld(runs(), "r1")).isFalse();
        assertThat(file()).exists();
        assertThat(RunLock.isHeld(runs(), "r2")).as("no file at all").isFalse();
        try (RunLock lock = RunLock.tryAcquire(runs(), "r1").orElseThrow()) {
            assertThat(LockProbe.probe(file())).isEqualTo("held");
        }
    }

    @Test
    void givesUpWhenTheFileKeepsBeingReplaced() {
        assertThatThrownBy(() -> RunLock.tryAcquire(runs(), "r1", () -> replace(file())))
                .isInstanceOf(IOException.class).hasMessageContaining("was replaced " + RunLock.ATTEMPTS + " times");
        assertThat(RunLock.isHeld(runs(), "r1", () -> replace(file()))).as("when in doubt, alive").isTrue();
    }

    @Test
    void aLockFileThatIsASymbolicLinkIsNeverFollowed() throws Exception {
        Files.createDirectories(runs());
        Path elsewhere = Files.writeString(dir.resolve("precious"), "keep\n");
        Files.createSymbolicLink(file(), elsewhere);
        assertThatThrownBy(() -> RunLock.tryAcquire(runs(), "r1")).isInstanceOf(IOException.class);
        assertThat(RunLock.isHeld(runs(), "r1")).as("when in doubt, alive").isTrue();
        assertThat(LockProbe.probe(elsewhere)).isEqualTo("free");
        assertThat(Files.readString(elsewhere)).isEqualTo("keep\n");
    }

    @Test
    void runIdsAreVbenchs() {
        assertThatThrownBy(() -> RunLock.tryAcquire(runs(), "../escape")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("run id '../escape'");
        assertThat(dir.resolve("escape.lock")).doesNotExist();
    }

    private static void replace(Path file) {
        delete(file);
        try {
            Files.createFile(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path file) {
        try {
            Files.delete(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
