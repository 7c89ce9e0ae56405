package org.pymemlab.allocator.obmalloc;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A request stream of {@code tools/oracle/pymalloc_streams.py}, turned into the same flat program the
 * script runs on CPython: step {@code k} allocates {@code sizes[k]} bytes into slot {@code slots[k]},
 * or frees slot {@code slots[k]} when {@code sizes[k] == 0}. The script's docstring defines the phases
 * and the generator; this class must stay step-for-step identical to it, which {@link #fnv1a64()}
 * (compared with the checksum CPython's run recorded) checks.
 */
record StreamProgram(int[] sizes, int[] slots, List<Checkpoint> checkpoints, int allocs) {

    /** A reading of the statistics after {@code step} steps. */
    record Checkpoint(String name, int step) {
    }

    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    int steps() {
        return sizes.length;
    }

    /** Builds the program of one {@code streams[i]} entry ({@code seed}, {@code phases}). */
    static StreamProgram build(JsonNode stream) {
        XorShift64Star rng = new XorShift64Star(stream.get("seed").asLong());
        IntList sizes = new IntList();
        IntList slots = new IntList();
        List<Checkpoint> checkpoints = new ArrayList<>();
        // The live slots in allocation order (except where a random free moved the last one into a hole).
        IntList live = new IntList();
        int allocs = 0;
        for (JsonNode phase : stream.get("phases")) {
            String op = phase.get("op").asText();
            switch (op) {
                case "alloc" -> {
                    int count = phase.get("count").asInt();
                    for (int k = 0; k < count; k++) {
                        int size;
                        if (phase.has("size")) {
                            size = phase.get("size").asInt();
                        } else if (phase.has("cycle")) {
                            JsonNode cycle = phase.get("cycle");
                            size = cycle.get(k % cycle.size()).asInt();
                        } else {
                            int lo = phase.get("range").get(0).asInt();
                            int hi = phase.get("range").get(1).asInt();
                            size = lo + rng.below(hi - lo + 1);
                        }
                        sizes.add(size);
                        slots.add(allocs);
                        live.add(allocs);
                        allocs++;
                    }
                }
                case "free" -> {
                    int count = phase.get("count").asInt();
                    if (count > live.size) {
                        throw new IllegalArgumentException("free " + count + " of " + live.size + " live");
                    }
                    String order = phase.get("order").asText();
                    switch (order) {
                        case "lifo" -> {
                            for (int k = 0; k < count; k++) {
                                sizes.add(0);
                                slots.add(live.removeLast());
                            }
                        }
                        case "fifo" -> {
                            for (int k = 0; k < count; k++) {
                                sizes.add(0);
                                slots.add(live.values[k]);
                            }
                            live.removeFirst(count);
                        }
                        case "stride" -> {
                            int start = phase.get("start").asInt();
                            int stride = phase.get("stride").asInt();
                            if (start + (long) (count - 1) * stride >= live.size) {
                                throw new IllegalArgumentException("stride past the " + live.size + " live blocks");
                            }
                            boolean[] gone = new boolean[live.size];
                            for (int k = 0; k < count; k++) {
                                int i = start + k * stride;
                                sizes.add(0);
                                slots.add(live.values[i]);
                                gone[i] = true;
                            }
                            live.removeMarked(gone);
                        }
                        case "random" -> {
                            for (int k = 0; k < count; k++) {
                                int i = rng.below(live.size);
                                sizes.add(0);
                                slots.add(live.values[i]);
                                live.values[i] = live.values[live.size - 1];
                                live.size--;
                            }
                        }
                        default -> throw new IllegalArgumentException("unknown order " + order);
                    }
                }
                case "checkpoint" -> checkpoints.add(new Checkpoint(phase.get("name").asText(), sizes.size));
                default -> throw new IllegalArgumentException("unknown op " + op);
            }
        }
        return new StreamProgram(sizes.toArray(), slots.toArray(), List.copyOf(checkpoints), allocs);
    }

    /** FNV-1a 64 over (size, slot) of every step, as 16 hex digits: the script's checksum. */
    String fnv1a64() {
        long h = FNV_OFFSET;
        for (int k = 0; k < sizes.length; k++) {
            h = (h ^ sizes[k]) * FNV_PRIME;
            h = (h ^ slots[k]) * FNV_PRIME;
        }
        return String.format("%016x", h);
    }

    /** xorshift64* (Vigna), seeded as the script seeds it; {@code below(n) = (next() >>> 11) % n}. */
    static final class XorShift64Star {
        private long state;

        XorShift64Star(long seed) {
            long s = seed ^ 0x9E3779B97F4A7C15L;
            state = s == 0 ? 1 : s;
        }

        long next() {
            long x = state;
            x ^= x >>> 12;
            x ^= x << 25;
            x ^= x >>> 27;
            state = x;
            return x * 0x2545F4914F6CDD1DL;
        }

        int below(int n) {
            return (int) ((next() >>> 11) % n);
        }
    }

    private static final class IntList {
        int[] values = new int[1024];
        int size;

        void add(int v) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = v;
        }

        int removeLast() {
            return values[--size];
        }

        void removeFirst(int n) {
            System.arraycopy(values, n, values, 0, size - n);
            size -= n;
        }

        /** Drops the values at the marked positions, keeping the order of the others. */
        void removeMarked(boolean[] gone) {
            int kept = 0;
            for (int i = 0; i < size; i++) {
                if (!gone[i]) {
                    values[kept++] = values[i];
                }
            }
            size = kept;
        }

        int[] toArray() {
            return Arrays.copyOf(values, size);
        }
    }
}
