package org.pymemlab.workloads;

import com.typesafe.config.Config;
import org.pymemlab.runtime.config.TypedSettings;

/**
 * The settings of {@link MixedSmallWorkload}, read from {@code pymem.workloads.mixed-small}.
 *
 * @param rounds rounds to run
 * @param objectsPerRound objects built per round
 * @param seed the seed of the program's random choices
 * @param cycleFraction share of the objects built as reference cycles and dropped, 0 to 1
 */
record MixedSmallSettings(int rounds, int objectsPerRound, long seed, double cycleFraction) {

    static MixedSmallSettings from(Config config) {
        String path = MixedSmallWorkload.CONFIG_PATH;
        return new MixedSmallSettings(
                TypedSettings.intInRange(config, path + ".rounds", 0, Integer.MAX_VALUE),
                TypedSettings.intInRange(config, path + ".objects-per-round", 0, Integer.MAX_VALUE),
                TypedSettings.longInRange(config, path + ".seed", Long.MIN_VALUE, Long.MAX_VALUE),
                TypedSettings.doubleInRange(config, path + ".cycle-fraction", 0.0, 1.0));
    }
}
