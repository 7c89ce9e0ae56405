package org.pymemlab.runtime.profile;

import com.typesafe.config.Config;
import org.pymemlab.api.PluginConfigException;

/**
 * The CPython version the heap reproduces: layouts, immortality and free-list limits, read once from
 * {@code pymem.runtime} (which the chosen profile file fills in).
 */
public record Profile(
        String id,
        String pythonVersion,
        boolean immortality,
        long immortalRefcount,
        long staticRefcount,
        boolean internedStringsImmortal,
        boolean constantNoneHash,
        boolean latin1CharUtf8,
        Layout layout,
        FreeListLimits freeLists) {

    /** Fixed sizes of the built-in objects (64-bit). */
    public record Layout(
            int intHeader,
            boolean intLvTag,
            int strAsciiHeader,
            int strCompactHeader,
            int bytesHeader,
            int floatSize,
            int tupleHeader,
            int listSize,
            int dictSize,
            int dictKeysHeader,
            int setSize,
            int weakrefSize,
            int instanceBasicsize,
            int instancePreheader,
            boolean instanceWeaklistInline,
            boolean instanceValuesInline,
            boolean varSizedDictAtEnd,
            int sharedKeysMax,
            int heapTypeSize,
            int gcHeader) {
    }

    /** How many deallocated objects each free list keeps; all zero when free lists are off. */
    public record FreeListLimits(int floats, int tuplesPerSize, int tupleMaxSize, int lists, int dicts, int dictKeys) {

        static final FreeListLimits NONE = new FreeListLimits(0, 0, 0, 0, 0, 0);
    }

    /** Reads {@code pymem.profile} and {@code pymem.runtime}. */
    public static Profile from(Config config) {
        Config r = config.getConfig("pymem.runtime");
        Config l = r.getConfig("layout");
        Config f = r.getConfig("free-lists");
        String immortality = r.getString("immortality");
        if (!immortality.equals("none") && !immortality.equals("saturating-32")) {
            throw new PluginConfigException("pymem.runtime.immortality", immortality, "one of none, saturating-32");
        }
        String intTag = l.getString("int-tag");
        if (!intTag.equals("ob-size") && !intTag.equals("lv-tag")) {
            throw new PluginConfigException("pymem.runtime.layout.int-tag", intTag, "one of ob-size, lv-tag");
        }
        String weaklist = l.getString("instance-weaklist");
        if (!weaklist.equals("inline") && !weaklist.equals("preheader")) {
            throw new PluginConfigException(
                    "pymem.runtime.layout.instance-weaklist", weaklist, "one of inline, preheader");
        }
        String varSizedDict = l.getString("var-sized-dict");
        if (!varSizedDict.equals("end") && !varSizedDict.equals("preheader")) {
            throw new PluginConfigException("pymem.runtime.layout.var-sized-dict", varSizedDict, "one of end, preheader");
        }
        Layout layout = new Layout(
                positive(config, "pymem.runtime.layout.int-header"), intTag.equals("lv-tag"),
                positive(config, "pymem.runtime.layout.str-ascii-header"), positive(config, "pymem.runtime.layout.str-compact-header"),
                positive(config, "pymem.runtime.layout.bytes-header"), positive(config, "pymem.runtime.layout.float-size"), positive(config, "pymem.runtime.layout.tuple-header"),
                positive(config, "pymem.runtime.layout.list-size"), positive(config, "pymem.runtime.layout.dict-size"), positive(config, "pymem.runtime.layout.dict-keys-header"),
                positive(config, "pymem.runtime.layout.set-size"), positive(config, "pymem.runtime.layout.weakref-size"), positive(config, "pymem.runtime.layout.instance-basicsize"),
                nonNegative(config, "pymem.runtime.layout.instance-preheader"), weaklist.equals("inline"),
                instanceValues(l.getString("instance-values")), varSizedDict.equals("end"), sharedKeysMax(config),
                positive(config, "pymem.runtime.layout.heap-type-size"), nonNegative(config, "pymem.runtime.layout.gc-header"));
        FreeListLimits limits = f.getBoolean("enabled")
                ? new FreeListLimits(nonNegative(config, "pymem.runtime.free-lists.float"), nonNegative(config, "pymem.runtime.free-lists.tuple"), nonNegative(config, "pymem.runtime.free-lists.tuple-max-size"),
                        nonNegative(config, "pymem.runtime.free-lists.list"), nonNegative(config, "pymem.runtime.free-lists.dict"), nonNegative(config, "pymem.runtime.free-lists.dict-keys"))
                : FreeListLimits.NONE;
        return new Profile(config.getString("pymem.profile"), r.getString("python-version"),
                immortality.equals("saturating-32"), r.getLong("immortal-refcount"), r.getLong("static-refcount"),
                r.getBoolean("interned-strings-immortal"), noneHash(r.getString("none-hash")),
                r.getBoolean("latin1-char-utf8"), layout, limits);
    }

    /** The shared keys table has 64 slots, so at most two thirds of them (42) can be used. */
    private static int sharedKeysMax(Config config) {
        String key = "pymem.runtime.layout.shared-keys-max";
        int v = config.getInt(key);
        if (v < 1 || v > 42) {
            throw new PluginConfigException(key, v, "a number from 1 to 42 (a 64-slot table's usable fraction)");
        }
        return v;
    }

    private static boolean instanceValues(String value) {
        if (!value.equals("separate") && !value.equals("inline")) {
            throw new PluginConfigException("pymem.runtime.layout.instance-values", value, "one of separate, inline");
        }
        return value.equals("inline");
    }

    private static boolean noneHash(String value) {
        if (!value.equals("address") && !value.equals("constant")) {
            throw new PluginConfigException("pymem.runtime.none-hash", value, "one of address, constant");
        }
        return value.equals("constant");
    }

    private static int positive(Config c, String key) {
        int v = c.getInt(key);
        if (v <= 0) {
            throw new PluginConfigException(key, v, "a positive number of bytes");
        }
        return v;
    }

    private static int nonNegative(Config c, String key) {
        int v = c.getInt(key);
        if (v < 0) {
            throw new PluginConfigException(key, v, "a number >= 0");
        }
        return v;
    }
}
