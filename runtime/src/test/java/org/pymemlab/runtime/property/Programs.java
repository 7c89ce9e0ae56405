package org.pymemlab.runtime.property;

import java.math.BigInteger;
import java.util.List;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/** jqwik generators of {@link Step}s and programs; every parameter shrinks towards slot 0 and small values. */
final class Programs {

    static final int MAX_STEPS = 40;

    private Programs() {
    }

    static Arbitrary<List<Step>> programs() {
        return steps().list().ofMinSize(1).ofMaxSize(MAX_STEPS);
    }

    private static Arbitrary<Integer> slot() {
        return Arbitraries.integers().between(0, ProgramRun.SLOTS - 1);
    }

    private static Arbitrary<Integer> root() {
        return Arbitraries.integers().between(0, ProgramRun.ROOTS - 1);
    }

    private static Arbitrary<Integer> index() {
        return Arbitraries.integers().between(-3, 4);
    }

    private static Arbitrary<Integer> attribute() {
        return Arbitraries.integers().between(0, ProgramRun.ATTRIBUTES.size() - 1);
    }

    private static Arbitrary<List<Integer>> slotList() {
        return slot().list().ofMaxSize(4);
    }

    /** Small (cached under cpython interning), medium (equal but distinct objects) and big (several digits). */
    private static Arbitrary<BigInteger> ints() {
        return Arbitraries.oneOf(
                Arbitraries.integers().between(-8, 260).map(BigInteger::valueOf),
                Arbitraries.integers().between(1000, 1003).map(BigInteger::valueOf),
                Arbitraries.bigIntegers().between(BigInteger.TWO.pow(60).negate(), BigInteger.TWO.pow(100)));
    }

    /** ASCII, latin-1, UCS-2 and UCS-4 strings from a small alphabet, so equal strings recur. */
    private static Arbitrary<String> strs() {
        return Arbitraries.of("a", "b", "é", "€", "😀").list().ofMaxSize(4)
                .map(parts -> parts.stream().collect(Collectors.joining()));
    }

    private static Arbitrary<String> bytes() {
        return Arbitraries.strings().withChars('\u0000', 'a', 'b', '\u00ff').ofMaxLength(3);
    }

    static Arbitrary<Step> steps() {
        return Arbitraries.frequencyOf(
                Tuple.of(4, Combinators.combine(slot(), ints()).as(Step.NewInt::new)),
                Tuple.of(2, Combinators.combine(slot(), Arbitraries.doubles().between(-4, 4).ofScale(1))
                        .as(Step.NewFloat::new)),
                Tuple.of(4, Combinators.combine(slot(), strs()).as(Step.NewStr::new)),
                Tuple.of(2, Combinators.combine(slot(), bytes()).as(Step.NewBytes::new)),
                Tuple.of(3, Combinators.combine(slot(), slotList()).as(Step.NewTuple::new)),
                Tuple.of(4, Combinators.combine(slot(), slotList()).as(Step.NewList::new)),
                Tuple.of(3, slot().map(Step.NewDict::new)),
                Tuple.of(3, Combinators.combine(slot(), slotList(), Arbitraries.of(false, true)).as(Step.NewSet::new)),
                Tuple.of(4, Combinators.combine(slot(), Arbitraries.of(false, true)).as(Step.NewInstance::new)),
                Tuple.of(3, Combinators.combine(slot(), slot(), Arbitraries.of(false, true)).as(Step.NewWeakref::new)),
                Tuple.of(2, Combinators.combine(slot(), slot()).as(Step.Intern::new)),
                Tuple.of(5, Combinators.combine(slot(), slot()).as(Step.ListAppend::new)),
                Tuple.of(2, Combinators.combine(slot(), index(), slot()).as(Step.ListSet::new)),
                Tuple.of(2, Combinators.combine(slot(), index(), slot()).as(Step.ListInsert::new)),
                Tuple.of(5, Combinators.combine(slot(), slot(), slot()).as(Step.DictSet::new)),
                Tuple.of(3, Combinators.combine(slot(), slot()).as(Step.SetAdd::new)),
                Tuple.of(5, Combinators.combine(slot(), attribute(), slot()).as(Step.SetAttr::new)),
                Tuple.of(3, Combinators.combine(root(), slot()).as(Step.SetRoot::new)),
                Tuple.of(2, Combinators.combine(slot(), root()).as(Step.LoadRoot::new)),
                Tuple.of(2, Combinators.combine(slot(), slot(), index()).as(Step.ListGet::new)),
                Tuple.of(2, Combinators.combine(slot(), slot(), slot()).as(Step.DictGet::new)),
                Tuple.of(2, Combinators.combine(slot(), slot(), attribute()).as(Step.GetAttr::new)),
                Tuple.of(2, Combinators.combine(slot(), slot()).as(Step.WeakrefGet::new)),
                Tuple.of(2, Combinators.combine(slot(), slot()).as(Step.Dup::new)),
                Tuple.of(5, slot().map(Step.Drop::new)),
                Tuple.of(2, root().map(Step.DelRoot::new)),
                Tuple.of(2, Combinators.combine(slot(), slot(), index()).as(Step.ListPop::new)),
                Tuple.of(1, slot().map(Step.ListClear::new)),
                Tuple.of(2, Combinators.combine(slot(), slot()).as(Step.DictDel::new)),
                Tuple.of(1, slot().map(Step.DictClear::new)),
                Tuple.of(2, Combinators.combine(slot(), slot()).as(Step.SetDiscard::new)),
                Tuple.of(2, Combinators.combine(slot(), attribute()).as(Step.DelAttr::new)),
                Tuple.of(2, Arbitraries.integers().between(0, 2).map(Step.Collect::new)));
    }
}
