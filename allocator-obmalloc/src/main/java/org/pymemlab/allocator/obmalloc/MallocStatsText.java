package org.pymemlab.allocator.obmalloc;

import java.util.Locale;

/**
 * The obmalloc part of {@code sys._debugmallocstats()}, in {@code _PyObject_DebugMallocStats}'s
 * layout: the class table (classes without pools skipped), the arena counts, where the arena bytes
 * went (the six lines above "Total" add up to arenas × arena size), and the arena map counts.
 */
final class MallocStatsText {

    private MallocStatsText() {
    }

    static String render(ObmallocSettings settings, PoolCensus census, ArenaTable arenas, ArenaMap map) {
        StringBuilder out = new StringBuilder(2048);
        int classes = settings.sizeClasses();
        out.append("Small block threshold = ").append(settings.smallRequestThreshold())
                .append(", in ").append(classes).append(" size classes.\n\n");
        out.append("class   size   num pools   blocks in use  avail blocks\n")
                .append("-----   ----   ---------   -------------  ------------\n");
        for (int i = 0; i < classes; i++) {
            if (census.numPools[i] == 0) {
                continue;
            }
            out.append(String.format(Locale.ROOT, "%5d %6d %11d %15d %13d\n", i, settings.blockSize(i),
                    census.numPools[i], census.numBlocks[i], census.numFreeBlocks[i]));
        }
        out.append('\n');
        long narenas = census.arenas;
        printone(out, "# arenas allocated total", arenas.timesAllocated());
        printone(out, "# arenas reclaimed", arenas.timesAllocated() - narenas);
        printone(out, "# arenas highwater mark", arenas.highwater());
        printone(out, "# arenas allocated current", narenas);
        printone(out, narenas + " arenas * " + settings.arenaSize() + " bytes/arena", narenas * settings.arenaSize());
        out.append('\n');
        long total = printone(out, "# bytes in allocated blocks", census.allocatedBytes);
        total += printone(out, "# bytes in available blocks", census.availableBytes);
        total += printone(out, census.unusedPools + " unused pools * " + settings.poolSize() + " bytes",
                census.unusedPools * settings.poolSize());
        total += printone(out, "# bytes lost to pool headers", census.poolHeaderBytes);
        total += printone(out, "# bytes lost to quantization", census.quantizationBytes);
        total += printone(out, "# bytes lost to arena alignment", census.arenaAlignmentBytes);
        printone(out, "Total", total);

        out.append("\narena map counts\n");
        printone(out, "# arena map mid nodes", map.midNodes());
        printone(out, "# arena map bot nodes", map.bottomNodes());
        out.append('\n');
        long mapTotal = printone(out, "# bytes lost to arena map root", map.rootBytes());
        mapTotal += printone(out, "# bytes lost to arena map mid", map.midNodeBytes() * map.midNodes());
        mapTotal += printone(out, "# bytes lost to arena map bot", map.bottomNodeBytes() * map.bottomNodes());
        printone(out, "Total", mapTotal);
        return out.toString();
    }

    /** obmalloc.c printone: label padded to column 35, '=', value with commas right-aligned in 21. */
    static long printone(StringBuilder out, String label, long value) {
        out.append(label);
        for (int i = label.length(); i < 35; i++) {
            out.append(' ');
        }
        out.append('=');
        String digits = String.format(Locale.ROOT, "%,d", value);
        for (int i = digits.length(); i < 21; i++) {
            out.append(' ');
        }
        out.append(digits).append('\n');
        return value;
    }
}
