package org.pymemlab.workloads;

import com.google.auto.service.AutoService;
import com.typesafe.config.Config;
import java.util.Random;
import org.pymemlab.runtime.Mutator;
import org.pymemlab.runtime.config.TypedSettings;

/**
 * Lists grown by appends to random sizes, then shrunk by pops: each of {@code lists} steps builds an empty list,
 * appends small ints to a random length up to {@code max-length} (so the item array is resized along CPython's
 * growth formula, reallocating), pops a random share of the items again ({@code list_resize} shrinks the array
 * when it falls under half), and stores the list in the root list {@code live}, which holds at most
 * {@code live-lists} lists (a new one replaces a random old one, freeing it). Nothing is cyclic.
 * {@link Mutator#safePoint()} is called after each list; the root is released at the end.
 */
@AutoService(Workload.class)
public final class ListGrowthWorkload implements Workload {

    static final String CONFIG_PATH = "pymem.workloads.list-growth";

    /**
     * @param lists lists built
     * @param maxLength longest list built
     * @param popFraction largest share of a list's items popped again, 0 to 1
     * @param liveLists lists kept alive at a time
     * @param seed seed of the lengths and choices
     */
    record Settings(int lists, int maxLength, double popFraction, int liveLists, long seed) {
        static Settings from(Config config) {
            return new Settings(
                    TypedSettings.intInRange(config, CONFIG_PATH + ".lists", 0, Integer.MAX_VALUE),
                    TypedSettings.intInRange(config, CONFIG_PATH + ".max-length", 0, 1 << 24),
                    TypedSettings.doubleInRange(config, CONFIG_PATH + ".pop-fraction", 0.0, 1.0),
                    TypedSettings.intInRange(config, CONFIG_PATH + ".live-lists", 1, Integer.MAX_VALUE),
                    TypedSettings.longInRange(config, CONFIG_PATH + ".seed", Long.MIN_VALUE, Long.MAX_VALUE));
        }
    }

    public ListGrowthWorkload() {
    }

    @Override
    public String id() {
        return "list-growth";
    }

    @Override
    public String description() {
        return "Lists grown by appends to random sizes and shrunk by pops, a bounded set of them alive";
    }

    @Override
    public String configPath() {
        return CONFIG_PATH;
    }

    @Override
    public void run(Mutator py, Config config) {
        Settings settings = Settings.from(config);
        Random random = new Random(settings.seed());
        long live = Roots.bind(py, "live", py.newList());
        for (int i = 0; i < settings.lists(); i++) {
            long list = py.newList();
            // Skewed towards short lists, as most are: the square of a uniform draw.
            double u = random.nextDouble();
            int length = (int) (u * u * settings.maxLength());
            for (int j = 0; j < length; j++) {
                Roots.appendNew(py, list, py.newInt(random.nextInt(1000)));
            }
            int pops = (int) (length * settings.popFraction() * random.nextDouble());
            for (int j = 0; j < pops; j++) {
                py.decref(py.listPop(list, -1));
            }
            long size = py.len(live);
            if (size < settings.liveLists()) {
                py.listAppend(live, list);
            } else {
                py.listSet(live, random.nextInt((int) size), list);
            }
            py.decref(list);
            py.safePoint();
        }
        py.delRoot("live");
    }
}
