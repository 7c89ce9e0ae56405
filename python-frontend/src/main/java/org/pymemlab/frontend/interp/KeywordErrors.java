package org.pymemlab.frontend.interp;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The TypeError for a keyword argument a callable does not take, as each version words it, and 3.13's
 * "Did you mean" suggestion (Python/suggestions.c: an edit distance over UTF-8 bytes where a case flip costs
 * half a move, at most a third of the characters changed).
 */
final class KeywordErrors {

    private static final int MOVE_COST = 2;
    private static final int CASE_COST = 1;
    private static final int MAX_STRING_SIZE = 40;
    private static final int MAX_CANDIDATE_ITEMS = 750;

    private KeywordErrors() {
    }

    /**
     * A built-in's unknown keyword (Argument Clinic and PyArg_ParseTupleAndKeywords): 3.11 and 3.12 say
     * {@code 'k' is an invalid keyword argument for f()}, 3.13 {@code f() got an unexpected keyword argument
     * 'k'} with a suggestion from {@code accepted}.
     */
    static PyRaise builtin(Interp in, String function, String keyword, List<String> accepted) {
        if (in.minor < 13) {
            return in.typeError("'" + keyword + "' is an invalid keyword argument for " + function + "()");
        }
        return function(in, function, keyword, accepted);
    }

    /** A Python function's unknown keyword: the suggestion from its parameters comes with 3.13. */
    static PyRaise function(Interp in, String qualname, String keyword, List<String> parameters) {
        String message = qualname + "() got an unexpected keyword argument '" + keyword + "'";
        String suggestion = in.minor >= 13 ? suggestion(parameters, keyword) : null;
        return in.typeError(suggestion == null ? message : message + ". Did you mean '" + suggestion + "'?");
    }

    /** calculate_suggestions: the closest candidate within the distance allowed, or null. */
    static String suggestion(List<String> candidates, String name) {
        if (candidates.size() >= MAX_CANDIDATE_ITEMS) {
            return null;
        }
        byte[] nameBytes = name.getBytes(StandardCharsets.UTF_8);
        String best = null;
        long bestDistance = Long.MAX_VALUE;
        for (String item : candidates) {
            if (item.equals(name)) {
                continue;
            }
            byte[] itemBytes = item.getBytes(StandardCharsets.UTF_8);
            // no more than a third of the characters involved may change, and a match must beat the best so far
            long maxDistance = Math.min((nameBytes.length + itemBytes.length + 3L) * MOVE_COST / 6, bestDistance - 1);
            long distance = levenshtein(nameBytes, itemBytes, maxDistance);
            if (distance <= maxDistance && (best == null || distance < bestDistance)) {
                best = item;
                bestDistance = distance;
            }
        }
        return best;
    }

    /** levenshtein_distance: common prefix and suffix trimmed, one row updated in place, early exit past max. */
    private static long levenshtein(byte[] x, byte[] y, long maxCost) {
        int aStart = 0;
        int bStart = 0;
        int aSize = x.length;
        int bSize = y.length;
        while (aSize > 0 && bSize > 0 && x[aStart] == y[bStart]) {
            aStart++;
            bStart++;
            aSize--;
            bSize--;
        }
        while (aSize > 0 && bSize > 0 && x[aStart + aSize - 1] == y[bStart + bSize - 1]) {
            aSize--;
            bSize--;
        }
        if (aSize == 0 || bSize == 0) {
            return (long) (aSize + bSize) * MOVE_COST;
        }
        if (aSize > MAX_STRING_SIZE || bSize > MAX_STRING_SIZE) {
            return maxCost + 1;
        }
        byte[] a = x;
        byte[] b = y;
        if (bSize < aSize) { // the shorter one is the row
            a = y;
            b = x;
            int t = aStart;
            aStart = bStart;
            bStart = t;
            t = aSize;
            aSize = bSize;
            bSize = t;
        }
        if ((long) (bSize - aSize) * MOVE_COST > maxCost) {
            return maxCost + 1;
        }
        long[] row = new long[aSize];
        for (int i = 0; i < aSize; i++) {
            row[i] = (long) (i + 1) * MOVE_COST;
        }
        long result = 0;
        for (int bi = 0; bi < bSize; bi++) {
            byte code = b[bStart + bi];
            long distance = result = (long) bi * MOVE_COST;
            long minimum = Long.MAX_VALUE;
            for (int i = 0; i < aSize; i++) {
                long substitute = distance + substitutionCost(code, a[aStart + i]);
                distance = row[i];
                long insertDelete = Math.min(result, distance) + MOVE_COST;
                result = Math.min(insertDelete, substitute);
                row[i] = result;
                minimum = Math.min(minimum, result);
            }
            if (minimum > maxCost) {
                return maxCost + 1;
            }
        }
        return result;
    }

    private static int substitutionCost(byte a, byte b) {
        if ((a & 31) != (b & 31)) {
            return MOVE_COST;
        }
        if (a == b) {
            return 0;
        }
        return lower(a) == lower(b) ? CASE_COST : MOVE_COST;
    }

    private static byte lower(byte c) {
        return c >= 'A' && c <= 'Z' ? (byte) (c + ('a' - 'A')) : c;
    }
}
