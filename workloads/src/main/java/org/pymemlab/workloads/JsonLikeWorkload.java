package org.pymemlab.workloads;

import com.google.auto.service.AutoService;
import com.typesafe.config.Config;
import java.util.Random;
import org.pymemlab.runtime.Mutator;
import org.pymemlab.runtime.config.TypedSettings;

/**
 * Many small dicts with the same str keys, as {@code json.loads} of a list of records makes: each round decodes
 * a batch of {@code records-per-round} objects {@code {"id": int, "name": str, "active": bool, "score": float,
 * "tags": [str, ...]}} into the root list {@code batch}, reads a field of each, and drops the batch. Like the
 * json decoder's key memo, the five keys are built once per batch and shared by its dicts when
 * {@code memo-keys} is on; off, each dict gets its own key strings. Nothing is cyclic.
 * {@link Mutator#safePoint()} is called after each record; the last batch is released at the end.
 */
@AutoService(Workload.class)
public final class JsonLikeWorkload implements Workload {

    static final String CONFIG_PATH = "pymem.workloads.json-like";

    private static final String[] KEYS = {"id", "name", "active", "score", "tags"};

    /**
     * @param rounds batches decoded
     * @param recordsPerRound dicts in a batch
     * @param memoKeys whether a batch's dicts share one set of key strings
     * @param seed seed of the values
     */
    record Settings(int rounds, int recordsPerRound, boolean memoKeys, long seed) {
        static Settings from(Config config) {
            return new Settings(
                    TypedSettings.intInRange(config, CONFIG_PATH + ".rounds", 0, Integer.MAX_VALUE),
                    TypedSettings.intInRange(config, CONFIG_PATH + ".records-per-round", 0, Integer.MAX_VALUE),
                    TypedSettings.bool(config, CONFIG_PATH + ".memo-keys"),
                    TypedSettings.longInRange(config, CONFIG_PATH + ".seed", Long.MIN_VALUE, Long.MAX_VALUE));
        }
    }

    public JsonLikeWorkload() {
    }

    @Override
    public String id() {
        return "json-like";
    }

    @Override
    public String description() {
        return "Batches of small dicts with the same str keys, as json.loads of a list of records";
    }

    @Override
    public String configPath() {
        return CONFIG_PATH;
    }

    @Override
    public void run(Mutator py, Config config) {
        Settings settings = Settings.from(config);
        Random random = new Random(settings.seed());
        long[] memo = new long[KEYS.length];
        for (int round = 0; round < settings.rounds(); round++) {
            long batch = Roots.bind(py, "batch", py.newList());
            if (settings.memoKeys()) {
                for (int k = 0; k < KEYS.length; k++) {
                    memo[k] = py.newStr(new StringBuilder(KEYS[k]).toString());
                }
            }
            for (int i = 0; i < settings.recordsPerRound(); i++) {
                long record = py.newDict();
                for (int k = 0; k < KEYS.length; k++) {
                    long key = settings.memoKeys() ? memo[k] : py.newStr(new StringBuilder(KEYS[k]).toString());
                    long value = value(py, random, k, i);
                    py.dictSet(record, key, value);
                    py.decref(value);
                    if (!settings.memoKeys()) {
                        py.decref(key);
                    }
                }
                Roots.appendNew(py, batch, record);
                py.safePoint();
            }
            if (settings.memoKeys()) {
                for (long key : memo) {
                    py.decref(key);
                }
            }
            // total += sum(r["score"] for r in batch): a read of every record
            long scoreKey = py.newStr("score");
            double total = 0;
            for (int i = 0; i < settings.recordsPerRound(); i++) {
                total += py.floatValue(py.dictGet(py.listGet(batch, i), scoreKey));
            }
            py.decref(scoreKey);
            py.delRoot("batch");
            py.safePoint();
        }
    }

    /** The value of key {@code k} of record {@code i}. New reference. */
    private static long value(Mutator py, Random random, int k, int i) {
        return switch (k) {
            case 0 -> py.newInt(i);
            case 1 -> py.newStr("name-" + random.nextInt(100_000));
            case 2 -> {
                long flag = py.bool(random.nextBoolean());
                py.incref(flag);
                yield flag;
            }
            case 3 -> py.newFloat(random.nextDouble() * 100);
            default -> {
                long tags = py.newList();
                int n = random.nextInt(4);
                for (int t = 0; t < n; t++) {
                    Roots.appendNew(py, tags, py.newStr("tag" + random.nextInt(20)));
                }
                yield tags;
            }
        };
    }
}
