package org.pymemlab.workloads;

import com.google.auto.service.AutoService;
import com.typesafe.config.Config;
import java.util.Random;
import org.pymemlab.runtime.Mutator;
import org.pymemlab.runtime.config.TypedSettings;

/**
 * Many equal strings built at run time, where interning pays: a program reading {@code records} log records
 * keeps each as a tuple {@code (level, category, user, n)} in the root list {@code records}. The level and
 * category strings come from small vocabularies ({@code vocabulary} categories) but each is built afresh from its
 * parts, as a parser builds them; with {@code intern = true} the program passes them through
 * {@code sys.intern} (as one does for field values it knows repeat), so with CPython's interning all equal
 * strings are one object, and with {@code none} each record keeps its own copies. The {@code user} field is a
 * one-character name half of the time (CPython caches those) and otherwise unique. All records stay alive until
 * the end, when the root is released. {@link Mutator#safePoint()} is called after each record.
 */
@AutoService(Workload.class)
public final class StringDedupWorkload implements Workload {

    static final String CONFIG_PATH = "pymem.workloads.string-dedup";

    private static final String[] LEVELS = {"DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"};

    /**
     * @param records records built and kept
     * @param vocabulary distinct category strings
     * @param intern whether the program calls {@code sys.intern} on the repeating fields
     * @param seed seed of the fields
     */
    record Settings(int records, int vocabulary, boolean intern, long seed) {
        static Settings from(Config config) {
            return new Settings(
                    TypedSettings.intInRange(config, CONFIG_PATH + ".records", 0, Integer.MAX_VALUE),
                    TypedSettings.intInRange(config, CONFIG_PATH + ".vocabulary", 1, Integer.MAX_VALUE),
                    TypedSettings.bool(config, CONFIG_PATH + ".intern"),
                    TypedSettings.longInRange(config, CONFIG_PATH + ".seed", Long.MIN_VALUE, Long.MAX_VALUE));
        }
    }

    public StringDedupWorkload() {
    }

    @Override
    public String id() {
        return "string-dedup";
    }

    @Override
    public String description() {
        return "Many equal strings built at run time and kept, passed through sys.intern: where interning pays";
    }

    @Override
    public String configPath() {
        return CONFIG_PATH;
    }

    @Override
    public void run(Mutator py, Config config) {
        Settings settings = Settings.from(config);
        Random random = new Random(settings.seed());
        long records = Roots.bind(py, "records", py.newList());
        for (int i = 0; i < settings.records(); i++) {
            long level = field(py, settings, LEVELS[random.nextInt(LEVELS.length)]);
            long category = field(py, settings, "service." + "component-" + random.nextInt(settings.vocabulary()));
            long user = py.newStr(random.nextBoolean()
                    ? String.valueOf((char) ('a' + random.nextInt(26)))
                    : "user" + i);
            long n = py.newInt(i);
            long record = py.newTuple(level, category, user, n);
            py.decref(level);
            py.decref(category);
            py.decref(user);
            py.decref(n);
            Roots.appendNew(py, records, record);
            py.safePoint();
        }
        py.delRoot("records");
    }

    /** A str built at run time, interned when the program interns. New reference. */
    private static long field(Mutator py, Settings settings, String text) {
        long built = py.newStr(new StringBuilder(text).toString());
        if (!settings.intern()) {
            return built;
        }
        long interned = py.intern(built);
        py.decref(built);
        return interned;
    }
}
