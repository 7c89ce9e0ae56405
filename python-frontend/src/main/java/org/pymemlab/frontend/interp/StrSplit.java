package org.pymemlab.frontend.interp;

import java.util.ArrayList;
import java.util.List;
import org.pymemlab.runtime.Mutator;

/**
 * str.split, str.rsplit and str.splitlines as CPython's stringlib makes them, with the lists it makes:
 * split's list is {@code PyList_New} of a preallocation guessed from maxsplit (at most 12; 3.12 and later
 * derive maxsplit from the string's length when none is given, 3.11 takes it as unlimited), splitlines' list
 * grows by appends. A str that is not split at all is the list's one item itself (exact str only).
 */
final class StrSplit {

    /** stringlib's MAX_PREALLOC. */
    private static final int MAX_PREALLOC = 12;

    private StrSplit() {
    }

    /** Py_UNICODE_ISSPACE: the characters str.split() and str.isspace() take for whitespace. */
    static boolean isSpace(int c) {
        return c >= 0x09 && c <= 0x0D || c >= 0x1C && c <= 0x20 || c == 0x85 || c == 0xA0 || c == 0x1680
                || c >= 0x2000 && c <= 0x200A || c == 0x2028 || c == 0x2029 || c == 0x202F || c == 0x205F || c == 0x3000;
    }

    /** {@code s.split(sep, maxsplit)} or {@code s.rsplit(...)}: arguments positional or by keyword. New reference. */
    static long split(Interp in, long self, String s, boolean fromRight, long[] a, int n, String[] kw) {
        Mutator m = in.m;
        long sepArg = n > 0 ? a[0] : Builtins.kwValue(a, kw, "sep");
        long maxArg = n > 1 ? a[1] : Builtins.kwValue(a, kw, "maxsplit");
        long maxcount = maxArg == 0 ? -1 : m.intValue(maxArg);
        int len = s.codePointCount(0, s.length());
        boolean exact = !in.classOf(self).builtinSubclass;
        if (sepArg == 0 || sepArg == in.none) {
            if (maxcount < 0) {
                maxcount = in.minor >= 12 ? (len - 1) / 2 + 1 : Long.MAX_VALUE;
            }
            List<String> parts = fromRight ? rsplitWhitespace(s, maxcount) : splitWhitespace(s, maxcount);
            return list(in, self, s, parts, exact, maxcount);
        }
        if (in.kind(sepArg) != Interp.K_STR) {
            throw in.typeError("must be str or None, not " + in.classOf(sepArg).name);
        }
        String sep = m.strValue(sepArg);
        int sepLen = sep.codePointCount(0, sep.length());
        if (sepLen == 0) {
            throw in.error("ValueError", "empty separator");
        }
        if (maxcount < 0) {
            maxcount = in.minor >= 12 ? len / sepLen + 1 : Long.MAX_VALUE;
        }
        if (kind(s) < kind(sep) || len < sepLen) {
            // the separator cannot occur: PyList_New(1) holding the str itself
            long item = exact ? in.incref(self) : in.newStr(s);
            try {
                return in.os.newListWithRoom(1, item);
            } finally {
                m.decref(item);
            }
        }
        List<String> parts = fromRight ? rsplitSep(s, sep, maxcount) : splitSep(s, sep, maxcount);
        return list(in, self, s, parts, exact, maxcount);
    }

    /** PyUnicode_KIND: 1, 2 or 4 bytes per character. */
    private static int kind(String s) {
        int max = s.codePoints().max().orElse(0);
        return max > 0xFFFF ? 4 : max > 0xFF ? 2 : 1;
    }

    private static List<String> splitWhitespace(String s, long maxcount) {
        List<String> parts = new ArrayList<>();
        int i = 0;
        int end = s.length();
        while (maxcount-- > 0) {
            while (i < end && isSpace(s.charAt(i))) {
                i++;
            }
            if (i == end) {
                break;
            }
            int j = i;
            while (i < end && !isSpace(s.charAt(i))) {
                i++;
            }
            parts.add(s.substring(j, i));
        }
        if (i < end) {
            // maxsplit reached: the rest, leading whitespace skipped, is the last part
            while (i < end && isSpace(s.charAt(i))) {
                i++;
            }
            if (i != end) {
                parts.add(s.substring(i));
            }
        }
        return parts;
    }

    private static List<String> rsplitWhitespace(String s, long maxcount) {
        List<String> parts = new ArrayList<>();
        int i = s.length() - 1;
        while (maxcount-- > 0) {
            while (i >= 0 && isSpace(s.charAt(i))) {
                i--;
            }
            if (i < 0) {
                break;
            }
            int j = i;
            while (i >= 0 && !isSpace(s.charAt(i))) {
                i--;
            }
            parts.add(0, s.substring(i + 1, j + 1));
        }
        if (i >= 0) {
            while (i >= 0 && isSpace(s.charAt(i))) {
                i--;
            }
            if (i >= 0) {
                parts.add(0, s.substring(0, i + 1));
            }
        }
        return parts;
    }

    private static List<String> splitSep(String s, String sep, long maxcount) {
        List<String> parts = new ArrayList<>();
        int from = 0;
        while (maxcount-- > 0) {
            int at = s.indexOf(sep, from);
            if (at < 0) {
                break;
            }
            parts.add(s.substring(from, at));
            from = at + sep.length();
        }
        parts.add(s.substring(from));
        return parts;
    }

    private static List<String> rsplitSep(String s, String sep, long maxcount) {
        List<String> parts = new ArrayList<>();
        int to = s.length();
        while (maxcount-- > 0) {
            int at = to - sep.length() < 0 ? -1 : s.lastIndexOf(sep, to - sep.length());
            if (at < 0) {
                break;
            }
            parts.add(0, s.substring(at + sep.length(), to));
            to = at;
        }
        parts.add(0, s.substring(0, to));
        return parts;
    }

    /** The result list: PyList_New(PREALLOC_SIZE(maxcount)), the exact str itself when nothing was split off. */
    private static long list(Interp in, long self, String s, List<String> parts, boolean exact, long maxcount) {
        long room = maxcount >= MAX_PREALLOC ? MAX_PREALLOC : maxcount + 1;
        long[] items = new long[parts.size()];
        try {
            for (int i = 0; i < items.length; i++) {
                String p = parts.get(i);
                items[i] = items.length == 1 && exact && p.length() == s.length() ? in.incref(self) : in.newStr(p);
            }
            return in.os.newListWithRoom(room, items);
        } finally {
            in.release(items);
        }
    }

    /** {@code s.splitlines(keepends)}: the list grows by appends from empty (PyList_New(0)). New reference. */
    static long splitlines(Interp in, long self, String s, long[] a, int n, String[] kw) {
        long keepArg = n > 0 ? a[0] : Builtins.kwValue(a, kw, "keepends");
        boolean keepends = keepArg != 0 && in.truthy(keepArg);
        List<String> lines = new ArrayList<>();
        int i = 0;
        int end = s.length();
        while (i < end) {
            int j = i;
            while (i < end && !isLineBreak(s.charAt(i))) {
                i++;
            }
            int eol = i;
            if (i < end) {
                if (s.charAt(i) == '\r' && i + 1 < end && s.charAt(i + 1) == '\n') {
                    i += 2;
                } else {
                    i++;
                }
                if (keepends) {
                    eol = i;
                }
            }
            lines.add(s.substring(j, eol));
        }
        boolean exact = !in.classOf(self).builtinSubclass;
        long list = in.m.newList();
        try {
            for (String line : lines) {
                // no line break at all: the exact str itself is the one line
                long item = lines.size() == 1 && exact && line.length() == s.length() ? in.incref(self) : in.newStr(line);
                try {
                    in.m.listAppend(list, item);
                } finally {
                    in.m.decref(item);
                }
            }
        } catch (RuntimeException e) {
            in.m.decref(list);
            throw e;
        }
        return list;
    }

    /** Py_UNICODE_ISLINEBREAK. */
    private static boolean isLineBreak(char c) {
        return c == '\n' || c == '\r' || c == 0x0B || c == 0x0C || c >= 0x1C && c <= 0x1E || c == 0x85
                || c == 0x2028 || c == 0x2029;
    }
}
