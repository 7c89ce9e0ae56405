package org.pymemlab.frontend.interp;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.pymemlab.api.collector.ObjectKind;

/**
 * {@code _re}: the matching engine under the bundled {@code re.py}. A pattern is translated by
 * {@link ReTranslator} and compiled to a {@link java.util.regex.Pattern}, held as the payload of a small host
 * object; matching answers positions in code points (a str's indices), which re.py turns into its Match objects.
 * Scanning for successive matches follows CPython's rule (3.7+): after an empty match, the next match may start at
 * the same place only if it is not empty.
 *
 * <ul>
 * <li>{@code compile(pattern, flags, error)}: {@code (code, flags, groups, groupindex)}; a bad pattern raises
 *     {@code error(msg, pattern, pos)}, OverflowError or ValueError as re does.
 * <li>{@code match(code, string, pos, endpos, mode)}: mode 0 match, 1 fullmatch, 2 search; None or the flat
 *     tuple {@code (start0, end0, start1, end1, ..., lastindex)}, -1 for a group that did not take part and
 *     lastindex 0 for none.
 * <li>{@code scan(code, string, pos, endpos, limit)}: a list of such tuples, successive matches (at most limit,
 *     0 for all).
 * <li>{@code scanner(code, string, pos, endpos)}, {@code scanner_next(scanner, mode)}: Pattern.scanner's state and
 *     its next match (mode 0) or search (mode 2), as such a tuple or None; {@code scanner_slice(scanner, start,
 *     end)}: the scanned string's slice, without reading the whole string again.
 * <li>{@code findall(code, string, pos, endpos)}: re.findall's list.
 * <li>{@code sub(code, string, count, template, callback)}: {@code (new string, n)}, see {@link #sub}.
 * <li>{@code split(code, string, maxsplit)}: re.split's list.
 * </ul>
 */
final class ReModule {

    private ReModule() {
    }

    /** A compiled pattern: Java's, and what maps its groups back to Python's. */
    private static final class Code {
        final Pattern pattern;
        final String javaSource;
        final int javaFlags;
        final boolean bytes;
        final int groups;
        final int[] javaGroup;
        final int[] parent;
        /** The pattern refusing an empty match where the search starts (\G is the region's start). */
        private Pattern advancing;

        Code(ReTranslator.Result r, Pattern pattern, boolean bytes) {
            this.pattern = pattern;
            this.javaSource = r.javaSource();
            this.javaFlags = r.javaFlags();
            this.bytes = bytes;
            this.groups = r.groups();
            this.javaGroup = r.javaGroup();
            this.parent = r.parent();
        }

        Pattern advancing() {
            if (advancing == null) {
                advancing = Pattern.compile("(?:" + javaSource + ")(?!\\G)", javaFlags);
            }
            return advancing;
        }
    }

    /**
     * A scanner's state (SRE_Scanner): where the next match or search starts, and whether it must not find an
     * empty match there (the previous match was empty); done once a match or search has failed.
     */
    private static final class Scanner {
        final Code code;
        final Subject sj;
        final int[] range;
        int at;
        boolean mustAdvance;
        boolean done;
        private Matcher plain;
        private Matcher advancing;

        Scanner(Code code, Subject sj, int[] range) {
            this.code = code;
            this.sj = sj;
            this.range = range;
            this.done = range == null;
            this.at = range == null ? 0 : range[0];
        }

        /** The next match (mode 0) or search (mode 2) as spans, or None. */
        long next(Interp in, int mode) {
            if (done) {
                return in.none;
            }
            Matcher mt;
            if (mustAdvance) {
                if (advancing == null) {
                    advancing = matcher(code.advancing(), sj, range);
                }
                mt = advancing;
            } else {
                if (plain == null) {
                    plain = matcher(code.pattern, sj, range);
                }
                mt = plain;
            }
            mt.region(at, range[1]);
            boolean found;
            try {
                found = mode == 0 ? mt.lookingAt() : mt.find();
            } catch (StackOverflowError e) {
                throw tooDeep(in);
            }
            if (!found) {
                done = true;
                return in.none;
            }
            mustAdvance = mt.start() == mt.end();
            at = mt.end();
            return spans(in, code, sj, mt);
        }
    }

    /** The string being searched, and its code point indices where they differ from Java's char indices. */
    private static final class Subject {
        final String s;
        final byte[] bytes;
        final int[] cpToChar;
        final int[] charToCp;
        final int length;

        Subject(String s, byte[] bytes) {
            this.s = s;
            this.bytes = bytes;
            boolean surrogates = false;
            for (int i = 0; i < s.length(); i++) {
                if (Character.isSurrogate(s.charAt(i))) {
                    surrogates = true;
                    break;
                }
            }
            if (!surrogates) {
                cpToChar = null;
                charToCp = null;
                length = s.length();
                return;
            }
            length = s.codePointCount(0, s.length());
            cpToChar = new int[length + 1];
            charToCp = new int[s.length() + 1];
            int cp = 0;
            for (int i = 0; i < s.length(); ) {
                cpToChar[cp] = i;
                charToCp[i] = cp;
                int n = Character.charCount(s.codePointAt(i));
                if (n == 2) {
                    charToCp[i + 1] = cp;
                }
                i += n;
                cp++;
            }
            cpToChar[length] = s.length();
            charToCp[s.length()] = length;
        }

        int toChar(int cp) {
            return cpToChar == null ? cp : cpToChar[cp];
        }

        int toCp(int ch) {
            return charToCp == null ? ch : charToCp[ch];
        }
    }

    static long create(Interp in) {
        long codeType = in.os.newHostType("_re.code", ObjectKind.OTHER, false, 16, 0);
        long mod = Modules.newModule(in, "_re");
        Modules.fn(in, mod, "compile", (i, s, a, k) -> compile(i, codeType, a));
        Modules.fn(in, mod, "match", (i, s, a, k) -> {
            Code code = code(i, a[0]);
            Subject sj = subject(i, code, a[1]);
            int[] range = range(i, sj, a[2], a[3]);
            if (range == null) {
                return i.none;
            }
            Matcher mt = matcher(code.pattern, sj, range);
            int mode = (int) i.m.intValue(a[4]);
            boolean found;
            try {
                found = mode == 0 ? mt.lookingAt() : mode == 1 ? mt.matches() : mt.find();
            } catch (StackOverflowError e) {
                throw tooDeep(i);
            }
            return found ? spans(i, code, sj, mt) : i.none;
        });
        Modules.fn(in, mod, "scan", (i, s, a, k) -> {
            Code code = code(i, a[0]);
            Subject sj = subject(i, code, a[1]);
            long limit = i.m.intValue(a[4]);
            List<Long> found = new ArrayList<>();
            try {
                scan(i, code, sj, range(i, sj, a[2], a[3]), limit, mt -> found.add(spans(i, code, sj, mt)));
                return i.m.newList(Interp.toArray(found));
            } finally {
                for (long t : found) {
                    i.m.decref(t);
                }
            }
        });
        Modules.fn(in, mod, "sub", (i, s, a, k) -> sub(i, a));
        Modules.fn(in, mod, "split", (i, s, a, k) -> {
            Code code = code(i, a[0]);
            Subject sj = subject(i, code, a[1]);
            long maxsplit = i.m.intValue(a[2]);
            List<Long> pieces = new ArrayList<>();
            int[] last = {0};
            try {
                scan(i, code, sj, new int[] {0, sj.s.length()}, maxsplit, mt -> {
                    pieces.add(substring(i, sj, last[0], mt.start()));
                    for (int g = 1; g <= code.groups; g++) {
                        int jg = code.javaGroup[g];
                        pieces.add(mt.start(jg) < 0 ? i.incref(i.none) : substring(i, sj, mt.start(jg), mt.end(jg)));
                    }
                    last[0] = mt.end();
                });
                pieces.add(substring(i, sj, last[0], sj.s.length()));
                return i.m.newList(Interp.toArray(pieces));
            } finally {
                for (long x : pieces) {
                    i.m.decref(x);
                }
            }
        });
        long scannerType = in.os.newHostType("_re.scanner", ObjectKind.OTHER, false, 16, 0);
        Modules.fn(in, mod, "scanner", (i, s, a, k) -> {
            Code code = code(i, a[0]);
            Subject sj = subject(i, code, a[1]);
            long st = i.os.newHostObject(scannerType);
            i.os.setPayload(st, new Scanner(code, sj, range(i, sj, a[2], a[3])));
            return st;
        });
        Modules.fn(in, mod, "scanner_next", (i, s, a, k) -> {
            if (!(i.os.payload(a[0]) instanceof Scanner sc)) {
                throw i.typeError("not a _re scanner");
            }
            return sc.next(i, (int) i.m.intValue(a[1]));
        });
        Modules.fn(in, mod, "scanner_slice", (i, s, a, k) -> {
            if (!(i.os.payload(a[0]) instanceof Scanner sc)) {
                throw i.typeError("not a _re scanner");
            }
            return substring(i, sc.sj, sc.sj.toChar((int) i.m.intValue(a[1])), sc.sj.toChar((int) i.m.intValue(a[2])));
        });
        Modules.fn(in, mod, "findall", (i, s, a, k) -> {
            Code code = code(i, a[0]);
            Subject sj = subject(i, code, a[1]);
            List<Long> found = new ArrayList<>();
            try {
                scan(i, code, sj, range(i, sj, a[2], a[3]), 0, mt -> found.add(findallItem(i, code, sj, mt)));
                return i.m.newList(Interp.toArray(found));
            } finally {
                for (long t : found) {
                    i.m.decref(t);
                }
            }
        });
        return mod;
    }

    private static long compile(Interp in, long codeType, long[] a) {
        int kind = in.kind(a[0]);
        boolean bytes = kind == Interp.K_BYTES;
        String pattern = bytes ? new String(in.m.bytesValue(a[0]), StandardCharsets.ISO_8859_1) : in.m.strValue(a[0]);
        int flags = (int) in.m.intValue(a[1]);
        ReTranslator.Result r;
        try {
            r = ReTranslator.translate(pattern, !bytes, flags, in.minor);
        } catch (ReTranslator.SyntaxError e) {
            if (e.overflow) {
                throw in.error("OverflowError", e.msg);
            }
            throw reError(in, a[2], e.msg, a[0], e.pos);
        } catch (ReTranslator.FlagError e) {
            throw in.error("ValueError", e.getMessage());
        }
        Pattern p;
        try {
            p = Pattern.compile(r.javaSource(), r.javaFlags());
        } catch (PatternSyntaxException e) {
            // a pattern Python accepts that Java's engine cannot hold (a back-reference inside a look-behind)
            throw reError(in, a[2], "not supported by the Java regex engine: " + e.getDescription(), a[0], -1);
        } catch (StackOverflowError e) {
            throw tooDeep(in);
        }
        long code = in.os.newHostObject(codeType);
        in.os.setPayload(code, new Code(r, p, bytes));
        long index = in.m.newDict();
        for (Map.Entry<String, Integer> e : r.groupindex().entrySet()) {
            long name = in.newStr(e.getKey());
            long g = in.newInt(e.getValue());
            in.m.dictSet(index, name, g);
            in.m.decref(name);
            in.m.decref(g);
        }
        long[] items = {code, in.newInt(r.flags()), in.newInt(r.groups()), index};
        try {
            return in.m.newTuple(items);
        } finally {
            in.release(items);
        }
    }

    /**
     * sub(code, string, count, template, callback): (new string, number of matches). The replacement is the
     * template (a list of literal strings and group numbers) or, when template is None, what callback answers
     * for the match's spans (None: nothing). As CPython's pattern_subx, every callback runs before the pieces
     * are joined, and a piece of the wrong type fails the join, naming its index among the pieces.
     */
    private static long sub(Interp in, long[] a) {
        Code code = code(in, a[0]);
        Subject sj = subject(in, code, a[1]);
        long count = in.m.intValue(a[2]);
        Object[] template = null;
        long wrongLiteral = 0; // a literal of the other string type: the piece that will fail the join
        if (a[3] != in.none) {
            long n = in.m.len(a[3]);
            template = new Object[(int) n];
            for (int t = 0; t < n; t++) {
                long item = in.m.listGet(a[3], t);
                int kind = in.kind(item);
                if (kind == Interp.K_STR || kind == Interp.K_BYTES) {
                    if ((kind == Interp.K_BYTES) != code.bytes && wrongLiteral == 0) {
                        wrongLiteral = item;
                    }
                    template[t] = kind == Interp.K_STR ? in.m.strValue(item)
                            : new String(in.m.bytesValue(item), StandardCharsets.ISO_8859_1);
                } else {
                    template[t] = (int) in.m.intValue(item);
                }
            }
        }
        long wrong = wrongLiteral;
        Object[] tmpl = template;
        // the pieces in order: a String (a slice or an expanded template) or a callback's result (an owned reference)
        List<Object> pieces = new ArrayList<>();
        int[] last = {0};
        int[] n = {0};
        try {
            scan(in, code, sj, new int[] {0, sj.s.length()}, count, mt -> {
                if (mt.start() > last[0]) {
                    pieces.add(sj.s.substring(last[0], mt.start()));
                }
                if (tmpl == null) {
                    long r = in.call(a[4], new long[] {spans(in, code, sj, mt)}, null);
                    if (r == in.none) {
                        in.m.decref(r);
                    } else {
                        pieces.add(r);
                    }
                } else if (wrong != 0) {
                    pieces.add(in.incref(wrong));
                } else {
                    StringBuilder sb = new StringBuilder();
                    for (Object t : tmpl) {
                        if (t instanceof String lit) {
                            sb.append(lit);
                        } else {
                            int jg = code.javaGroup[(Integer) t];
                            if (mt.start(jg) >= 0) {
                                sb.append(sj.s, mt.start(jg), mt.end(jg));
                            }
                        }
                    }
                    pieces.add(sb.toString());
                }
                last[0] = mt.end();
                n[0]++;
            });
            if (n[0] == 0) {
                long zero = in.newInt(0);
                try {
                    return in.m.newTuple(a[1], zero);
                } finally {
                    in.m.decref(zero);
                }
            }
            if (last[0] < sj.s.length()) {
                pieces.add(sj.s.substring(last[0]));
            }
            StringBuilder out = new StringBuilder();
            for (int p = 0; p < pieces.size(); p++) {
                Object piece = pieces.get(p);
                if (piece instanceof String str) {
                    out.append(str);
                    continue;
                }
                long r = (Long) piece;
                int kind = in.kind(r);
                if (code.bytes ? kind != Interp.K_BYTES : kind != Interp.K_STR) {
                    throw in.typeError("sequence item " + p + ": expected " + (code.bytes ? "a bytes-like object" : "str instance")
                            + ", " + in.classOf(r).name + " found");
                }
                out.append(code.bytes ? new String(in.m.bytesValue(r), StandardCharsets.ISO_8859_1) : in.m.strValue(r));
            }
            long result = code.bytes ? in.m.newBytes(out.toString().getBytes(StandardCharsets.ISO_8859_1))
                    : in.newStr(out.toString());
            long[] items = {result, in.newInt(n[0])};
            try {
                return in.m.newTuple(items);
            } finally {
                in.release(items);
            }
        } finally {
            for (Object piece : pieces) {
                if (piece instanceof Long r) {
                    in.m.decref(r);
                }
            }
        }
    }

    /** error(msg, pattern, pos): re.error made by re.py's class. */
    private static PyRaise reError(Interp in, long errorClass, String msg, long pattern, int pos) {
        long exc = in.call(errorClass, new long[] {in.newStr(msg), in.incref(pattern), pos < 0 ? in.none : in.newInt(pos)},
                null);
        return new PyRaise(exc);
    }

    private static PyRaise tooDeep(Interp in) {
        return in.error("RecursionError", "maximum recursion depth exceeded in the Java regex engine");
    }

    private static Code code(Interp in, long obj) {
        if (!(in.os.payload(obj) instanceof Code c)) {
            throw in.typeError("not a compiled _re pattern");
        }
        return c;
    }

    /** The string to search, or re's TypeError for any other object. */
    private static Subject subject(Interp in, Code code, long obj) {
        int kind = in.kind(obj);
        if (kind == Interp.K_STR) {
            if (code.bytes) {
                throw in.typeError("cannot use a bytes pattern on a string-like object");
            }
            return new Subject(in.m.strValue(obj), null);
        }
        if (kind == Interp.K_BYTES) {
            if (!code.bytes) {
                throw in.typeError("cannot use a string pattern on a bytes-like object");
            }
            byte[] b = in.m.bytesValue(obj);
            return new Subject(new String(b, StandardCharsets.ISO_8859_1), b);
        }
        throw in.typeError("expected string or bytes-like object, got '" + in.classOf(obj).name + "'");
    }

    /** pos and endpos held to the string (as state_init does), in Java's indices; null when pos is past endpos. */
    private static int[] range(Interp in, Subject sj, long posObj, long endposObj) {
        long pos = clampedInt(in, posObj, sj.length);
        long endpos = clampedInt(in, endposObj, sj.length);
        if (pos > endpos) {
            return null;
        }
        return new int[] {sj.toChar((int) pos), sj.toChar((int) endpos)};
    }

    private static long clampedInt(Interp in, long v, int length) {
        Methods.intArg(in, v); // an int or a bool, else CPython's TypeError
        java.math.BigInteger b = in.m.bigIntValue(v);
        if (b.signum() < 0) {
            return 0;
        }
        return b.compareTo(java.math.BigInteger.valueOf(length)) > 0 ? length : b.longValue();
    }

    /** A matcher over the string cut at endpos, from pos: anchors see the real start, look-behinds before pos. */
    private static Matcher matcher(Pattern p, Subject sj, int[] range) {
        CharSequence text = range[1] < sj.s.length() ? sj.s.substring(0, range[1]) : sj.s;
        Matcher mt = p.matcher(text);
        mt.useAnchoringBounds(false);
        mt.useTransparentBounds(true);
        mt.region(range[0], range[1]);
        return mt;
    }

    /** Successive matches, as CPython's finditer, findall, sub and split find them. */
    private static void scan(Interp in, Code code, Subject sj, int[] range, long limit,
            java.util.function.Consumer<Matcher> each) {
        if (range == null) {
            return;
        }
        Matcher plain = matcher(code.pattern, sj, range);
        Matcher advancing = null;
        int at = range[0];
        int end = range[1];
        boolean mustAdvance = false;
        long n = 0;
        try {
            while (limit == 0 || n < limit) {
                Matcher mt;
                if (mustAdvance) {
                    if (advancing == null) {
                        advancing = matcher(code.advancing(), sj, range);
                    }
                    mt = advancing;
                } else {
                    mt = plain;
                }
                mt.region(at, end);
                if (!mt.find()) {
                    break;
                }
                each.accept(mt);
                n++;
                mustAdvance = mt.start() == mt.end();
                at = mt.end();
            }
        } catch (StackOverflowError e) {
            throw tooDeep(in);
        }
    }

    /** The flat tuple of a match's group spans in code points, and its lastindex. */
    private static long spans(Interp in, Code code, Subject sj, Matcher mt) {
        int n = code.groups + 1;
        long[] items = new long[2 * n + 1];
        int lastindex = 0;
        int lastEnd = -1;
        for (int g = 0; g < n; g++) {
            int jg = code.javaGroup[g];
            int s = mt.start(jg);
            int e = s < 0 ? -1 : sj.toCp(mt.end(jg));
            s = s < 0 ? -1 : sj.toCp(s);
            items[2 * g] = in.newInt(s);
            items[2 * g + 1] = in.newInt(e);
            if (g > 0 && e >= 0 && (e > lastEnd || e == lastEnd && closesAfter(code, g, lastindex))) {
                lastindex = g;
                lastEnd = e;
            }
        }
        items[2 * n] = in.newInt(lastindex);
        try {
            return in.m.newTuple(items);
        } finally {
            in.release(items);
        }
    }

    /**
     * Whether group g, ending where group prev (numbered before it) ends, closed after it: unless g is nested in
     * prev, the later group closes later.
     */
    private static boolean closesAfter(Code code, int g, int prev) {
        for (int p = code.parent[g]; p != 0; p = code.parent[p]) {
            if (p == prev) {
                return false;
            }
        }
        return true;
    }

    private static long substring(Interp in, Subject sj, int start, int end) {
        if (sj.bytes != null) {
            return in.m.newBytes(java.util.Arrays.copyOfRange(sj.bytes, start, end));
        }
        return in.newStr(sj.s.substring(start, end));
    }

    private static long groupText(Interp in, Code code, Subject sj, Matcher mt, int g) {
        int jg = code.javaGroup[g];
        int s = mt.start(jg);
        return s < 0 ? substring(in, sj, 0, 0) : substring(in, sj, s, mt.end(jg));
    }

    /** One findall item: the whole match, the one group, or a tuple of the groups ('' for one not taking part). */
    private static long findallItem(Interp in, Code code, Subject sj, Matcher mt) {
        if (code.groups <= 1) {
            return groupText(in, code, sj, mt, code.groups);
        }
        long[] items = new long[code.groups];
        for (int g = 1; g <= code.groups; g++) {
            items[g - 1] = groupText(in, code, sj, mt, g);
        }
        try {
            return in.m.newTuple(items);
        } finally {
            in.release(items);
        }
    }
}
