package org.pymemlab.workloads;

import com.google.auto.service.AutoService;
import com.typesafe.config.Config;
import java.math.BigInteger;
import java.util.Random;
import org.pymemlab.runtime.ClassSpec;
import org.pymemlab.runtime.Mutator;

/**
 * A seeded mix of the small objects a typical Python program makes, with survivors and some cyclic garbage.
 *
 * <p>Each round builds {@code objects-per-round} objects, each chosen at random: ints (cached small ones,
 * medium ones and multi-digit big ones), floats, strs of every compact kind (ASCII, latin-1, UCS-2, UCS-4),
 * bytes, tuples, lists grown by appends, dicts with int keys and with str keys, sets, and instances of a plain
 * class ({@code Point}, attributes in a {@code __dict__}) and of a class with {@code __slots__} ({@code Pair}).
 * About a tenth of the objects are kept in the root list {@code keep}, which holds at most
 * {@code objects-per-round} entries: once full, a kept object replaces a random old one, so survivors live for
 * about ten rounds and reach the older generations. A {@code cycle-fraction} of the objects are built as
 * reference cycles instead (a list or dict that contains itself, two instances pointing at each other) and
 * dropped at once: reference counting alone leaks them, a cycle collector frees them. The program calls
 * {@link Mutator#safePoint()} after every object, as the interpreter checks its eval breaker between bytecodes.
 *
 * <p>At the end the {@code keep} root is released. The two classes stay bound to the roots {@code Point} and
 * {@code Pair}, as module globals stay bound until the interpreter exits (and because a heap type is itself
 * part of a cycle in CPython, releasing it would leak it under refcount-only even with no cyclic data).
 * With {@code cycle-fraction = 0} nothing is leaked.
 */
@AutoService(Workload.class)
public final class MixedSmallWorkload implements Workload {

    static final String CONFIG_PATH = "pymem.workloads.mixed-small";

    /** Root names the program binds: its global variables. */
    static final String KEEP_ROOT = "keep";
    static final String POINT_ROOT = "Point";
    static final String PAIR_ROOT = "Pair";

    /** How many of the objects are kept alive for a while: "about a tenth". */
    private static final double KEEP_PROBABILITY = 0.1;

    public MixedSmallWorkload() {
    }

    @Override
    public String id() {
        return "mixed-small";
    }

    @Override
    public String description() {
        return "Seeded mix of small ints, floats, strs, bytes, tuples, lists, dicts, sets and instances,"
                + " a tenth kept alive, a fraction dropped as cycles";
    }

    @Override
    public String configPath() {
        return CONFIG_PATH;
    }

    @Override
    public void run(Mutator mutator, Config config) {
        new Program(mutator, MixedSmallSettings.from(config)).run();
    }

    /** One run: the random choices and the handles the program holds. */
    private static final class Program {

        private final Mutator py;
        private final MixedSmallSettings settings;
        private final Random random;
        private final int keepCapacity;
        // Borrowed handles: the roots own these objects for the whole run.
        private long point;
        private long pair;
        private long keep;

        Program(Mutator mutator, MixedSmallSettings settings) {
            this.py = mutator;
            this.settings = settings;
            this.random = new Random(settings.seed());
            this.keepCapacity = Math.max(1, settings.objectsPerRound());
        }

        void run() {
            point = bindRoot(POINT_ROOT, py.newClass(ClassSpec.plain("Point")));
            pair = bindRoot(PAIR_ROOT, py.newClass(ClassSpec.withSlots("Pair", "left", "right")));
            keep = bindRoot(KEEP_ROOT, py.newList());
            for (int round = 0; round < settings.rounds(); round++) {
                for (int i = 0; i < settings.objectsPerRound(); i++) {
                    if (random.nextDouble() < settings.cycleFraction()) {
                        dropCycle();
                    } else {
                        long object = newObject();
                        maybeKeep(object);
                        py.decref(object);
                    }
                    py.safePoint();
                }
            }
            // Releases the list and, with it, every kept object.
            py.delRoot(KEEP_ROOT);
            keep = 0;
        }

        /** Hands a new reference to a root and returns it borrowed. */
        private long bindRoot(String name, long object) {
            py.setRoot(name, object);
            py.decref(object);
            return object;
        }

        private void maybeKeep(long object) {
            if (random.nextDouble() >= KEEP_PROBABILITY) {
                return;
            }
            long size = py.len(keep);
            if (size < keepCapacity) {
                py.listAppend(keep, object);
            } else {
                // The list releases the entry it replaces.
                py.listSet(keep, random.nextInt((int) size), object);
            }
        }

        /** One acyclic object. New reference. */
        private long newObject() {
            return switch (random.nextInt(16)) {
                case 0 -> py.newInt(random.nextInt(262) - 5); // CPython's small-int cache: -5 .. 256
                case 1 -> py.newInt(random.nextInt(1 << 20) - (1 << 19));
                case 2 -> newBigInt();
                case 3 -> py.newFloat(random.nextGaussian() * 1e6);
                case 4 -> py.newStr(text(0x61, 26)); // ASCII
                case 5 -> py.newStr(text(0xC0, 64)); // latin-1
                case 6 -> py.newStr(text(0x391, 57)); // UCS-2: Greek
                case 7 -> py.newStr(text(0x1F600, 80)); // UCS-4: emoji
                case 8 -> newBytes();
                case 9 -> newTuple();
                case 10 -> newList();
                case 11 -> newDict(false);
                case 12 -> newDict(true);
                case 13 -> newSet();
                case 14 -> newPoint();
                default -> newPair();
            };
        }

        /** An int of several 30-bit digits, either sign. New reference. */
        private long newBigInt() {
            BigInteger value = new BigInteger(64 + random.nextInt(192), random);
            return py.newInt(random.nextBoolean() ? value : value.negate());
        }

        /**
         * A string of up to 24 characters, mostly ASCII letters, with some drawn from {@code count} code points
         * from {@code first}, which decides its kind. Empty strings are included (CPython caches the empty str).
         */
        private String text(int first, int count) {
            int length = random.nextInt(25);
            StringBuilder text = new StringBuilder(length);
            for (int i = 0; i < length; i++) {
                if (random.nextInt(4) == 0) {
                    text.appendCodePoint(first + random.nextInt(count));
                } else {
                    text.append((char) ('a' + random.nextInt(26)));
                }
            }
            return text.toString();
        }

        private long newBytes() {
            byte[] content = new byte[random.nextInt(49)];
            random.nextBytes(content);
            return py.newBytes(content);
        }

        /** A small hashable object: an int or a short str. New reference. */
        private long newItem() {
            return random.nextBoolean()
                    ? py.newInt(random.nextInt(2000) - 1000)
                    : py.newStr("item" + random.nextInt(500));
        }

        private long newTuple() {
            long[] items = new long[random.nextInt(6)];
            for (int i = 0; i < items.length; i++) {
                items[i] = newItem();
            }
            long tuple = py.newTuple(items);
            for (long item : items) {
                py.decref(item); // the tuple took its own references
            }
            return tuple;
        }

        private long newList() {
            long list = py.newList();
            int length = random.nextInt(20);
            for (int i = 0; i < length; i++) {
                long item = random.nextInt(8) == 0 ? newTuple() : newItem();
                py.listAppend(list, item);
                py.decref(item);
            }
            return list;
        }

        private long newDict(boolean strKeys) {
            long dict = py.newDict();
            int length = random.nextInt(12);
            for (int i = 0; i < length; i++) {
                long key = strKeys ? py.newStr("key" + random.nextInt(100)) : py.newInt(random.nextInt(1000));
                long value = newItem();
                py.dictSet(dict, key, value);
                py.decref(key);
                py.decref(value);
            }
            return dict;
        }

        private long newSet() {
            long set = py.newSet();
            int length = random.nextInt(12);
            for (int i = 0; i < length; i++) {
                long item = newItem();
                py.setAdd(set, item);
                py.decref(item);
            }
            return set;
        }

        /** A {@code Point} with three attributes in its {@code __dict__}. New reference. */
        private long newPoint() {
            long instance = py.newInstance(point);
            setNew(instance, "x", py.newInt(random.nextInt(1000)));
            setNew(instance, "y", py.newFloat(random.nextDouble()));
            setNew(instance, "name", py.newStr("p" + random.nextInt(100)));
            return instance;
        }

        /** A {@code Pair} with both slots filled. New reference. */
        private long newPair() {
            long instance = py.newInstance(pair);
            setNew(instance, "left", newItem());
            setNew(instance, "right", newItem());
            return instance;
        }

        /** Sets an attribute to a new reference and releases the caller's reference. */
        private void setNew(long object, String name, long value) {
            py.setAttr(object, name, value);
            py.decref(value);
        }

        /** Builds a reference cycle and drops every reference to it from outside. */
        private void dropCycle() {
            switch (random.nextInt(4)) {
                case 0 -> { // l = []; l.append(l)
                    long list = py.newList();
                    py.listAppend(list, list);
                    py.decref(list);
                }
                case 1 -> { // d = {}; d["self"] = d
                    long dict = py.newDict();
                    long key = py.newStr("self");
                    py.dictSet(dict, key, dict);
                    py.decref(key);
                    py.decref(dict);
                }
                case 2 -> { // a.peer = b; b.peer = a, through __dict__s
                    long a = newPoint();
                    long b = newPoint();
                    py.setAttr(a, "peer", b);
                    py.setAttr(b, "peer", a);
                    py.decref(a);
                    py.decref(b);
                }
                default -> { // the same through __slots__
                    long a = py.newInstance(pair);
                    long b = py.newInstance(pair);
                    py.setAttr(a, "left", b);
                    py.setAttr(b, "left", a);
                    setNew(a, "right", newItem());
                    py.decref(a);
                    py.decref(b);
                }
            }
        }
    }
}
