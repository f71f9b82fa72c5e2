package dev.vbench.bench.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vbench.bench.plan.DurabilitySpec;
import dev.vbench.bench.plan.Workload;
import dev.vbench.provisioning.CacheMode;
import dev.vbench.provisioning.DiskBus;
import dev.vbench.provisioning.DiskSpec;
import dev.vbench.provisioning.NicModel;
import dev.vbench.provisioning.NicSpec;
import dev.vbench.provisioning.Variant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class TrialQueueTest {
    private static final Workload SYNCED = new Workload("synced", null, null,
            DurabilitySpec.of(DurabilitySpec.Mode.SYNC));

    private static Variant variant(String name) {
        return new Variant(name, new DiskSpec(DiskBus.VIRTIO, CacheMode.WRITEBACK, null), new NicSpec(NicModel.VIRTIO));
    }

    private static List<TrialQueue.Pending> trials(List<String> variants, int each) {
        List<TrialQueue.Pending> out = new ArrayList<>();
        int boot = 1;
        for (String v : variants) {
            for (int t = 1; t <= each; t++) {
                out.add(new TrialQueue.Pending(variant(v), SYNCED, t, boot++));
            }
        }
        return out;
    }

    @Test
    void aSecondTakerGetsTheFirstTrialOfAnotherVariantAndTheFreedVariantComesBackInOrder() {
        TrialQueue queue = new TrialQueue(trials(List.of("a", "b"), 2));

        TrialQueue.Pending first = queue.take();
        TrialQueue.Pending second = queue.take();
        assertThat(List.of(first.variant().name(), first.number())).containsExactly("a", 1);
        assertThat(List.of(second.variant().name(), second.number())).containsExactly("b", 1);

        queue.done(second);
        TrialQueue.Pending third = queue.take();
        assertThat(List.of(third.variant().name(), third.number())).containsExactly("b", 2);
        queue.done(first);
        queue.done(third);
        TrialQueue.Pending fourth = queue.take();
        assertThat(List.of(fourth.variant().name(), fourth.number())).containsExactly("a", 2);
        queue.done(fourth);
        assertThat(queue.take()).isNull();
    }

    @Test
    void theFreeVariantWithTheMostTrialsLeftGoesNextSoThatTheVariantsFinishTogether() {
        TrialQueue queue = new TrialQueue(trials(List.of("a", "b", "c"), 2));

        TrialQueue.Pending a1 = queue.take();
        TrialQueue.Pending b1 = queue.take();
        queue.done(a1);
        TrialQueue.Pending next = queue.take();

        assertThat(List.of(a1.variant().name(), b1.variant().name())).containsExactly("a", "b");
        assertThat(List.of(next.variant().name(), next.number())).as("c has 2 left, a only 1").containsExactly("c", 1);
    }

    @Test
    void threeWorkersRunEveryTrialOnceAndNeverTwoOfOneVariantAtOnce() throws Exception {
        List<TrialQueue.Pending> all = trials(List.of("a", "b", "c", "d", "e"), 6);
        TrialQueue queue = new TrialQueue(all);
        Set<String> running = Collections.synchronizedSet(new HashSet<>());
        List<TrialQueue.Pending> ran = Collections.synchronizedList(new ArrayList<>());
        List<String> overlaps = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                workers.add(pool.submit(() -> {
                    for (TrialQueue.Pending p = queue.take(); p != null; p = queue.take()) {
                        if (!running.add(p.variant().name())) {
                            overlaps.add(p.variant().name());
                        }
                        Thread.sleep(1);
                        running.remove(p.variant().name());
                        ran.add(p);
                        queue.done(p);
                    }
                    return null;
                }));
            }
            for (Future<?> f : workers) {
                f.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(overlaps).isEmpty();
        assertThat(ran).containsExactlyInAnyOrderElementsOf(all);
        for (String v : List.of("a", "b", "c", "d", "e")) {
            assertThat(ran.stream().filter(p -> p.variant().name().equals(v)).map(TrialQueue.Pending::number))
                    .containsExactly(1, 2, 3, 4, 5, 6);
        }
    }
}
