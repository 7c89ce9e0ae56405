package org.pymemlab.workloads;

import com.google.auto.service.AutoService;
import com.typesafe.config.Config;
import java.util.Random;
import org.pymemlab.runtime.Mutator;
import org.pymemlab.runtime.config.TypedSettings;

/**
 * Most objects die young: each of {@code operations} steps evaluates a small expression whose intermediate
 * objects (ints, floats, a tuple, a short str, a small list) are dropped at once, as {@code a + b * c} and
 * {@code f"{x}-{y}"} drop theirs. A {@code survivor-fraction} of the results is kept in the root list
 * {@code survivors}, which holds at most {@code survivors} entries (a new survivor replaces a random old one).
 * Nothing is cyclic: every collector frees everything. {@link Mutator#safePoint()} is called after each step;
 * the root is released at the end.
 */
@AutoService(Workload.class)
public final class TemporariesWorkload implements Workload {

    static final String CONFIG_PATH = "pymem.workloads.temporaries";

    /**
     * @param operations steps run
     * @param survivorFraction share of the results kept, 0 to 1
     * @param survivors at most this many kept at a time
     * @param seed seed of the values and the choices
     */
    record Settings(int operations, double survivorFraction, int survivors, long seed) {
        static Settings from(Config config) {
            return new Settings(
                    TypedSettings.intInRange(config, CONFIG_PATH + ".operations", 0, Integer.MAX_VALUE),
                    TypedSettings.doubleInRange(config, CONFIG_PATH + ".survivor-fraction", 0.0, 1.0),
                    TypedSettings.intInRange(config, CONFIG_PATH + ".survivors", 1, Integer.MAX_VALUE),
                    TypedSettings.longInRange(config, CONFIG_PATH + ".seed", Long.MIN_VALUE, Long.MAX_VALUE));
        }
    }

    public TemporariesWorkload() {
    }

    @Override
    public String id() {
        return "temporaries";
    }

    @Override
    public String description() {
        return "Most objects die young: small expressions whose temporaries are dropped at once, few survivors";
    }

    @Override
    public String configPath() {
        return CONFIG_PATH;
    }

    @Override
    public void run(Mutator py, Config config) {
        Settings settings = Settings.from(config);
        Random random = new Random(settings.seed());
        long survivors = Roots.bind(py, "survivors", py.newList());
        for (int i = 0; i < settings.operations(); i++) {
            long result = step(py, random);
            if (random.nextDouble() < settings.survivorFraction()) {
                long size = py.len(survivors);
                if (size < settings.survivors()) {
                    py.listAppend(survivors, result);
                } else {
                    py.listSet(survivors, random.nextInt((int) size), result);
                }
            }
            py.decref(result);
            py.safePoint();
        }
        py.delRoot("survivors");
    }

    /** One expression; its temporaries die here. New reference to the result. */
    private static long step(Mutator py, Random random) {
        return switch (random.nextInt(4)) {
            case 0 -> { // a + b * c on ints, most beyond the small-int cache
                long a = py.newInt(random.nextInt(100_000));
                long b = py.newInt(random.nextInt(1_000));
                long product = py.newInt(py.intValue(b) * random.nextInt(1_000));
                long sum = py.newInt(py.intValue(a) + py.intValue(product));
                py.decref(a);
                py.decref(b);
                py.decref(product);
                yield sum;
            }
            case 1 -> { // x * 0.5 + y on floats
                long x = py.newFloat(random.nextDouble() * 100);
                long half = py.newFloat(py.floatValue(x) * 0.5);
                long result = py.newFloat(py.floatValue(half) + random.nextDouble());
                py.decref(x);
                py.decref(half);
                yield result;
            }
            case 2 -> { // f"{x}-{y}" through a tuple of parts
                long x = py.newInt(random.nextInt(10_000));
                long y = py.newStr(Integer.toString(random.nextInt(10_000)));
                long parts = py.newTuple(x, y);
                long text = py.newStr(py.intValue(x) + "-" + py.strValue(y));
                py.decref(x);
                py.decref(y);
                py.decref(parts);
                yield text;
            }
            default -> { // [i * 2 for i in range(n)] reduced to its length
                int n = random.nextInt(8);
                long list = py.newList();
                for (int i = 0; i < n; i++) {
                    Roots.appendNew(py, list, py.newInt(i * 2L + random.nextInt(500)));
                }
                long length = py.newInt(py.len(list));
                py.decref(list);
                yield length;
            }
        };
    }
}
