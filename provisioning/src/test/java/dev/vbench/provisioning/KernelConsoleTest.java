package dev.vbench.provisioning;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class KernelConsoleTest {
    /** Console of the probe domain under TCG on the lab machine: Debian 6.1 kernel, initrd, ProbeDomainSpec.CMDLINE. */
    static String tcgProbe() throws IOException {
        return HostEnvironmentTest.captured("console-probe-tcg.log");
    }

    @Test
    void probeUnderTcgReachesUserspace() throws IOException {
        assertThat(KernelConsole.reachedUserspace(tcgProbe())).isTrue();
    }

    @Test
    void sameConsoleCutBeforeTheKernelFreesItsInitMemoryHasNotReachedUserspace() throws IOException {
        String log = tcgProbe();
        String cut = log.substring(0, log.indexOf("Freeing unused"));
        assertThat(cut).contains("Linux version 6.1.0");
        assertThat(KernelConsole.reachedUserspace(cut)).isFalse();
        assertThat(KernelConsole.lastLine(cut)).isNotEmpty();
    }

    @Test
    void eachMarkerAloneSuffices() throws IOException {
        for (String marker : new String[] {"Freeing unused kernel image (initmem) memory", "Run /bin/true as init",
            "Kernel panic - not syncing: Attempted to kill init"}) {
            String only = Arrays.stream(tcgProbe().split("\n")).filter(l -> l.contains(marker))
                    .collect(Collectors.joining("\n"));
            assertThat(only).as(marker).isNotEmpty();
            assertThat(KernelConsole.reachedUserspace(only)).as(marker).isTrue();
        }
    }

    @Test
    void kvmHangLeavesNoConsoleOutput() {
        // under kvm_pvm the kernel hangs in its real-mode setup ("Probing EDD" goes to the BIOS console, not
        // ttyS0): the probe's log stays empty
        assertThat(KernelConsole.reachedUserspace("")).isFalse();
        assertThat(KernelConsole.lastLine("")).isEmpty();
    }

    @Test
    void lastLineOfTheRealConsole() throws IOException {
        assertThat(KernelConsole.lastLine(tcgProbe())).startsWith("[").contains("Kernel Offset:");
    }

    @Test
    void lastLineSkipsBlankLinesAndStripsControlCharacters() {
        assertThat(KernelConsole.lastLine("a\r\n\u001B[0mProbing EDD (edd=off to disable)... ok\r\n\r\n  \n"))
                .isEqualTo("Probing EDD (edd=off to disable)... ok");
        assertThat(KernelConsole.lastLine("x".repeat(500))).hasSize(163).endsWith("...");
    }
}
