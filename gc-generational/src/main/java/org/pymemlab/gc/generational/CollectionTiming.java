package org.pymemlab.gc.generational;

/** When an automatic collection runs, once {@code count[0]} passed {@code threshold[0]}. */
enum CollectionTiming {
    /** Inside the allocation (3.11: {@code gc_alloc} calls {@code gc_collect_generations}). */
    IMMEDIATE("immediate"),
    /** At the next safe point (3.12+: {@code _Py_ScheduleGC}, run from the eval breaker). */
    SAFE_POINT("safe-point");

    private final String configName;

    CollectionTiming(String configName) {
        this.configName = configName;
    }

    String configName() {
        return configName;
    }

    /** The timing named {@code name} in the config, or null. */
    static CollectionTiming byConfigName(String name) {
        for (CollectionTiming t : values()) {
            if (t.configName.equals(name)) {
                return t;
            }
        }
        return null;
    }
}
