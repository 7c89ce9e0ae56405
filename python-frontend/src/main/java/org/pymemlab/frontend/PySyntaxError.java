package org.pymemlab.frontend;

/**
 * A syntax error in Python source, carrying what CPython's {@code SyntaxError} carries.
 * Columns ({@link #offset()}, {@link #endOffset()}) are 1-based code-point columns, as
 * CPython reports them; {@code endOffset} may be 0 or -1 where CPython gives no end.
 */
public final class PySyntaxError extends RuntimeException {

    /** The Python exception class. */
    public enum Type {
        SYNTAX_ERROR("SyntaxError"), INDENTATION_ERROR("IndentationError"), TAB_ERROR("TabError");

        private final String pyName;

        Type(String pyName) {
            this.pyName = pyName;
        }

        /** The Python class name, e.g. {@code IndentationError}. */
        public String pyName() {
            return pyName;
        }
    }

    private final Type type;
    private final String msg;
    private final String filename;
    private final int line;
    private final int offset;
    private final int endLine;
    private final int endOffset;
    private final String text;
    /** Whether CPython would let this (tokenizer) error replace an earlier parser error. */
    private final boolean fromTokenizer;

    /** Creates an error; {@code text} is the offending source line without its newline. */
    public PySyntaxError(Type type, String msg, String filename, int line, int offset, int endLine,
                         int endOffset, String text, boolean fromTokenizer) {
        super(msg + " (" + filename + ", line " + line + ")", null, false, false);
        this.type = type;
        this.msg = msg;
        this.filename = filename;
        this.line = line;
        this.offset = offset;
        this.endLine = endLine;
        this.endOffset = endOffset;
        this.text = text;
        this.fromTokenizer = fromTokenizer;
    }

    /** The Python exception class. */
    public Type type() {
        return type;
    }

    /** The message alone, as {@code SyntaxError.msg}. */
    public String msg() {
        return msg;
    }

    /** The file name given to the parser. */
    public String filename() {
        return filename;
    }

    /** 1-based line. */
    public int line() {
        return line;
    }

    /** 1-based column, as {@code SyntaxError.offset}. */
    public int offset() {
        return offset;
    }

    /** 1-based end line. */
    public int endLine() {
        return endLine;
    }

    /** End column as {@code SyntaxError.end_offset}. */
    public int endOffset() {
        return endOffset;
    }

    /** The source line the error is on (without newline), or null. */
    public String text() {
        return text;
    }

    /** True for errors found by the tokenizer that CPython reports in preference to parser errors. */
    public boolean fromTokenizer() {
        return fromTokenizer;
    }

    /**
     * The error as CPython prints it at the end of a traceback:
     * {@code File "f.py", line 1}, the source line, a caret line and {@code SyntaxError: msg}.
     */
    public String format() {
        StringBuilder sb = new StringBuilder();
        sb.append("  File \"").append(filename).append("\", line ").append(line).append('\n');
        if (text != null) {
            String stripped = text.stripLeading();
            int removed = text.length() - stripped.length();
            String shown = stripped.stripTrailing();
            sb.append("    ").append(shown).append('\n');
            if (offset >= 1) {
                int start = Math.max(0, Math.min(offset - 1 - removed, shown.length()));
                int end = (endLine == line && endOffset > offset) ? endOffset - 1 - removed : start + 1;
                end = Math.max(start + 1, Math.min(end, shown.length() + 1));
                sb.append("    ").append(" ".repeat(start)).append("^".repeat(end - start)).append('\n');
            }
        }
        sb.append(type.pyName()).append(": ").append(msg);
        return sb.toString();
    }
}
