package org.pymemlab.frontend.interp;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.pymemlab.frontend.ast.Expr;
import org.pymemlab.frontend.ast.Module;
import org.pymemlab.frontend.ast.Span;
import org.pymemlab.frontend.ast.Stmt;
import org.pymemlab.frontend.parser.Parser;

/**
 * Tracebacks and exception chaining. An exception's traceback is a chain of {@code traceback} objects on the
 * heap ({@code __traceback__}, outermost frame first, as CPython's): one is added for each frame the exception
 * reaches, whether it is caught there or leaves it. {@code __context__} is set from the exception being
 * handled when a new one escapes a handler (or is caught inside one); printing follows
 * {@code __cause__}/{@code __context__} as CPython's default excepthook does, with the caret lines of the
 * profile's version: 3.11 and 3.12 print them as Python/traceback.c does, 3.13 as Lib/traceback.py does.
 */
final class Tracebacks {

    /**
     * One traceback object's Java payload: where the frame was when the exception reached it; for the innermost
     * entry of a NameError, the "Did you mean" text found from its frame when the error was raised (the frame is
     * not kept), or null.
     */
    record Entry(String filename, String name, int line, Span pos, String nameHint) {
    }

    private static final String CAUSE_MESSAGE = "The above exception was the direct cause of the following exception:";
    private static final String CONTEXT_MESSAGE = "During handling of the above exception, another exception occurred:";
    /** Repeated identical entries shown before "[Previous line repeated ...]" (both implementations' cutoff). */
    private static final int RECURSIVE_CUTOFF = 3;
    /** Members of an exception group printed, and group levels nested, before the rest is summarized. */
    private static final int MAX_GROUP_WIDTH = 15, MAX_GROUP_DEPTH = 10;

    private final Interp in;

    Tracebacks(Interp in) {
        this.in = in;
    }

    // ---- recording ----

    /** Adds frame f's entry to the exception's traceback, once per raise and frame (PyTraceBack_Here). */
    void record(PyRaise e, Frame f) {
        if (e.tracedIn == f) {
            return;
        }
        e.tracedIn = f;
        Span pos = e.posFrame == f ? e.pos : null;
        long previous = in.m.getAttr(e.exc, "__traceback__");
        String hint = isTraceback(previous) ? null : Suggestions.forNameError(in, e.exc, f);
        Entry entry = new Entry(f.code.filename, f.code.name, pos != null ? pos.line() : f.line, pos, hint);
        long tb = in.os.newHostObject(in.tTraceback);
        in.os.setPayload(tb, entry);
        if (isTraceback(previous)) {
            in.os.setHostSlot(tb, 0, previous);
        }
        in.os.setHostSlot(tb, 1, in.frames.of(f));
        in.m.setAttr(e.exc, "__traceback__", tb);
        in.m.decref(tb);
    }

    /**
     * Sets the raised exception's __context__ to the exception that was being handled, once per raise; an
     * exception is never its own context, and a chain that would loop back to it is cut there.
     */
    void setContext(PyRaise e, long handled) {
        if (e.contextDecided) {
            return;
        }
        e.contextDecided = true;
        if (handled == 0 || handled == e.exc) {
            return;
        }
        long o = handled;
        for (int steps = 0; steps < 10_000; steps++) {
            long next = attr(o, "__context__");
            if (next == 0) {
                break;
            }
            if (next == e.exc) {
                ExceptionObjects.setField(in, o, "__context__", 0);
                break;
            }
            o = next;
        }
        in.m.setAttr(e.exc, "__context__", handled);
    }

    /** {@code raise exc from cause}: cause is an exception, an exception class, or None (consumed). */
    void setCause(long exc, long cause) {
        long c;
        if (cause == in.none) {
            c = cause;
        } else {
            try {
                c = in.asException(cause);
            } catch (PyRaise bad) {
                in.m.decref(bad.exc);
                throw in.typeError("exception causes must derive from BaseException");
            }
        }
        ExceptionObjects.setCause(in, exc, c);
        in.m.decref(c);
    }

    /** A traceback object's attribute, or 0. New reference. */
    long tracebackAttribute(long tb, String name) {
        Entry e = (Entry) in.os.payload(tb);
        return switch (name) {
            case "tb_next" -> in.incref(in.os.hostSlot(tb, 0) == 0 ? in.none : in.os.hostSlot(tb, 0));
            case "tb_lineno" -> in.newInt(e.line());
            case "tb_frame" -> in.incref(in.os.hostSlot(tb, 1));
            default -> 0;
        };
    }

    /** A chaining attribute of an exception, 0 when unset, None or (set by the program) not what it should be. Borrowed. */
    private long attr(long exc, String name) {
        long v = in.m.getAttr(exc, name);
        if (v == 0 || v == in.none) {
            return 0;
        }
        return name.equals("__traceback__") ? (isTraceback(v) ? v : 0) : (in.classOf(v).exception ? v : 0);
    }

    private boolean isTraceback(long v) {
        return v != 0 && v != in.none && in.kind(v) == Interp.K_TRACEBACK;
    }

    // ---- printing ----

    /** Where the printing goes: the interpreter's stderr, or a buffer while the traceback module formats. */
    private java.io.PrintStream sink;
    /** The traceback module's limit (entries kept from the outermost, or from the innermost when negative), or null. */
    private Long limit;

    /** Prints the exception with its chain, as the default excepthook does. */
    void print(long exc) {
        sink = in.err;
        limit = null;
        groupDepth = 0;
        printChain(exc, new HashSet<>(), true);
    }

    /**
     * traceback.format_exception's text: what {@link #print} writes (the chain too when {@code chain}), with at
     * most {@code limit} entries per traceback when it is not null.
     */
    String formatException(long exc, boolean chain, Long limit) {
        return captured(limit, () -> printChain(exc, new HashSet<>(), chain));
    }

    /** traceback.format_tb's text: the entries of a traceback chain, without the header. */
    String formatTraceback(long tb, Long limit) {
        return captured(limit, () -> printEntries(tb));
    }

    /** traceback.format_exception_only's text: the exception's line (or a SyntaxError's block) and its notes. */
    String formatExceptionOnly(long exc) {
        return captured(null, () -> printExceptionOnly(exc));
    }

    private String captured(Long limit, Runnable printing) {
        java.io.ByteArrayOutputStream buffer = new java.io.ByteArrayOutputStream();
        sink = new java.io.PrintStream(buffer, false, java.nio.charset.StandardCharsets.UTF_8);
        this.limit = limit;
        groupDepth = 0;
        try {
            printing.run();
        } finally {
            sink.flush();
            sink = in.err;
            this.limit = null;
        }
        return buffer.toString(java.nio.charset.StandardCharsets.UTF_8);
    }

    private void printChain(long exc, Set<Long> seen, boolean chain) {
        seen.add(exc);
        long cause = chain ? attr(exc, "__cause__") : 0;
        long context = chain ? attr(exc, "__context__") : 0;
        if (cause != 0) {
            if (!seen.contains(cause)) {
                printChain(cause, seen, true);
                line("");
                line(CAUSE_MESSAGE);
                line("");
            }
        } else if (context != 0 && !ExceptionObjects.suppressContext(in, exc) && !seen.contains(context)) {
            printChain(context, seen, true);
            line("");
            line(CONTEXT_MESSAGE);
            line("");
        }
        if (ExceptionGroups.isGroup(in, exc)) {
            printGroup(exc, seen);
            return;
        }
        printTraceback(exc, "Traceback (most recent call last):", '|');
        printExceptionOnly(exc);
    }

    /** How deep in exception group boxes the printing is, and whether the innermost box still needs its bottom line. */
    private int groupDepth;
    private boolean needClose;

    /** An exception group and its members in nested boxes (traceback.py's TracebackException.format). */
    private void printGroup(long group, Set<Long> seen) {
        if (groupDepth > MAX_GROUP_DEPTH) {
            line("... (max_group_depth is " + MAX_GROUP_DEPTH + ")");
            return;
        }
        boolean topLevel = groupDepth == 0;
        if (topLevel) {
            groupDepth++;
        }
        printTraceback(group, "Exception Group Traceback (most recent call last):", topLevel ? '+' : '|');
        printExceptionOnly(group);
        long excs = ExceptionGroups.members(in, group);
        int count = ExceptionGroups.memberCount(in, group);
        int shown = count <= MAX_GROUP_WIDTH ? count : MAX_GROUP_WIDTH + 1;
        needClose = false;
        for (int i = 0; i < shown; i++) {
            boolean last = i == shown - 1;
            if (last) {
                needClose = true;
            }
            boolean truncated = i >= MAX_GROUP_WIDTH;
            String title = truncated ? "..." : Integer.toString(i + 1);
            sink.println(indent() + (i == 0 ? "+-" : "  ") + "+---------------- " + title + " ----------------");
            groupDepth++;
            if (truncated) {
                int more = count - MAX_GROUP_WIDTH;
                line("and " + more + " more exception" + (more > 1 ? "s" : ""));
            } else {
                printChain(in.m.tupleGet(excs, i), seen, true);
            }
            if (last && needClose) {
                sink.println(indent() + "+------------------------------------");
                needClose = false;
            }
            groupDepth--;
        }
        if (topLevel) {
            groupDepth = 0;
        }
    }

    private String indent() {
        return " ".repeat(2 * groupDepth);
    }

    /** Prints one line of text inside the current group box (with its margin) or plainly outside any. */
    private void line(String text) {
        line(text, '|');
    }

    private void line(String text, char margin) {
        if (groupDepth == 0) {
            sink.println(text);
            return;
        }
        String prefix = indent() + margin + " ";
        for (String l : text.split("\n", -1)) {
            sink.println(prefix + l);
        }
    }

    /**
     * A SyntaxError with a file and line (as exec and compile raise them) printed as CPython prints one: its
     * file and line, the source line with carets, then the type and the bare message; null for any other
     * exception, or one whose fields do not say where (a SyntaxError('x') of the program's own).
     */
    private String syntaxErrorBlock(long exc) {
        Interp.PyClass c = in.classOf(exc);
        if (c.family != ExceptionObjects.Family.SYNTAX_ERROR) {
            return null;
        }
        long lineno = in.m.getAttr(exc, "lineno");
        if (lineno == 0 || in.kind(lineno) != Interp.K_INT) {
            return null;
        }
        long msg = in.m.getAttr(exc, "msg");
        long filename = in.m.getAttr(exc, "filename");
        long text = in.m.getAttr(exc, "text");
        long offset = in.m.getAttr(exc, "offset");
        long endLineno = in.m.getAttr(exc, "end_lineno");
        long endOffset = in.m.getAttr(exc, "end_offset");
        int line = (int) in.m.intValue(lineno);
        org.pymemlab.frontend.PySyntaxError shown = new org.pymemlab.frontend.PySyntaxError(
                org.pymemlab.frontend.PySyntaxError.Type.SYNTAX_ERROR, msg == 0 ? "<no detail available>" : in.str(msg),
                filename != 0 && in.kind(filename) == Interp.K_STR ? in.m.strValue(filename) : "<string>", line,
                intOr(offset, 0), intOr(endLineno, line), intOr(endOffset, 0),
                text != 0 && in.kind(text) == Interp.K_STR ? in.m.strValue(text) : null, false);
        String formatted = shown.format();
        String bare = formatted.substring(0, formatted.lastIndexOf('\n') + 1);
        String name = c.module.equals("builtins") || c.module.equals("__main__") ? c.name : c.module + "." + c.name;
        return bare + name + ": " + shown.msg();
    }

    private int intOr(long v, int otherwise) {
        return v != 0 && in.kind(v) == Interp.K_INT ? (int) in.m.intValue(v) : otherwise;
    }

    /**
     * The exception line and the exception's notes (__notes__), each note line by line. 3.11/3.12's printer
     * (pythonrun.c) puts a group box's margin only before the first line of the exception line and writes the
     * placeholder of a note whose str() fails without it; it takes a str __notes__ for a sequence of
     * one-character notes in 3.11, for a single value (its repr) in 3.12, as 3.13's traceback.py does. 3.11 ends
     * the repr of a __notes__ that is not a sequence without a line break.
     */
    private void printExceptionOnly(long exc) {
        String block = syntaxErrorBlock(exc);
        String exceptionLine = block != null ? block : in.exceptionLine(exc) + Suggestions.hint(in, exc, innermost(exc));
        if (in.minor < 13 && groupDepth > 0) {
            int nl = exceptionLine.indexOf('\n');
            line(nl < 0 ? exceptionLine : exceptionLine.substring(0, nl));
            if (nl >= 0) {
                sink.println(exceptionLine.substring(nl + 1));
            }
        } else {
            line(exceptionLine);
        }
        long notes = in.m.getAttr(exc, "__notes__");
        if (notes == 0) {
            return;
        }
        int k = in.kind(notes);
        if (k == Interp.K_STR && in.minor == 11) {
            in.m.strValue(notes).codePoints().forEach(cp -> printNote(Character.toString(cp)));
            return;
        }
        if (k != Interp.K_LIST && k != Interp.K_TUPLE) {
            String text = safeText(notes, false);
            text = text != null ? text : "<__notes__ repr() failed>";
            if (in.minor == 11) {
                // 3.11's printer writes the margin and the repr, and no line break after them
                sink.print((groupDepth == 0 ? "" : indent() + "| ") + text);
            } else {
                printNote(text);
            }
            return;
        }
        for (int i = 0; i < in.m.len(notes); i++) {
            long note = k == Interp.K_LIST ? in.m.listGet(notes, i) : in.m.tupleGet(notes, i);
            String text = in.kind(note) == Interp.K_STR ? in.m.strValue(note) : safeText(note, true);
            if (text != null) {
                printNote(text);
            } else if (in.minor < 13) {
                sink.println("<note str() failed>");
            } else {
                printNote("<note str() failed>");
            }
        }
    }

    /** str() or repr() of a value being printed, or null when that raises. */
    private String safeText(long v, boolean str) {
        try {
            return str ? in.str(v) : in.repr(v);
        } catch (PyRaise e) {
            in.m.decref(e.exc);
            return null;
        }
    }

    private void printNote(String note) {
        for (String l : note.split("\n", -1)) {
            line(l);
        }
    }

    /** The entry of the frame that raised exc (its traceback's last), or null. */
    private Entry innermost(long exc) {
        Entry last = null;
        for (long tb = attr(exc, "__traceback__"); tb != 0; tb = in.os.hostSlot(tb, 0)) {
            last = (Entry) in.os.payload(tb);
        }
        return last;
    }

    private void printTraceback(long exc, String header, char headerMargin) {
        long tb = attr(exc, "__traceback__");
        if (tb == 0 || limit != null && limit == 0) {
            return;
        }
        line(header, headerMargin);
        printEntries(tb);
    }

    /** The entries of a traceback chain, a recursion's repeats summarized, within the limit if there is one. */
    private void printEntries(long first) {
        List<Entry> entries = new ArrayList<>();
        for (long tb = first; tb != 0; tb = in.os.hostSlot(tb, 0)) {
            entries.add((Entry) in.os.payload(tb));
        }
        if (limit != null) {
            int n = (int) Math.min(entries.size(), Math.abs(limit));
            entries = limit >= 0 ? entries.subList(0, n) : entries.subList(entries.size() - n, entries.size());
        }
        Entry last = null;
        int count = 0;
        for (Entry e : entries) {
            boolean same = last != null && last.filename().equals(e.filename()) && last.line() == e.line()
                    && last.name().equals(e.name());
            if (!same) {
                printRepeated(count);
                last = e;
                count = 0;
            }
            count++;
            if (count > RECURSIVE_CUTOFF) {
                continue;
            }
            line("  File \"" + e.filename() + "\", line " + e.line() + ", in " + e.name());
            for (String s : in.minor >= 13 ? sourceLines313(e) : sourceLines311(e)) {
                line(s);
            }
        }
        printRepeated(count);
    }

    private void printRepeated(int count) {
        if (count > RECURSIVE_CUTOFF) {
            int more = count - RECURSIVE_CUTOFF;
            line("  [Previous line repeated " + more + " more time" + (more > 1 ? "s" : "") + "]");
        }
    }

    // ---- 3.11 and 3.12: Python/traceback.c ----

    private List<String> sourceLines311(Entry e) {
        List<String> out = new ArrayList<>();
        // traceback.c does not open names like <string> (python -c); linecache, which 3.13 uses, knows them
        String name = e.filename();
        String raw = name.startsWith("<") && name.endsWith(">") ? null : in.sourceLine(name, e.line());
        if (raw == null) {
            return out;
        }
        int indent = 0;
        while (indent < raw.length() && " \t\f".indexOf(raw.charAt(indent)) >= 0) {
            indent++;
        }
        out.add("    " + raw.substring(indent));
        Span p = e.pos();
        if (p == null || p.col() < 0 || p.endCol() < 0) {
            return out;
        }
        int start = Math.min(p.col(), raw.length());
        int end = Math.min(p.endCol(), raw.length());
        int[] anchors = null;
        if (p.line() == p.endLine()) {
            anchors = anchors311(raw.substring(start, Math.max(start, end)));
            if (anchors != null) {
                anchors[0] += start;
                anchors[1] += start;
            }
        } else {
            end = raw.length();
            while (end > 0 && " \t\f".indexOf(raw.charAt(end - 1)) >= 0) {
                end--;
            }
        }
        // the indicators are left out when the primary character would underline the whole line
        if (end - start == raw.length() - indent && anchors == null) {
            return out;
        }
        StringBuilder carets = new StringBuilder("    ");
        for (int col = indent; col < end; col++) {
            if (col < start) {
                carets.append(' ');
            } else if (anchors != null && col >= anchors[0] && col < anchors[1]) {
                carets.append('^');
            } else {
                carets.append(anchors != null ? '~' : '^');
            }
        }
        out.add(carets.toString());
        return out;
    }

    /** The operator of a binary operation, or the brackets of a subscript, in a one-line segment; or null. */
    private static int[] anchors311(String segment) {
        Stmt only = onlyStatement(segment);
        if (!(only instanceof Stmt.ExprStmt es)) {
            return null;
        }
        if (es.value() instanceof Expr.BinOp b) {
            for (int i = b.left().span().endCol(); i < b.right().span().col(); i++) {
                if (isBlank(segment.charAt(i))) {
                    continue;
                }
                int right = i + 1;
                if (i + 1 < b.right().span().col() && !isBlank(segment.charAt(i + 1))) {
                    right++;
                }
                return new int[] {i, right};
            }
            return null;
        }
        if (es.value() instanceof Expr.Subscript s) {
            return new int[] {s.value().span().endCol(), s.slice().span().endCol() + 1};
        }
        return null;
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t' || c == '\f';
    }

    /** The single statement of a source text, or null when it does not parse to exactly one. */
    private static Stmt onlyStatement(String source) {
        try {
            Module m = Parser.parseModule(source, "<traceback>");
            return m.body().size() == 1 ? m.body().get(0) : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    // ---- 3.13: Lib/traceback.py ----

    private List<String> sourceLines313(Entry e) {
        List<String> out = new ArrayList<>();
        Span p = e.pos();
        int first = e.line();
        int lastLine = p == null ? first : Math.max(first, p.endLine());
        List<String> original = new ArrayList<>();
        for (int l = first; l <= lastLine; l++) {
            String s = in.sourceLine(e.filename(), l);
            original.add(s == null ? "" : s.stripTrailing());
        }
        List<String> lines = dedent(original);
        if (String.join("\n", lines).isBlank()) {
            return out;
        }
        if (p == null || p.col() < 0 || p.endCol() < 0) {
            out.add("    " + original.get(0).strip());
            return out;
        }
        int dedented = original.get(0).length() - lines.get(0).length();
        int start = Math.max(0, Math.min(p.col(), original.get(0).length()) - dedented);
        int end = Math.max(0, Math.min(p.endCol(), original.get(original.size() - 1).length()) - dedented);
        int n = lines.size();
        String joined = String.join("\n", lines);
        int segEnd = joined.length() - (lines.get(n - 1).length() - end);
        String segment = start <= segEnd ? joined.substring(start, segEnd) : "";
        Anchors a = anchors313(segment);
        boolean show = showCarets(start, end, lines, a);
        int leftEnd = 0;
        int rightStart = 0;
        java.util.TreeSet<Integer> significant = new java.util.TreeSet<>(List.of(0, n - 1));
        if (a != null) {
            leftEnd = a.leftCol + (a.leftLine == 0 ? start : 0);
            rightStart = a.rightCol + (a.rightLine == 0 ? start : 0);
            for (int d = -1; d <= 1; d++) {
                significant.add(a.leftLine + d);
                significant.add(a.rightLine + d);
            }
        }
        significant.remove(-1);
        significant.remove(n);
        List<String> result = new ArrayList<>();
        Integer previous = null;
        for (int line : significant) {
            if (previous != null) {
                int gap = line - previous;
                if (gap == 2) {
                    outputLine(result, lines, line - 1, show, start, end, a, leftEnd, rightStart);
                } else if (gap > 2) {
                    result.add("...<" + (gap - 1) + " lines>...");
                }
            }
            outputLine(result, lines, line, show, start, end, a, leftEnd, rightStart);
            previous = line;
        }
        for (String s : dedent(result)) {
            out.add("    " + s);
        }
        return out;
    }

    private static void outputLine(List<String> result, List<String> lines, int i, boolean show, int start, int end,
            Anchors a, int leftEnd, int rightStart) {
        String line = lines.get(i);
        result.add(line);
        if (!show) {
            return;
        }
        int spaces = line.length() - line.stripLeading().length();
        int count = i == lines.size() - 1 ? end : line.length();
        StringBuilder carets = new StringBuilder();
        for (int col = 0; col < count; col++) {
            if (col < spaces || (i == 0 && col < start)) {
                carets.append(' ');
            } else if (a != null && (i > a.leftLine || (i == a.leftLine && col >= leftEnd))
                    && (i < a.rightLine || (i == a.rightLine && col < rightStart))) {
                carets.append('^');
            } else {
                carets.append(a != null ? '~' : '^');
            }
        }
        result.add(carets.toString());
    }

    /** Carets are left out for {@code return f(...)} and {@code x = f(...)} spanning the lines, and for a whole line. */
    private static boolean showCarets(int start, int end, List<String> lines, Anchors a) {
        Stmt st = firstStatement(String.join("\n", lines));
        Expr value = null;
        if (st instanceof Stmt.Return r && r.value() instanceof Expr.Call call && call.func() instanceof Expr.Name) {
            value = r.value();
        } else if (st instanceof Stmt.Assign as && as.value() instanceof Expr.Call && as.targets().size() == 1
                && as.targets().get(0) instanceof Expr.Name) {
            value = as.value();
        }
        if (value != null) {
            Span s = value.span();
            if (s.line() == 1 && s.endLine() == lines.size() && s.col() == start && s.endCol() == end) {
                return false;
            }
        }
        if (a != null) {
            return true;
        }
        return !lines.get(0).substring(0, Math.min(start, lines.get(0).length())).isBlank()
                || !lines.get(lines.size() - 1).substring(Math.min(end, lines.get(lines.size() - 1).length())).isBlank();
    }

    private static Stmt firstStatement(String source) {
        try {
            Module m = Parser.parseModule(source, "<traceback>");
            return m.body().isEmpty() ? null : m.body().get(0);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** Anchors within a segment: lines and columns relative to the segment. */
    private record Anchors(int leftLine, int leftCol, int rightLine, int rightCol) {
    }

    /** The operator of a binary operation, or the brackets of a subscript or call, in a segment; or null. */
    private static Anchors anchors313(String segment) {
        Stmt only = onlyStatement("(\n" + segment + "\n)");
        if (!(only instanceof Stmt.ExprStmt es)) {
            return null;
        }
        String[] lines = segment.split("\n", -1);
        try {
            switch (es.value()) {
                case Expr.BinOp b -> {
                    int[] pos = validEnd(lines, b.left().span());
                    pos = until(lines, pos, ch -> !Character.isWhitespace(ch) && ch != ')');
                    int line = pos[0];
                    int col = pos[1];
                    int right = col + 1;
                    Span r = b.right().span();
                    if (right < lines[line].length() && (r.line() - 2 > line || right < r.col())
                            && !Character.isWhitespace(lines[line].charAt(right)) && "\\#".indexOf(lines[line].charAt(right)) < 0) {
                        right++;
                    }
                    return new Anchors(line, col, line, right);
                }
                case Expr.Subscript s -> {
                    int[] left = until(lines, validEnd(lines, s.value().span()), ch -> ch == '[');
                    return new Anchors(left[0], left[1], s.span().endLine() - 2, s.span().endCol());
                }
                case Expr.Call c -> {
                    int[] left = until(lines, validEnd(lines, c.func().span()), ch -> ch == '(');
                    return new Anchors(left[0], left[1], c.span().endLine() - 2, c.span().endCol());
                }
                default -> {
                    return null;
                }
            }
        } catch (IndexOutOfBoundsException e) {
            return null;
        }
    }

    /** The end of a node as a valid character position of the segment (the next line's start past a line end). */
    private static int[] validEnd(String[] lines, Span s) {
        return nextValid(lines, s.endLine() - 2, s.endCol());
    }

    private static int[] nextValid(String[] lines, int line, int col) {
        while (line < lines.length && col >= lines[line].length()) {
            col = 0;
            line++;
        }
        if (line >= lines.length) {
            throw new IndexOutOfBoundsException("past the segment");
        }
        return new int[] {line, col};
    }

    /** The next character satisfying stop, skipping the rest of a line at a backslash or comment. */
    private static int[] until(String[] lines, int[] pos, java.util.function.IntPredicate stop) {
        int line = pos[0];
        int col = pos[1];
        while (true) {
            char ch = lines[line].charAt(col);
            if (ch == '\\' || ch == '#') {
                int[] n = nextValid(lines, line + 1, 0);
                line = n[0];
                col = n[1];
            } else if (!stop.test(ch)) {
                int[] n = nextValid(lines, line, col + 1);
                line = n[0];
                col = n[1];
            } else {
                return new int[] {line, col};
            }
        }
    }

    /** textwrap.dedent: the common leading whitespace of the non-blank lines removed; blank lines emptied. */
    static List<String> dedent(List<String> lines) {
        String margin = null;
        for (String l : lines) {
            if (l.isBlank()) {
                continue;
            }
            String ws = l.substring(0, l.length() - l.stripLeading().length());
            if (margin == null) {
                margin = ws;
            } else {
                int k = 0;
                while (k < margin.length() && k < ws.length() && margin.charAt(k) == ws.charAt(k)) {
                    k++;
                }
                margin = margin.substring(0, k);
            }
        }
        List<String> out = new ArrayList<>();
        for (String l : lines) {
            out.add(l.isBlank() ? "" : l.substring(margin == null ? 0 : margin.length()));
        }
        return out;
    }
}
