package org.pymemlab.runtime.property;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.AfterContainer;

/**
 * Random mutator programs (issue 8), each run on all 24 allocator × collector × interning × profile
 * combinations, with the heap checked after every step against {@link org.pymemlab.runtime.heap.HeapInvariants}
 * and against the {@link HeapModel} of the program (see {@link ProgramRun}).
 *
 * <p>Size: {@value PropertySize#CI_TRIES} programs in CI; nightly, {@code -Dpymem.property.tries=2000}:
 * <pre>
 * mvn -B -pl runtime -Dtest='org/pymemlab/runtime/property/**' -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dpymem.property.tries=2000 verify
 * </pre>
 * A failing program is shrunk and printed step by step; jqwik replays its seed first on the next run.
 */
@AddLifecycleHook(PropertySize.class)
class RandomProgramsTest {

    private static final AtomicLong PROGRAMS = new AtomicLong();
    private static final AtomicLong RUNS = new AtomicLong();
    private static final AtomicLong STEPS = new AtomicLong();


    @Provide
    Arbitrary<List<Step>> programs() {
        return Programs.programs();
    }

    @Property(edgeCases = EdgeCasesMode.NONE)
    void everyStepKeepsTheHeapConsistentOnEveryCombination(@ForAll("programs") List<Step> program) {
        PROGRAMS.incrementAndGet();
        for (Combination combination : Combination.all()) {
            try (ProgramRun run = new ProgramRun(combination)) {
                run.run(program);
                RUNS.incrementAndGet();
                STEPS.addAndGet(run.steps());
            }
        }
    }

    @AfterContainer
    static void report() {
        System.out.printf("random programs: %d programs, %d runs, %d steps checked%n", PROGRAMS.get(), RUNS.get(),
                STEPS.get());
    }
}
