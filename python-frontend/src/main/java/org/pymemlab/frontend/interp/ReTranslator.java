package org.pymemlab.frontend.interp;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Python's regular-expression language, as re's parser reads it (its tokens, its error messages and their
 * positions), written out as a {@link java.util.regex.Pattern} that matches the same strings.
 *
 * <p>What the two languages mean differently is spelt out rather than left to Java's flags: {@code ^} and
 * {@code $} (Python's {@code $} is the end or before a final newline; with MULTILINE {@code ^} also matches after
 * a newline at the very end), {@code \d \w \s} and their negations (Python's Unicode classes are
 * {@code str.isdecimal}, {@code isalnum}-or-underscore and {@code isspace}; ASCII ones under re.ASCII and for bytes),
 * {@code \b \B} over Python's word characters, {@code \Z}, verbose mode (done here: Java's COMMENTS would also drop
 * whitespace inside sets), character sets (every member escaped: Java's sets nest and intersect), and group
 * numbers (named groups become plain ones; the names are kept here). Conditional groups {@code (?(g)yes|no)},
 * which Java lacks, test an empty group added at the end of group g.
 */
final class ReTranslator {

    // re.RegexFlag's bits
    static final int TEMPLATE = 1, IGNORECASE = 2, LOCALE = 4, MULTILINE = 8, DOTALL = 16, UNICODE = 32, VERBOSE = 64,
            DEBUG = 128, ASCII = 256;
    private static final int TYPE_FLAGS = ASCII | LOCALE | UNICODE;
    static final long MAXREPEAT = 4294967295L;
    private static final long MAXCODE = 0xFFFFFFFFL;
    private static final int MAXGROUPS = 1073741823;
    /** Widths saturate here (re's MAXWIDTH is 1 << 64: "unbounded"). */
    private static final long MAXWIDTH = 1L << 62;

    // markers in the Java text, resolved once every group's Java number is known: marker, group number, END
    private static final char OPEN = '\uE000', HIDDEN = '\uE001', BACKREF = '\uE002', CONDREF = '\uE003', END = '\uE004';

    // the kinds of item that matter to a following repeat
    private static final int NONE = 0, AT = 1, REPEAT = 2, ASSERT = 3, OTHER = 4;

    /** A pattern re would reject: CPython's message and position ({@code pos} -1 when it names none). */
    static final class SyntaxError extends RuntimeException {
        final String msg;
        final int pos;
        /** A repeat count too large: OverflowError, not re.error. */
        final boolean overflow;

        SyntaxError(String msg, int pos, boolean overflow) {
            super(msg, null, false, false);
            this.msg = msg;
            this.pos = pos;
            this.overflow = overflow;
        }
    }

    /** A flag combination re.compile refuses with ValueError (fix_flags). */
    static final class FlagError extends RuntimeException {
        FlagError(String msg) {
            super(msg, null, false, false);
        }
    }

    /**
     * The translation: the Java pattern and its flags, the pattern's final flags (re.UNICODE added to a str
     * pattern's, inline global flags included), the number of groups, the names (in definition order), each
     * group's Java group number and the group it is nested in (0: none).
     */
    record Result(String javaSource, int javaFlags, int flags, int groups, Map<String, Integer> groupindex,
            int[] javaGroup, int[] parent) {
    }

    private final int[] src;
    private final boolean text;
    private final int minor;

    // the tokenizer: the next token (a code point, ESC-marked for a backslash pair, -1 at the end) and the index after it
    private static final int ESC = 1 << 30;
    private int index;
    private int next;

    private final StringBuilder out = new StringBuilder();
    private int globalFlags;
    /** The flags in force where the parser is (the global ones and those of the enclosing scoped groups). */
    private int flags;
    private final List<long[]> groupWidths = new ArrayList<>();
    private final List<Integer> parents = new ArrayList<>();
    private final List<Integer> openGroups = new ArrayList<>();
    private final Map<String, Integer> groupdict = new LinkedHashMap<>();
    private final Map<Integer, Integer> grouprefpos = new LinkedHashMap<>();
    private final Set<Integer> condGroups = new HashSet<>();
    private int lookbehindGroups = -1;
    /** The first look-behind the compiler would refuse, and where it starts (errors of the compile pass). */
    private String lookbehindError;
    private int lookbehindErrorAt = Integer.MAX_VALUE;

    private ReTranslator(String pattern, boolean text, int flags, int minor) {
        this.src = pattern.codePoints().toArray();
        this.text = text;
        this.minor = minor;
        this.globalFlags = flags;
        this.flags = flags;
        groupWidths.add(new long[] {0, 0});
        parents.add(0);
        advance();
    }

    /**
     * Translates a pattern (a bytes pattern as its latin-1 text) compiled with {@code flags}.
     *
     * @throws SyntaxError what re.error (or OverflowError) reports
     * @throws FlagError what ValueError reports
     */
    static Result translate(String pattern, boolean text, int flags, int minor) {
        ReTranslator t = new ReTranslator(pattern, text, flags, minor);
        return t.run();
    }

    private Result run() {
        parseSub((globalFlags & VERBOSE) != 0, 0);
        int fl = fixFlags(globalFlags);
        if (next >= 0) {
            throw error("unbalanced parenthesis", 0);
        }
        for (Map.Entry<Integer, Integer> e : grouprefpos.entrySet()) {
            if (e.getKey() >= groupWidths.size()) {
                throw new SyntaxError("invalid group reference " + e.getKey(), e.getValue(), false);
            }
        }
        if (lookbehindError != null) {
            throw new SyntaxError(lookbehindError, -1, false);
        }
        int groups = groupWidths.size() - 1;
        int[] javaGroup = new int[groups + 1];
        int[] hidden = new int[groups + 1];
        // Java numbers groups by their opening parentheses: the markers in order
        int n = 0;
        for (int i = 0; i < out.length(); i++) {
            char c = out.charAt(i);
            if (c == OPEN || c == HIDDEN) {
                int end = out.indexOf(String.valueOf(END), i);
                int g = Integer.parseInt(out.substring(i + 1, end));
                if (c == OPEN) {
                    javaGroup[g] = ++n;
                } else if (condGroups.contains(g)) {
                    hidden[g] = ++n;
                }
                i = end;
            }
        }
        StringBuilder java = new StringBuilder(out.length() + 16);
        for (int i = 0; i < out.length(); i++) {
            char c = out.charAt(i);
            if (c < OPEN || c > CONDREF) {
                java.append(c);
                continue;
            }
            int end = out.indexOf(String.valueOf(END), i);
            int g = Integer.parseInt(out.substring(i + 1, end));
            i = end;
            switch (c) {
                case OPEN -> java.append('(');
                case HIDDEN -> java.append(condGroups.contains(g) ? "()" : "");
                case BACKREF -> java.append("(?:\\").append(javaGroup[g]).append(')');
                default -> java.append('\\').append(hidden[g]);
            }
        }
        // Unicode case folding for a str pattern's ignore-case, scoped (?i:...) too; ASCII folding otherwise
        int jf = Pattern.UNIX_LINES | (text && (fl & ASCII) == 0 ? Pattern.UNICODE_CASE : 0);
        if ((fl & IGNORECASE) != 0) {
            jf |= Pattern.CASE_INSENSITIVE;
        }
        if ((fl & DOTALL) != 0) {
            jf |= Pattern.DOTALL;
        }
        return new Result(java.toString(), jf, fl, groups, groupdict, javaGroup,
                parents.stream().mapToInt(Integer::intValue).toArray());
    }

    /** fix_flags: re.UNICODE added to a str pattern's flags; the combinations re refuses. */
    private int fixFlags(int fl) {
        if (text) {
            if ((fl & LOCALE) != 0) {
                throw new FlagError("cannot use LOCALE flag with a str pattern");
            }
            if ((fl & ASCII) == 0) {
                fl |= UNICODE;
            } else if ((fl & UNICODE) != 0) {
                throw new FlagError("ASCII and UNICODE flags are incompatible");
            }
        } else {
            if ((fl & UNICODE) != 0) {
                throw new FlagError("cannot use UNICODE flag with a bytes pattern");
            }
            if ((fl & LOCALE) != 0 && (fl & ASCII) != 0) {
                throw new FlagError("ASCII and LOCALE flags are incompatible");
            }
        }
        return fl;
    }

    // ---- the tokenizer ----

    private void advance() {
        int i = index;
        if (i >= src.length) {
            next = -1;
            return;
        }
        int c = src[i];
        if (c == '\\') {
            i++;
            if (i >= src.length) {
                throw new SyntaxError(message("bad escape (end of pattern)"), src.length - 1, false);
            }
            next = src[i] | ESC;
        } else {
            next = c;
        }
        index = i + 1;
    }

    private int get() {
        int t = next;
        advance();
        return t;
    }

    private boolean match(int c) {
        if (next == c) {
            advance();
            return true;
        }
        return false;
    }

    private int tell() {
        return index - tokLen(next);
    }

    private void seek(int i) {
        index = i;
        advance();
    }

    private static int tokLen(int t) {
        return t < 0 ? 0 : (t & ESC) != 0 ? 2 : 1;
    }

    private static boolean esc(int t) {
        return t >= 0 && (t & ESC) != 0;
    }

    private static int cp(int t) {
        return t & ~ESC;
    }

    private static String tokText(int t) {
        if (t < 0) {
            return "";
        }
        String s = new String(Character.toChars(cp(t)));
        return esc(t) ? "\\" + s : s;
    }

    private static boolean isDigit(int t) {
        return t >= '0' && t <= '9';
    }

    private static boolean isOctal(int t) {
        return t >= '0' && t <= '7';
    }

    private static boolean isHex(int t) {
        return t >= '0' && t <= '9' || t >= 'a' && t <= 'f' || t >= 'A' && t <= 'F';
    }

    private static boolean isAsciiLetter(int c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }

    private String message(String msg) {
        if (text) {
            return msg;
        }
        StringBuilder sb = new StringBuilder(); // a bytes pattern's message is ASCII, non-ASCII backslash-escaped
        for (int i = 0; i < msg.length(); i++) {
            char c = msg.charAt(i);
            if (c < 128) {
                sb.append(c);
            } else {
                sb.append(String.format("\\x%02x", (int) c));
            }
        }
        return sb.toString();
    }

    private SyntaxError error(String msg, int offset) {
        return new SyntaxError(message(msg), tell() - offset, false);
    }

    /** Tokens up to {@code terminator} (re's getuntil), as text. */
    private String getUntil(char terminator, String name) {
        StringBuilder result = new StringBuilder();
        int len = 0;
        while (true) {
            int c = get();
            if (c < 0) {
                if (len == 0) {
                    throw error("missing " + name, 0);
                }
                throw error("missing " + terminator + ", unterminated name", len);
            }
            if (c == terminator) {
                if (len == 0) {
                    throw error("missing " + name, 1);
                }
                break;
            }
            result.append(tokText(c));
            len += tokLen(c);
        }
        return result.toString();
    }

    private static int cpLen(String s) {
        return s.codePointCount(0, s.length());
    }

    private void checkGroupName(String name, int offset) {
        if (!text && minor >= 12 && !name.chars().allMatch(c -> c < 128)) {
            throw error("bad character in group name " + asciiRepr(name), cpLen(name) + offset);
        }
        if (!isIdentifier(name)) {
            throw error("bad character in group name " + Interp.strRepr(name), cpLen(name) + offset);
        }
    }

    static boolean isIdentifier(String s) {
        if (s.isEmpty()) {
            return false;
        }
        int first = s.codePointAt(0);
        if (first != '_' && !Character.isUnicodeIdentifierStart(first)) {
            return false;
        }
        return s.codePoints().skip(1).allMatch(c -> Character.isUnicodeIdentifierPart(c) && !Character.isIdentifierIgnorable(c));
    }

    private static String asciiRepr(String s) {
        String r = Interp.strRepr(s);
        StringBuilder sb = new StringBuilder();
        r.codePoints().forEach(c -> {
            if (c < 128) {
                sb.append((char) c);
            } else if (c < 0x100) {
                sb.append(String.format("\\x%02x", c));
            } else if (c < 0x10000) {
                sb.append(String.format("\\u%04x", c));
            } else {
                sb.append(String.format("\\U%08x", c));
            }
        });
        return sb.toString();
    }

    private static boolean isAsciiDecimal(String s) {
        return !s.isEmpty() && s.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    // ---- groups ----

    private boolean groupClosed(int gid) {
        return gid < groupWidths.size() && groupWidths.get(gid) != null;
    }

    private void checkLookbehindGroup(int gid) {
        if (lookbehindGroups >= 0) {
            if (!groupClosed(gid)) {
                throw error("cannot refer to an open group", 0);
            }
            if (gid >= lookbehindGroups) {
                throw error("cannot refer to group defined in the same lookbehind subpattern", 0);
            }
        }
    }

    private void marker(char kind, int g) {
        out.append(kind).append(g).append(END);
    }

    // ---- widths ----

    private static long add(long a, long b) {
        return Math.min(MAXWIDTH, a + b);
    }

    private static long mul(long a, long n) {
        if (a == 0 || n == 0) {
            return 0;
        }
        return a > MAXWIDTH / n ? MAXWIDTH : Math.min(MAXWIDTH, a * n);
    }

    // ---- the parser ----

    /** An alternation, a|b|c; its width. */
    private long[] parseSub(boolean verbose, int nested) {
        long lo = Long.MAX_VALUE;
        long hi = 0;
        int items = 0;
        while (true) {
            long[] w = parse(verbose, nested + 1, nested == 0 && items == 0);
            lo = Math.min(lo, w[0]);
            hi = Math.max(hi, w[1]);
            items++;
            if (!match('|')) {
                break;
            }
            out.append('|');
            if (nested == 0) {
                verbose = (globalFlags & VERBOSE) != 0;
            }
        }
        return new long[] {lo, hi};
    }

    /** A sequence of items, up to | or ) or the end; its width. */
    private long[] parse(boolean verbose, int nested, boolean first) {
        int items = 0;
        int lastKind = NONE;
        int lastStart = 0;
        long[] lastWidth = {0, 0};
        long lo = 0;
        long hi = 0;
        while (true) {
            int t = next;
            if (t < 0 || t == '|' || t == ')') {
                break;
            }
            get();
            if (verbose && !esc(t)) {
                if (t == ' ' || t == '\t' || t == '\n' || t == '\r' || t == 0x0b || t == '\f') {
                    continue;
                }
                if (t == '#') {
                    while (true) {
                        int u = get();
                        if (u < 0 || u == '\n') {
                            break;
                        }
                    }
                    continue;
                }
            }
            int start = out.length();
            int kind;
            long[] w;
            if (esc(t)) {
                kind = escape(t);
                w = kind == AT ? new long[] {0, 0} : lastEscapeWidth;
            } else if (t == '[') {
                parseSet();
                kind = OTHER;
                w = new long[] {1, 1};
            } else if (t == '?' || t == '*' || t == '+' || t == '{') {
                int here = tell();
                long min;
                long max;
                if (t == '?') {
                    min = 0;
                    max = 1;
                } else if (t == '*') {
                    min = 0;
                    max = MAXREPEAT;
                } else if (t == '+') {
                    min = 1;
                    max = MAXREPEAT;
                } else {
                    if (next == '}') {
                        literal('{');
                        lastKind = OTHER;
                        lastStart = start;
                        lastWidth = new long[] {1, 1};
                        lo = add(lo, 1);
                        hi = add(hi, 1);
                        items++;
                        continue;
                    }
                    min = 0;
                    max = MAXREPEAT;
                    StringBuilder loS = new StringBuilder();
                    StringBuilder hiS = new StringBuilder();
                    while (isDigit(next)) {
                        loS.append((char) get());
                    }
                    if (match(',')) {
                        while (isDigit(next)) {
                            hiS.append((char) get());
                        }
                    } else {
                        hiS.append(loS);
                    }
                    if (!match('}')) {
                        literal('{');
                        lastKind = OTHER;
                        lastStart = start;
                        lastWidth = new long[] {1, 1};
                        lo = add(lo, 1);
                        hi = add(hi, 1);
                        items++;
                        seek(here);
                        continue;
                    }
                    if (!loS.isEmpty()) {
                        min = repeatCount(loS.toString());
                    }
                    if (!hiS.isEmpty()) {
                        max = repeatCount(hiS.toString());
                        if (max < min) {
                            throw error("min repeat greater than max repeat", tell() - here);
                        }
                    }
                }
                if (items == 0 || lastKind == AT) {
                    throw error("nothing to repeat", tell() - here + 1);
                }
                if (lastKind == REPEAT) {
                    throw error("multiple repeat", tell() - here + 1);
                }
                if (lastKind == ASSERT) {
                    out.insert(lastStart, "(?:").append(')');
                }
                out.append(quantifier(min, max));
                if (match('?')) {
                    out.append('?');
                } else if (match('+')) {
                    out.append('+');
                }
                lo -= lastWidth[0];
                hi -= lastWidth[1];
                long rlo = mul(lastWidth[0], min);
                long rhi = max == MAXREPEAT && lastWidth[1] > 0 ? MAXWIDTH : mul(lastWidth[1], max);
                lastWidth = new long[] {rlo, rhi};
                lo = add(lo, rlo);
                hi = add(hi, rhi);
                lastKind = REPEAT;
                continue;
            } else if (t == '.') {
                out.append('.');
                kind = OTHER;
                w = new long[] {1, 1};
            } else if (t == '(') {
                int gstart = tell() - 1;
                GroupOutcome g = group(verbose, nested, first && items == 0, gstart);
                if (g == null) {
                    if (first && items == 0 && (globalFlags & VERBOSE) != 0) {
                        verbose = true; // (?x) at the start turns verbose mode on for what follows
                    }
                    continue;
                }
                kind = g.kind;
                w = g.width;
            } else if (t == '^') {
                out.append((flags & MULTILINE) != 0 ? "(?<![^\\n])" : "\\A");
                kind = AT;
                w = new long[] {0, 0};
            } else if (t == '$') {
                out.append((flags & MULTILINE) != 0 ? "(?=\\n|\\z)" : "(?=\\n?\\z)");
                kind = AT;
                w = new long[] {0, 0};
            } else {
                literal(t);
                kind = OTHER;
                w = new long[] {1, 1};
            }
            items++;
            lastKind = kind;
            lastStart = start;
            lastWidth = w;
            lo = add(lo, w[0]);
            hi = add(hi, w[1]);
        }
        return new long[] {lo, hi};
    }

    private long repeatCount(String digits) {
        if (digits.length() > 10 || Long.parseLong(digits) >= MAXREPEAT) {
            throw new SyntaxError("the repetition number is too large", -1, true);
        }
        return Long.parseLong(digits);
    }

    /** Java's form of a {min,max} repeat (counts beyond Java's int range held at its largest). */
    private static String quantifier(long min, long max) {
        long jmin = Math.min(min, Integer.MAX_VALUE - 1);
        if (max == MAXREPEAT) {
            return jmin == 0 ? "*" : jmin == 1 ? "+" : "{" + jmin + ",}";
        }
        long jmax = Math.min(max, Integer.MAX_VALUE - 1);
        if (jmin == 0 && jmax == 1) {
            return "?";
        }
        return jmin == jmax ? "{" + jmin + "}" : "{" + jmin + "," + jmax + "}";
    }

    private record GroupOutcome(int kind, long[] width) {
    }

    /** What follows a '(' ; null when it adds no item (a comment, global flags). */
    private GroupOutcome group(boolean verbose, int nested, boolean first, int start) {
        boolean capture = true;
        boolean atomic = false;
        String name = null;
        int addFlags = 0;
        int delFlags = 0;
        if (match('?')) {
            int ch = get();
            if (ch < 0) {
                throw error("unexpected end of pattern", 0);
            }
            if (ch == 'P') {
                if (match('<')) {
                    name = getUntil('>', "group name");
                    checkGroupName(name, 1);
                } else if (match('=')) {
                    name = getUntil(')', "group name");
                    checkGroupName(name, 1);
                    Integer gid = groupdict.get(name);
                    if (gid == null) {
                        throw error("unknown group name " + Interp.strRepr(name), cpLen(name) + 1);
                    }
                    if (!groupClosed(gid)) {
                        throw error("cannot refer to an open group", cpLen(name) + 1);
                    }
                    checkLookbehindGroup(gid);
                    marker(BACKREF, gid);
                    return new GroupOutcome(OTHER, groupWidths.get(gid));
                } else {
                    int c = get();
                    if (c < 0) {
                        throw error("unexpected end of pattern", 0);
                    }
                    throw error("unknown extension ?P" + tokText(c), tokLen(c) + 2);
                }
            } else if (ch == ':') {
                capture = false;
            } else if (ch == '#') {
                while (true) {
                    if (next < 0) {
                        throw error("missing ), unterminated comment", tell() - start);
                    }
                    if (get() == ')') {
                        return null;
                    }
                }
            } else if (ch == '=' || ch == '!' || ch == '<') {
                boolean behind = false;
                int saved = lookbehindGroups;
                if (ch == '<') {
                    ch = get();
                    if (ch < 0) {
                        throw error("unexpected end of pattern", 0);
                    }
                    if (ch != '=' && ch != '!') {
                        throw error("unknown extension ?<" + tokText(ch), tokLen(ch) + 2);
                    }
                    behind = true;
                    if (saved < 0) {
                        lookbehindGroups = groupWidths.size();
                    }
                }
                out.append(behind ? "(?<" : "(?").append((char) ch);
                long[] w = parseSub(verbose, nested + 1);
                if (behind && saved < 0) {
                    lookbehindGroups = -1;
                }
                if (!match(')')) {
                    throw error("missing ), unterminated subpattern", tell() - start);
                }
                out.append(')');
                if (behind && start < lookbehindErrorAt) {
                    String msg = w[0] > MAXCODE ? "looks too much behind"
                            : w[0] != w[1] ? "look-behind requires fixed-width pattern" : null;
                    if (msg != null) {
                        lookbehindError = msg;
                        lookbehindErrorAt = start;
                    }
                }
                return new GroupOutcome(ASSERT, new long[] {0, 0});
            } else if (ch == '(') {
                return conditional(verbose, nested, start);
            } else if (ch == '>') {
                capture = false;
                atomic = true;
            } else if (!esc(ch) && (flagBit(ch) != 0 || ch == '-')) {
                int[] fl = parseFlags(ch);
                if (fl == null) {
                    if (!first) {
                        throw error("global flags not at the start of the expression", tell() - start);
                    }
                    return null;
                }
                addFlags = fl[0];
                delFlags = fl[1];
                capture = false;
            } else {
                throw error("unknown extension ?" + tokText(ch), tokLen(ch) + 1);
            }
        }
        int group = 0;
        if (capture) {
            group = groupWidths.size();
            if (name != null) {
                Integer old = groupdict.get(name);
                if (old != null) {
                    throw error("redefinition of group name " + Interp.strRepr(name) + " as group " + group
                            + "; was group " + old, cpLen(name) + 1);
                }
                groupdict.put(name, group);
            }
            groupWidths.add(null);
            parents.add(openGroups.isEmpty() ? 0 : openGroups.get(openGroups.size() - 1));
            openGroups.add(group);
            marker(OPEN, group);
        } else if (atomic) {
            out.append("(?>");
        } else if (addFlags != 0 || delFlags != 0) {
            out.append("(?").append(javaFlags(addFlags, delFlags)).append(':');
        } else {
            out.append("(?:");
        }
        boolean subVerbose = (verbose || (addFlags & VERBOSE) != 0) && (delFlags & VERBOSE) == 0;
        int savedFlags = flags;
        flags = (flags | addFlags) & ~delFlags;
        long[] w = parseSub(subVerbose, nested + 1);
        flags = savedFlags;
        if (!match(')')) {
            throw error("missing ), unterminated subpattern", tell() - start);
        }
        if (capture) {
            marker(HIDDEN, group);
            groupWidths.set(group, w);
            openGroups.remove(openGroups.size() - 1);
        }
        out.append(')');
        return new GroupOutcome(OTHER, w);
    }

    /** The Java inline flags for a scoped group's: i and s as they are, a and u as Unicode case folding. */
    private String javaFlags(int add, int del) {
        StringBuilder on = new StringBuilder();
        StringBuilder off = new StringBuilder();
        if ((add & IGNORECASE) != 0) {
            on.append('i');
        }
        if ((add & DOTALL) != 0) {
            on.append('s');
        }
        if ((add & ASCII) != 0) {
            off.append('u');
        }
        if ((add & UNICODE) != 0 && text) {
            on.append('u');
        }
        if ((del & IGNORECASE) != 0) {
            off.append('i');
        }
        if ((del & DOTALL) != 0) {
            off.append('s');
        }
        return off.isEmpty() ? on.toString() : on + "-" + off;
    }

    private int flagBit(int ch) {
        return switch (ch) {
            case 'i' -> IGNORECASE;
            case 'L' -> LOCALE;
            case 'm' -> MULTILINE;
            case 's' -> DOTALL;
            case 'x' -> VERBOSE;
            case 'a' -> ASCII;
            case 'u' -> UNICODE;
            case 't' -> minor == 11 ? TEMPLATE : 0;
            default -> 0;
        };
    }

    private int globalOnly() {
        return minor == 11 ? DEBUG | TEMPLATE : DEBUG;
    }

    private boolean isFlag(int t) {
        return !esc(t) && t >= 0 && flagBit(t) != 0;
    }

    private static boolean isAlpha(int t) {
        return !esc(t) && t >= 0 && Character.isLetter(t);
    }

    /** Inline flags after "(?": null for global ones (?aiLmsux), else {added, removed} for a scoped group. */
    private int[] parseFlags(int ch) {
        int add = 0;
        int del = 0;
        if (ch != '-') {
            while (true) {
                int flag = flagBit(ch);
                if (text) {
                    if (ch == 'L') {
                        throw error("bad inline flags: cannot use 'L' flag with a str pattern", 0);
                    }
                } else if (ch == 'u') {
                    throw error("bad inline flags: cannot use 'u' flag with a bytes pattern", 0);
                }
                add |= flag;
                if ((flag & TYPE_FLAGS) != 0 && (add & TYPE_FLAGS) != flag) {
                    throw error("bad inline flags: flags 'a', 'u' and 'L' are incompatible", 0);
                }
                ch = get();
                if (ch < 0) {
                    throw error("missing -, : or )", 0);
                }
                if (ch == ')' || ch == '-' || ch == ':') {
                    break;
                }
                if (!isFlag(ch)) {
                    throw error(isAlpha(ch) ? "unknown flag" : "missing -, : or )", tokLen(ch));
                }
            }
        }
        if (ch == ')') {
            globalFlags |= add;
            flags |= add;
            return null;
        }
        if ((add & globalOnly()) != 0) {
            throw error("bad inline flags: cannot turn on global flag", 1);
        }
        if (ch == '-') {
            ch = get();
            if (ch < 0) {
                throw error("missing flag", 0);
            }
            if (!isFlag(ch)) {
                throw error(isAlpha(ch) ? "unknown flag" : "missing flag", tokLen(ch));
            }
            while (true) {
                int flag = flagBit(ch);
                if ((flag & TYPE_FLAGS) != 0) {
                    throw error("bad inline flags: cannot turn off flags 'a', 'u' and 'L'", 0);
                }
                del |= flag;
                ch = get();
                if (ch < 0) {
                    throw error("missing :", 0);
                }
                if (ch == ':') {
                    break;
                }
                if (!isFlag(ch)) {
                    throw error(isAlpha(ch) ? "unknown flag" : "missing :", tokLen(ch));
                }
            }
        }
        if ((del & globalOnly()) != 0) {
            throw error("bad inline flags: cannot turn off global flag", 1);
        }
        if ((add & del) != 0) {
            throw error("bad inline flags: flag turned on and off", 1);
        }
        return new int[] {add, del};
    }

    /** (?(group)yes|no): the yes branch where group g's hidden empty group took part, the no branch where not. */
    private GroupOutcome conditional(boolean verbose, int nested, int start) {
        String condname = getUntil(')', "group name");
        int condgroup;
        if (!isAsciiDecimal(condname)) {
            checkGroupName(condname, 1);
            Integer g = groupdict.get(condname);
            if (g == null) {
                throw error("unknown group name " + Interp.strRepr(condname), cpLen(condname) + 1);
            }
            condgroup = g;
        } else {
            java.math.BigInteger n = new java.math.BigInteger(condname);
            if (n.signum() == 0) {
                throw error("bad group number", condname.length() + 1);
            }
            if (n.compareTo(java.math.BigInteger.valueOf(MAXGROUPS)) >= 0) {
                throw error("invalid group reference " + n, condname.length() + 1);
            }
            condgroup = n.intValue();
            grouprefpos.putIfAbsent(condgroup, tell() - condname.length() - 1);
        }
        checkLookbehindGroup(condgroup);
        condGroups.add(condgroup);
        out.append("(?:(?=");
        marker(CONDREF, condgroup);
        out.append(')');
        long[] yes = parse(verbose, nested + 1, false);
        long[] no = null;
        out.append("|(?!");
        marker(CONDREF, condgroup);
        out.append(')');
        if (match('|')) {
            no = parse(verbose, nested + 1, false);
            if (next == '|') {
                throw error("conditional backref with more than two branches", 0);
            }
        }
        if (!match(')')) {
            throw error("missing ), unterminated subpattern", tell() - start);
        }
        out.append(')');
        long[] w = no == null ? new long[] {0, yes[1]} : new long[] {Math.min(yes[0], no[0]), Math.max(yes[1], no[1])};
        return new GroupOutcome(OTHER, w);
    }

    // ---- escapes, literals, categories ----

    private long[] lastEscapeWidth = {1, 1};

    private void literal(int c) {
        if (c < 128 && Character.isLetterOrDigit(c)) {
            out.append((char) c);
        } else {
            out.append("\\x{").append(Integer.toHexString(c)).append('}');
        }
    }

    private static String setLiteral(int c) {
        return c < 128 && Character.isLetterOrDigit(c) ? String.valueOf((char) c) : "\\x{" + Integer.toHexString(c) + "}";
    }

    private boolean ascii() {
        return !text || (flags & ASCII) != 0 || (flags & LOCALE) != 0;
    }

    private static final String UNI_SPACE = "\\t-\\r\\x{1c}-\\x{20}\\x{85}\\x{a0}\\x{1680}\\x{2000}-\\x{200a}\\x{2028}\\x{2029}"
            + "\\x{202f}\\x{205f}\\x{3000}";

    /** The members of a category's set: d, s, w (their negations are the negated sets). */
    private String categoryMembers(int c) {
        boolean a = ascii();
        return switch (Character.toLowerCase(c)) {
            case 'd' -> a ? "0-9" : "\\p{Nd}";
            case 's' -> a ? "\\t-\\r\\x{20}" : UNI_SPACE;
            default -> a ? "a-zA-Z0-9_" : "\\p{L}\\p{N}_";
        };
    }

    /** A category as a Java set (standalone, or nested in a set). */
    private String category(int c) {
        return (Character.isUpperCase(c) ? "[^" : "[") + categoryMembers(c) + "]";
    }

    /** An escape outside a set: its kind; its width is left in lastEscapeWidth. */
    private int escape(int t) {
        int c = cp(t);
        lastEscapeWidth = new long[] {1, 1};
        switch (c) {
            case 'A':
                out.append("\\A");
                return AT;
            case 'Z':
                out.append("\\z");
                return AT;
            case 'b':
            case 'B': {
                String w = category('w');
                if (c == 'b') {
                    out.append("(?:(?<=").append(w).append(")(?!").append(w).append(")|(?<!").append(w).append(")(?=")
                            .append(w).append("))");
                } else { // not a boundary, and never in an empty string
                    out.append("(?:(?<=").append(w).append(")(?=").append(w).append(")|(?<!").append(w).append(")(?!")
                            .append(w).append(")(?:(?<=[\\s\\S])|(?=[\\s\\S])))");
                }
                return AT;
            }
            case 'd', 'D', 's', 'S', 'w', 'W':
                out.append(category(c));
                return OTHER;
            default:
                break;
        }
        int v = simpleEscape(c);
        if (v >= 0) {
            literal(v);
            return OTHER;
        }
        if (c >= '1' && c <= '9') {
            String escape = "\\" + (char) c;
            if (isDigit(next)) {
                escape += (char) get();
                if (isOctal(escape.charAt(1)) && isOctal(escape.charAt(2)) && isOctal(next)) {
                    escape += (char) get();
                    int o = Integer.parseInt(escape.substring(1), 8);
                    if (o > 0377) {
                        throw error("octal escape value " + escape + " outside of range 0-0o377", escape.length());
                    }
                    literal(o);
                    return OTHER;
                }
            }
            int group = Integer.parseInt(escape.substring(1));
            if (group < groupWidths.size()) {
                if (!groupClosed(group)) {
                    throw error("cannot refer to an open group", escape.length());
                }
                checkLookbehindGroup(group);
                marker(BACKREF, group);
                lastEscapeWidth = groupWidths.get(group);
                return OTHER;
            }
            throw error("invalid group reference " + group, escape.length() - 1);
        }
        if (c == '0') {
            StringBuilder digits = new StringBuilder("0");
            for (int k = 0; k < 2 && isOctal(next); k++) {
                digits.append((char) get());
            }
            literal(Integer.parseInt(digits.toString(), 8));
            return OTHER;
        }
        int lit = codeEscape(c, t);
        literal(lit);
        return OTHER;
    }

    /** \a \b(in sets) \f \n \r \t \v \\ : the character, or -1. */
    private static int simpleEscape(int c) {
        return switch (c) {
            case 'a' -> 7;
            case 'f' -> 12;
            case 'n' -> 10;
            case 'r' -> 13;
            case 't' -> 9;
            case 'v' -> 11;
            case '\\' -> '\\';
            default -> -1;
        };
    }

    /** Hex escapes (x, u and U with 2, 4 and 8 digits), N{name}, or any other escaped character that is not an ASCII letter. */
    private int codeEscape(int c, int t) {
        String escape = tokText(t);
        if (c == 'x' || c == 'u' && text || c == 'U' && text) {
            int n = c == 'x' ? 2 : c == 'u' ? 4 : 8;
            StringBuilder sb = new StringBuilder(escape);
            for (int k = 0; k < n && isHex(next); k++) {
                sb.appendCodePoint(get());
            }
            escape = sb.toString();
            if (escape.length() != n + 2) {
                throw error("incomplete escape " + escape, escape.length());
            }
            long v = Long.parseLong(escape.substring(2), 16);
            if (v > 0x10FFFF) {
                throw error("bad escape " + escape, escape.length());
            }
            return (int) v;
        }
        if (c == 'N' && text) {
            if (!match('{')) {
                throw error("missing {", 0);
            }
            String charname = getUntil('}', "character name");
            try {
                return Character.codePointOf(charname);
            } catch (IllegalArgumentException e) {
                throw error("undefined character name " + Interp.strRepr(charname), cpLen(charname) + 4);
            }
        }
        if (isAsciiLetter(c) || c >= '0' && c <= '9') {
            throw error("bad escape " + escape, cpLen(escape));
        }
        return c;
    }

    // ---- sets ----

    private static final int SET_LITERAL = 0, SET_CATEGORY = 1;

    /** A set, after its '['. */
    private void parseSet() {
        int here = tell() - 1;
        StringBuilder set = new StringBuilder();
        int count = 0;
        boolean negate = match('^');
        while (true) {
            int t = get();
            if (t < 0) {
                throw error("unterminated character set", tell() - here);
            }
            if (t == ']' && count > 0) {
                break;
            }
            int[] code1 = esc(t) ? setEscape(t) : new int[] {SET_LITERAL, t};
            if (match('-')) {
                int that = get();
                if (that < 0) {
                    throw error("unterminated character set", tell() - here);
                }
                if (that == ']') {
                    set.append(setMember(code1)).append(setLiteral('-'));
                    count += 2;
                    break;
                }
                int[] code2 = esc(that) ? setEscape(that) : new int[] {SET_LITERAL, that};
                if (code1[0] != SET_LITERAL || code2[0] != SET_LITERAL || code2[1] < code1[1]) {
                    String msg = "bad character range " + tokText(t) + "-" + tokText(that);
                    throw error(msg, tokLen(t) + 1 + tokLen(that));
                }
                set.append(setLiteral(code1[1])).append('-').append(setLiteral(code2[1]));
            } else {
                set.append(setMember(code1));
            }
            count++;
        }
        out.append(negate ? "[^" : "[").append(set).append(']');
    }

    private String setMember(int[] code) {
        if (code[0] == SET_LITERAL) {
            return setLiteral(code[1]);
        }
        return Character.isUpperCase(code[1]) ? category(code[1]) : categoryMembers(code[1]);
    }

    /** An escape inside a set: {SET_LITERAL, char} or {SET_CATEGORY, letter}. */
    private int[] setEscape(int t) {
        int c = cp(t);
        if (c == 'b') {
            return new int[] {SET_LITERAL, 8};
        }
        int v = simpleEscape(c);
        if (v >= 0) {
            return new int[] {SET_LITERAL, v};
        }
        if ("dDsSwW".indexOf(c) >= 0) {
            return new int[] {SET_CATEGORY, c};
        }
        if (isOctal(c)) {
            String escape = "\\" + (char) c;
            for (int k = 0; k < 2 && isOctal(next); k++) {
                escape += (char) get();
            }
            int o = Integer.parseInt(escape.substring(1), 8);
            if (o > 0377) {
                throw error("octal escape value " + escape + " outside of range 0-0o377", escape.length());
            }
            return new int[] {SET_LITERAL, o};
        }
        return new int[] {SET_LITERAL, codeEscape(c, t)};
    }
}
