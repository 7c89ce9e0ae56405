package org.pymemlab.cli.compare;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.List;

/**
 * What every cell of a comparison shares: the extra settings and how many times to run.
 *
 * @param sets {@code key=value} pairs layered over the configuration, as {@code --set} does
 * @param configFile a HOCON file layered under the pairs, or null
 * @param repeat measured repetitions per cell
 * @param warmup repetitions run first and thrown away
 * @param sampleEvery mutator operations between memory samples
 */
public record CellSettings(List<String> sets, Path configFile, int repeat, int warmup, long sampleEvery) {

    public CellSettings {
        sets = List.copyOf(requireNonNull(sets, "sets is null"));
        configFile = configFile == null ? null : configFile.toAbsolutePath();
        if (repeat < 1 || warmup < 0 || sampleEvery < 1) {
            throw new IllegalArgumentException("repeat >= 1, warmup >= 0, sampleEvery >= 1: " + repeat + ", "
                    + warmup + ", " + sampleEvery);
        }
    }
}
