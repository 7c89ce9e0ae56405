package org.pymemlab.frontend.lexer;

import java.math.BigInteger;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import org.pymemlab.frontend.PySyntaxError;

/**
 * Python 3.13 tokenizer, following CPython's {@code Parser/lexer}: INDENT/DEDENT from an
 * indentation stack (tabs to multiples of 8, checked against tabs-as-1 for TabError), implicit
 * line joining inside brackets, backslash continuation, comments, Unicode names, numbers,
 * string and f-string literals. Tokens are produced on demand by {@link #next()}, so that, as in
 * CPython, a parser error early in a file is found before a tokenizer error later on.
 *
 * <p>The source is first {@linkplain #normalize normalized}: {@code \r\n} and {@code \r} become
 * {@code \n} and a final newline is added, as CPython does for {@code compile()} input. Errors
 * are thrown as {@link PySyntaxError} with CPython's message and position.
 *
 * <p>One pass, a constant amount of work per character; no regular expressions.
 */
public final class Lexer {

    /** CPython's MAXLEVEL: nesting of brackets. */
    public static final int MAX_LEVEL = 200;
    /** CPython's MAXINDENT: depth of the indentation stack. */
    public static final int MAX_INDENT = 100;
    private static final int TABSIZE = 8;
    private static final int EOF = -1;
    /** CPython's MAXFSTRINGLEVEL. */
    private static final int MAX_FSTRING_LEVEL = 150;

    private final String src;
    private final String filename;
    private final int end;
    private final boolean fstringExpr;
    private int pos;
    private int line;
    private int lineStart;

    private boolean atBol;
    private final int[] indStack = new int[MAX_INDENT];
    private final int[] altIndStack = new int[MAX_INDENT];
    private int indent;
    private int pendin;

    private final char[] parenStack = new char[MAX_LEVEL];
    private final int[] parenLine = new int[MAX_LEVEL];
    private final int[] parenCol = new int[MAX_LEVEL];
    private final int[] parenLineStart = new int[MAX_LEVEL];
    private int level;
    private final int baseLevel;
    private int fstringDepth;
    /** Every NAME token's text, in order of first appearance (shared with the lexers of f-string fields). */
    private java.util.Set<String> identifiers = new java.util.LinkedHashSet<>();

    // Column cache: columns count code points, so a line holding surrogate pairs needs a count.
    private int surrogateCheckedLineStart = -1;
    private boolean lineHasSurrogates;

    /**
     * A tokenizer for a whole file.
     *
     * @param source   the source text (any line endings)
     * @param filename the name for error messages
     */
    public Lexer(String source, String filename) {
        this(normalize(source), filename, 0, -1, 1, 0, 0, false);
    }

    /**
     * A tokenizer for the expression of an f-string replacement field, reading
     * {@code [start, end)} of an already normalized source as if inside brackets.
     *
     * @param normalizedSource the source as returned by {@link #source()}
     * @param filename         the name for error messages
     * @param start            first index
     * @param end              index after the last
     * @param line             line of {@code start}
     * @param lineStart        index where that line starts
     * @param fstringDepth     how many f-strings enclose it (capped as in CPython)
     * @param parent           the tokenizer of the enclosing source, whose identifiers this one adds to
     * @return the tokenizer
     */
    public static Lexer forFStringExpression(String normalizedSource, String filename, int start, int end, int line,
                                             int lineStart, int fstringDepth, Lexer parent) {
        Lexer lx = new Lexer(normalizedSource, filename, start, end, line, lineStart, 1, true);
        lx.fstringDepth = fstringDepth;
        lx.identifiers = parent.identifiers;
        return lx;
    }

    /** The identifiers read so far (names, attribute names, keywords of calls …), in order of first appearance. */
    public List<String> identifiers() {
        return List.copyOf(identifiers);
    }

    private Lexer(String src, String filename, int start, int end, int line, int lineStart, int level,
                  boolean fstringExpr) {
        this.src = src;
        this.filename = filename;
        this.pos = start;
        this.end = end < 0 ? src.length() : end;
        this.line = line;
        this.lineStart = lineStart;
        this.level = level;
        this.baseLevel = level;
        this.fstringExpr = fstringExpr;
        this.atBol = !fstringExpr;
    }

    /**
     * The source as CPython's tokenizer sees it: BOM removed, line endings {@code \n}, ending in a
     * newline unless empty.
     */
    public static String normalize(String source) {
        String s = source;
        if (!s.isEmpty() && s.charAt(0) == '\uFEFF') {
            s = s.substring(1);
        }
        if (s.indexOf('\r') >= 0) {
            s = s.replace("\r\n", "\n").replace('\r', '\n');
        }
        if (!s.isEmpty() && s.charAt(s.length() - 1) != '\n') {
            s = s + "\n";
        }
        return s;
    }

    /** The normalized source the tokens index into. */
    public String source() {
        return src;
    }

    /** The file name used in errors. */
    public String filename() {
        return filename;
    }

    /** Current bracket nesting level (0 outside brackets). */
    public int level() {
        return level;
    }

    /** Line of the innermost open bracket, or 0. */
    public int innermostParenLine() {
        return level > baseLevel ? parenLine[level - 1] : 0;
    }

    /** Tokenizes everything that is left, for tests and tools. */
    public List<Token> tokenizeAll() {
        List<Token> out = new ArrayList<>();
        Token t;
        do {
            t = next();
            out.add(t);
        } while (t.kind() != TokenKind.ENDMARKER);
        return out;
    }

    // ------------------------------------------------------------------ characters and positions

    private int peek() {
        return pos < end ? src.charAt(pos) : EOF;
    }

    private int peek(int ahead) {
        int p = pos + ahead;
        return p < end ? src.charAt(p) : EOF;
    }

    private int nextc() {
        return pos < end ? src.charAt(pos++) : EOF;
    }

    private void backup(int c) {
        if (c != EOF) {
            pos--;
        }
    }

    /** Records that a '\n' at index {@code pos - 1} was consumed. */
    private void newLine() {
        line++;
        lineStart = pos;
    }

    /** 0-based code-point column of {@code index} on the current line. */
    private int col(int index) {
        return colIn(lineStart, index);
    }

    private int colIn(int ls, int index) {
        if (ls != surrogateCheckedLineStart) {
            surrogateCheckedLineStart = ls;
            lineHasSurrogates = false;
            for (int i = ls; i < src.length(); i++) {
                char ch = src.charAt(i);
                if (ch == '\n') {
                    break;
                }
                if (Character.isSurrogate(ch)) {
                    lineHasSurrogates = true;
                    break;
                }
            }
        }
        return lineHasSurrogates ? src.codePointCount(ls, index) : index - ls;
    }

    private String lineText(int ls) {
        int e = src.indexOf('\n', ls);
        return src.substring(ls, e < 0 ? src.length() : e);
    }

    private Token token(TokenKind kind, int start, Object value) {
        return new Token(kind, kind.text() != null ? kind.text() : src.substring(start, pos), value, line, col(start),
                line, col(pos), start, pos);
    }

    // ------------------------------------------------------------------ errors

    /** CPython's tokenizer {@code syntaxerror()}: the offset is the number of characters before the cursor. */
    private PySyntaxError errAtCur(String msg) {
        int c = col(pos);
        return new PySyntaxError(PySyntaxError.Type.SYNTAX_ERROR, msg, filename, line, c, line, c, lineText(lineStart),
                true);
    }

    private PySyntaxError errAt(String msg, int ln, int ls, int offset, int endOffset) {
        return new PySyntaxError(PySyntaxError.Type.SYNTAX_ERROR, msg, filename, ln, offset, ln, endOffset,
                lineText(ls), true);
    }

    private PySyntaxError indentError(PySyntaxError.Type type, String msg, int offset, int endOffset) {
        return new PySyntaxError(type, msg, filename, line, offset, line, endOffset, lineText(lineStart), false);
    }

    private PySyntaxError tabError() {
        return indentError(PySyntaxError.Type.TAB_ERROR, "inconsistent use of tabs and spaces in indentation", 1, 0);
    }

    /** "'(' was never closed", at the innermost open bracket (CPython raises it when EOF is reached). */
    public PySyntaxError unclosedParenError() {
        int i = level - 1;
        int c = colIn(parenLineStart[i], parenLineStart[i] + parenCol[i]);
        return new PySyntaxError(PySyntaxError.Type.SYNTAX_ERROR, "'" + parenStack[i] + "' was never closed", filename,
                parenLine[i], c + 1, parenLine[i], 0, lineText(parenLineStart[i]), false);
    }

    // ------------------------------------------------------------------ the tokenizer

    /** The next token; after ENDMARKER, ENDMARKER again. */
    public Token next() {
        for (;;) {
            boolean blankline = false;
            if (atBol) {
                atBol = false;
                int column = 0;
                int altcol = 0;
                int contLineCol = 0;
                int c;
                for (;;) {
                    c = peek();
                    if (c == ' ') {
                        column++;
                        altcol++;
                        pos++;
                    } else if (c == '\t') {
                        column = (column / TABSIZE + 1) * TABSIZE;
                        altcol++;
                        pos++;
                    } else if (c == '\f') {
                        column = 0;
                        altcol = 0;
                        pos++;
                    } else if (c == '\\') {
                        // Indentation cannot be split by backslashes: the first one fixes the level.
                        contLineCol = contLineCol != 0 ? contLineCol : column;
                        pos++;
                        continuationLine();
                    } else {
                        break;
                    }
                }
                if (c == '#' || c == '\n') {
                    blankline = true;
                }
                if (!blankline && level == 0) {
                    if (contLineCol != 0) {
                        column = contLineCol;
                        altcol = contLineCol;
                    }
                    if (column == indStack[indent]) {
                        if (altcol != altIndStack[indent]) {
                            throw tabError();
                        }
                    } else if (column > indStack[indent]) {
                        if (indent + 1 >= MAX_INDENT) {
                            throw indentError(PySyntaxError.Type.INDENTATION_ERROR, "too many levels of indentation",
                                    col(pos) + 1, -1);
                        }
                        if (altcol <= altIndStack[indent]) {
                            throw tabError();
                        }
                        pendin++;
                        indStack[++indent] = column;
                        altIndStack[indent] = altcol;
                    } else {
                        while (indent > 0 && column < indStack[indent]) {
                            pendin--;
                            indent--;
                        }
                        if (column != indStack[indent]) {
                            int e = src.indexOf('\n', lineStart);
                            int len = colIn(lineStart, e < 0 ? src.length() : e) + 1;
                            throw indentError(PySyntaxError.Type.INDENTATION_ERROR,
                                    "unindent does not match any outer indentation level", len, -1);
                        }
                        if (altcol != altIndStack[indent]) {
                            throw tabError();
                        }
                    }
                }
            }

            if (pendin != 0) {
                if (pendin < 0) {
                    pendin++;
                    return new Token(TokenKind.DEDENT, "", null, line, col(pos), line, col(pos), pos, pos);
                }
                pendin--;
                return new Token(TokenKind.INDENT, "", null, line, col(pos), line, col(pos), pos, pos);
            }

            for (;;) { // "again": after a backslash continuation
                int c;
                do {
                    c = nextc();
                } while (c == ' ' || c == '\t' || c == '\f');
                int start = pos - (c == EOF ? 0 : 1);

                if (c == '#') {
                    while (c != EOF && c != '\n') {
                        c = nextc();
                    }
                    if (c == '\n') {
                        start = pos - 1;
                    }
                }

                if (c == EOF) {
                    if (level > baseLevel) {
                        throw unclosedParenError();
                    }
                    return new Token(TokenKind.ENDMARKER, "", null, line, col(pos), line, col(pos), pos, pos);
                }

                if (isPotentialIdentifierStart(c)) {
                    return nameOrString(start, c);
                }

                if (c == '\n') {
                    int nlCol = col(start);
                    int nlLine = line;
                    newLine();
                    atBol = !fstringExpr;
                    if (blankline || level > 0) {
                        break; // next line
                    }
                    return new Token(TokenKind.NEWLINE, "", null, nlLine, nlCol, nlLine, nlCol + 1, start, pos);
                }

                if (c == '.') {
                    int c2 = nextc();
                    if (c2 >= '0' && c2 <= '9') {
                        return number(start, c2, true);
                    }
                    if (c2 == '.' && peek() == '.') {
                        pos++;
                        return token(TokenKind.ELLIPSIS, start, null);
                    }
                    backup(c2);
                    return token(TokenKind.DOT, start, null);
                }

                if (c >= '0' && c <= '9') {
                    return number(start, c, false);
                }

                if (c == '\'' || c == '"') {
                    return string(start, false, false, false, false);
                }

                if (c == '\\') {
                    continuationLine();
                    continue;
                }

                return operator(start, c);
            }
        }
    }

    /** After a backslash: it must end the line, and the file must go on. */
    private void continuationLine() {
        int c = nextc();
        if (c != '\n') {
            // CPython's E_LINECONT: the offset is the column of the character after the backslash.
            int off = col(pos);
            throw new PySyntaxError(PySyntaxError.Type.SYNTAX_ERROR,
                    "unexpected character after line continuation character", filename, line, off, line, 0,
                    lineText(lineStart), false);
        }
        int nlEnd = col(pos);
        int ln = line;
        int ls = lineStart;
        newLine();
        if (peek() == EOF) {
            throw new PySyntaxError(PySyntaxError.Type.SYNTAX_ERROR, "unexpected EOF while parsing", filename, ln,
                    nlEnd, ln, -1, lineText(ls), false);
        }
    }

    private static boolean isPotentialIdentifierStart(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 128;
    }

    private static boolean isPotentialIdentifierChar(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c >= 128;
    }

    private Token nameOrString(int start, int first) {
        boolean sawB = false;
        boolean sawR = false;
        boolean sawU = false;
        boolean sawF = false;
        int c = first;
        while (true) {
            if (!(sawB || sawU || sawF) && (c == 'b' || c == 'B')) {
                sawB = true;
            } else if (!(sawB || sawU || sawR || sawF) && (c == 'u' || c == 'U')) {
                sawU = true;
            } else if (!(sawR || sawU) && (c == 'r' || c == 'R')) {
                sawR = true;
            } else if (!(sawF || sawB || sawU) && (c == 'f' || c == 'F')) {
                sawF = true;
            } else {
                break;
            }
            c = nextc();
            if (c == '"' || c == '\'') {
                return string(start, sawB, sawR, sawU, sawF);
            }
        }
        boolean nonascii = false;
        while (isPotentialIdentifierChar(c)) {
            if (c >= 128) {
                nonascii = true;
            }
            c = nextc();
        }
        backup(c);
        String name = src.substring(start, pos);
        if (nonascii) {
            name = verifyIdentifier(start, name);
        }
        TokenKind kw = TokenKind.keyword(name);
        if (kw != null) {
            return new Token(kw, kw.text(), null, line, col(start), line, col(pos), start, pos);
        }
        identifiers.add(name);
        return new Token(TokenKind.NAME, name, null, line, col(start), line, col(pos), start, pos);
    }

    /** PEP 3131: XID_Start XID_Continue*, then NFKC, as CPython. */
    private String verifyIdentifier(int start, String name) {
        int i = 0;
        boolean first = true;
        while (i < name.length()) {
            int cp = name.codePointAt(i);
            boolean ok = first ? (cp == '_' || Character.isUnicodeIdentifierStart(cp))
                    : (Character.isUnicodeIdentifierPart(cp) && !Character.isIdentifierIgnorable(cp));
            if (!ok) {
                pos = start + i + Character.charCount(cp);
                if (isPrintable(cp)) {
                    throw errAtCur(String.format("invalid character '%s' (U+%04X)", Character.toString(cp), cp));
                }
                throw errAtCur(String.format("invalid non-printable character U+%04X", cp));
            }
            first = false;
            i += Character.charCount(cp);
        }
        return Normalizer.normalize(name, Normalizer.Form.NFKC);
    }

    /** Python's {@code str.isprintable} for one character. */
    static boolean isPrintable(int cp) {
        if (cp == ' ') {
            return true;
        }
        switch (Character.getType(cp)) {
            case Character.CONTROL, Character.FORMAT, Character.SURROGATE, Character.PRIVATE_USE,
                 Character.UNASSIGNED, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
                 Character.SPACE_SEPARATOR -> {
                return false;
            }
            default -> {
                return true;
            }
        }
    }

    // ------------------------------------------------------------------ numbers

    private static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isHexDigit(int c) {
        return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    /** CPython's verify_end_of_number: {@code 1if x else y} is allowed (with a warning), {@code 1abc} is not. */
    private void verifyEndOfNumber(int c, String kind) {
        boolean r = false;
        if (c == 'a') {
            r = lookahead("nd");
        } else if (c == 'e') {
            r = lookahead("lse");
        } else if (c == 'f') {
            r = lookahead("or");
        } else if (c == 'i') {
            int c2 = peek();
            r = c2 == 'f' || c2 == 'n' || c2 == 's';
        } else if (c == 'o') {
            r = lookahead("r");
        } else if (c == 'n') {
            r = lookahead("ot");
        }
        if (!r && c != EOF && c < 128 && isPotentialIdentifierChar(c)) {
            backup(c);
            throw errAtCur("invalid " + kind + " literal");
        }
    }

    /** Whether {@code rest} follows the cursor and ends a word. */
    private boolean lookahead(String rest) {
        int p = pos;
        for (int i = 0; i < rest.length(); i++, p++) {
            if (p >= end || src.charAt(p) != rest.charAt(i)) {
                return false;
            }
        }
        return p >= end || !isPotentialIdentifierChar(src.charAt(p));
    }

    private int decimalTail() {
        int c;
        while (true) {
            do {
                c = nextc();
            } while (isDigit(c));
            if (c != '_') {
                break;
            }
            c = nextc();
            if (!isDigit(c)) {
                backup(c);
                throw errAtCur("invalid decimal literal");
            }
        }
        return c;
    }

    private Token number(int start, int c0, boolean startsWithDot) {
        int c = c0;
        boolean isFloat = false;
        if (startsWithDot) {
            // ".5": c is the first digit after the dot
            backup(c);
            c = decimalTail();
            isFloat = true;
            c = exponentAndEnd(c, true);
            return numberToken(start, true, c);
        }
        if (c == '0') {
            c = nextc();
            if (c == 'x' || c == 'X') {
                c = nextc();
                do {
                    if (c == '_') {
                        c = nextc();
                    }
                    if (!isHexDigit(c)) {
                        backup(c);
                        throw errAtCur("invalid hexadecimal literal");
                    }
                    do {
                        c = nextc();
                    } while (isHexDigit(c));
                } while (c == '_');
                verifyEndOfNumber(c, "hexadecimal");
                backup(c);
                return radixToken(start, 16);
            } else if (c == 'o' || c == 'O') {
                c = nextc();
                do {
                    if (c == '_') {
                        c = nextc();
                    }
                    if (c < '0' || c >= '8') {
                        if (isDigit(c)) {
                            throw errAtCur("invalid digit '" + (char) c + "' in octal literal");
                        }
                        backup(c);
                        throw errAtCur("invalid octal literal");
                    }
                    do {
                        c = nextc();
                    } while (c >= '0' && c < '8');
                } while (c == '_');
                if (isDigit(c)) {
                    throw errAtCur("invalid digit '" + (char) c + "' in octal literal");
                }
                verifyEndOfNumber(c, "octal");
                backup(c);
                return radixToken(start, 8);
            } else if (c == 'b' || c == 'B') {
                c = nextc();
                do {
                    if (c == '_') {
                        c = nextc();
                    }
                    if (c != '0' && c != '1') {
                        if (isDigit(c)) {
                            throw errAtCur("invalid digit '" + (char) c + "' in binary literal");
                        }
                        backup(c);
                        throw errAtCur("invalid binary literal");
                    }
                    do {
                        c = nextc();
                    } while (c == '0' || c == '1');
                } while (c == '_');
                if (isDigit(c)) {
                    throw errAtCur("invalid digit '" + (char) c + "' in binary literal");
                }
                verifyEndOfNumber(c, "binary");
                backup(c);
                return radixToken(start, 2);
            } else {
                boolean nonzero = false;
                while (true) {
                    if (c == '_') {
                        c = nextc();
                        if (!isDigit(c)) {
                            backup(c);
                            throw errAtCur("invalid decimal literal");
                        }
                    }
                    if (c != '0') {
                        break;
                    }
                    c = nextc();
                }
                int zerosEnd = pos;
                if (isDigit(c)) {
                    nonzero = true;
                    c = decimalTail();
                }
                if (c == '.') {
                    c = nextc();
                    if (isDigit(c)) {
                        backup(c);
                        c = decimalTail();
                    }
                    c = exponentAndEnd(c, true);
                    return numberToken(start, true, c);
                } else if (c == 'e' || c == 'E' || c == 'j' || c == 'J') {
                    c = exponentAndEnd(c, false);
                    return numberToken(start, true, c);
                } else if (nonzero) {
                    backup(c);
                    throw errAt("leading zeros in decimal integer literals are not permitted; "
                            + "use an 0o prefix for octal integers", line, lineStart, col(start) + 1, col(zerosEnd));
                }
                verifyEndOfNumber(c, "decimal");
                backup(c);
                return numberToken(start, false, EOF);
            }
        }
        c = decimalTail();
        if (c == '.') {
            isFloat = true;
            c = nextc();
            if (isDigit(c)) {
                backup(c);
                c = decimalTail();
            }
        }
        if (c == 'e' || c == 'E') {
            isFloat = true;
        }
        c = exponentAndEnd(c, isFloat);
        return numberToken(start, isFloat, c);
    }

    /**
     * Handles an optional exponent and the end of a decimal number; {@code c} is the character
     * after the mantissa. Returns EOF with the cursor after the number.
     */
    private int exponentAndEnd(int c0, boolean isFloat) {
        int c = c0;
        if (c == 'e' || c == 'E') {
            int e = c;
            c = nextc();
            if (c == '+' || c == '-') {
                c = nextc();
                if (!isDigit(c)) {
                    backup(c);
                    throw errAtCur("invalid decimal literal");
                }
            } else if (!isDigit(c)) {
                backup(c);
                verifyEndOfNumber(e, "decimal");
                backup(e);
                return EOF;
            }
            backup(c);
            c = decimalTail();
        }
        if (c == 'j' || c == 'J') {
            c = nextc();
            verifyEndOfNumber(c, "imaginary");
            backup(c);
            throw new PySyntaxError(PySyntaxError.Type.SYNTAX_ERROR,
                    "complex (imaginary) literals are not supported by PyMem Lab's frontend", filename, line, col(pos),
                    line, col(pos), lineText(lineStart), true);
        }
        verifyEndOfNumber(c, "decimal");
        backup(c);
        return EOF;
    }

    private Token numberToken(int start, boolean isFloat, int ignored) {
        String text = src.substring(start, pos);
        String digits = text.indexOf('_') >= 0 ? text.replace("_", "") : text;
        Object value;
        if (isFloat || digits.indexOf('.') >= 0 || digits.indexOf('e') >= 0 || digits.indexOf('E') >= 0) {
            value = Double.parseDouble(digits);
        } else {
            value = new BigInteger(digits);
        }
        return new Token(TokenKind.NUMBER, text, value, line, col(start), line, col(pos), start, pos);
    }

    private Token radixToken(int start, int radix) {
        String text = src.substring(start, pos);
        String digits = text.substring(2).replace("_", "");
        return new Token(TokenKind.NUMBER, text, new BigInteger(digits, radix), line, col(start), line, col(pos), start,
                pos);
    }

    // ------------------------------------------------------------------ strings

    /**
     * A string literal; the cursor is just after the opening quote character (prefix letters were
     * consumed from {@code start}).
     */
    private Token string(int start, boolean bytes, boolean raw, boolean unicode, boolean fstring) {
        int startLine = line;
        int startLineStart = lineStart;
        int startCol = col(start);
        int quote = src.charAt(pos - 1);
        int quoteSize = 1;
        if (peek() == quote && peek(1) == quote) {
            pos += 2;
            quoteSize = 3;
        }
        if (fstring) {
            if (fstringDepth + 1 >= MAX_FSTRING_LEVEL) {
                throw errAtCur("too many nested f-strings");
            }
            fstringDepth++;
            try {
                FString fs = new FString(raw, (char) quote, quoteSize, start, startLine, startLineStart, startCol);
                List<FStringLit.Part> parts = fstringBody(fs, false, 0);
                return new Token(TokenKind.FSTRING, src.substring(start, pos), new FStringLit(raw, parts), startLine,
                        startCol, line, col(pos), start, pos);
            } finally {
                fstringDepth--;
            }
        }
        int bodyStart = pos;
        int endQuoteSize = 0;
        boolean hasEscapedQuote = false;
        int c;
        while (endQuoteSize != quoteSize) {
            c = nextc();
            if (c == EOF || (quoteSize == 1 && c == '\n')) {
                throw unterminated(quoteSize, startLine, startLineStart, startCol, hasEscapedQuote, c == '\n'
                        ? line : line - 1, "string");
            }
            if (c == quote) {
                endQuoteSize++;
            } else {
                endQuoteSize = 0;
                if (c == '\n') {
                    newLine();
                } else if (c == '\\') {
                    c = nextc();
                    if (c == quote) {
                        hasEscapedQuote = true;
                    } else if (c == '\n') {
                        newLine();
                    }
                }
            }
        }
        return new Token(TokenKind.STRING, src.substring(start, pos),
                new StringLit(bytes, raw, unicode, bodyStart, pos - quoteSize), startLine, startCol, line, col(pos),
                start, pos);
    }

    private PySyntaxError unterminated(int quoteSize, int startLine, int startLineStart, int startCol,
                                       boolean escapedQuote, int detectedLine, String what) {
        // CPython reports the error at the opening quote's line, one past the token start.
        // EOF is reached after the final '\n' (line already advanced): the detection line is the last line.
        String msg;
        if (quoteSize == 3) {
            msg = "unterminated triple-quoted " + what + " literal (detected at line " + detectedLine + ")";
        } else if (escapedQuote) {
            msg = "unterminated " + what + " literal (detected at line " + detectedLine
                    + "); perhaps you escaped the end quote?";
        } else {
            msg = "unterminated " + what + " literal (detected at line " + detectedLine + ")";
        }
        return errAt(msg, startLine, startLineStart, startCol + 1, startCol + 1);
    }

    /** State of one f-string being scanned. */
    private record FString(boolean raw, char quote, int quoteSize, int start, int startLine, int startLineStart,
                           int startCol) {
    }

    private boolean atClosingQuote(FString fs) {
        if (peek() != fs.quote) {
            return false;
        }
        return fs.quoteSize == 1 || (peek(1) == fs.quote && peek(2) == fs.quote);
    }

    /**
     * Literal text and fields up to the closing quote (top level) or the closing brace (format spec,
     * {@code inSpec}); the closing brace is left for the caller.
     */
    private List<FStringLit.Part> fstringBody(FString fs, boolean inSpec, int specDepth) {
        List<FStringLit.Part> parts = new ArrayList<>();
        StringBuilder lit = new StringBuilder();
        int litLine = line;
        int litCol = col(pos);
        int litStart = pos;
        while (true) {
            int c = peek();
            if (c == EOF || (fs.quoteSize == 1 && c == '\n')) {
                if (inSpec) {
                    throw errAtCur("f-string: expecting '}'");
                }
                throw unterminated(fs.quoteSize, fs.startLine, fs.startLineStart, fs.startCol, false,
                        c == '\n' ? line : line - 1, "f-string");
            }
            if (atClosingQuote(fs)) {
                if (inSpec) {
                    throw errAtCur("f-string: expecting '}'");
                }
                if (!lit.isEmpty()) {
                    parts.add(new FStringLit.Text(lit.toString(), litLine, litCol, litStart));
                }
                pos += fs.quoteSize;
                return parts;
            }
            if (c == '{') {
                if (peek(1) == '{' && !inSpec) {
                    lit.append('{');
                    pos += 2;
                    continue;
                }
                if (!lit.isEmpty()) {
                    parts.add(new FStringLit.Text(lit.toString(), litLine, litCol, litStart));
                    lit.setLength(0);
                }
                if (specDepth >= 2) {
                    pos++;
                    throw errAtCur("f-string: expressions nested too deeply");
                }
                parts.add(field(fs, specDepth));
                litLine = line;
                litCol = col(pos);
                litStart = pos;
                continue;
            }
            if (c == '}') {
                if (inSpec) {
                    if (!lit.isEmpty()) {
                        parts.add(new FStringLit.Text(lit.toString(), litLine, litCol, litStart));
                    }
                    return parts;
                }
                if (peek(1) == '}') {
                    lit.append('}');
                    pos += 2;
                    continue;
                }
                pos++;
                throw errAtCur("f-string: single '}' is not allowed");
            }
            if (c == '\\' && !fs.raw) {
                int n = peek(1);
                if (n == '{' || n == '}') {
                    // "\{" is a backslash, then a real brace (CPython 3.12+)
                    lit.append('\\');
                    pos++;
                    continue;
                }
                if (n == 'N' && peek(2) == '{') {
                    int close = src.indexOf('}', pos);
                    int nl = src.indexOf('\n', pos);
                    if (close > 0 && (nl < 0 || close < nl) && close < end) {
                        lit.append(src, pos, close + 1);
                        pos = close + 1;
                        continue;
                    }
                }
                lit.append('\\');
                pos++;
                if (n == EOF) {
                    continue;
                }
                lit.append((char) n);
                pos++;
                if (n == '\n') {
                    newLine();
                }
                continue;
            }
            lit.append((char) c);
            pos++;
            if (c == '\n') {
                newLine();
            }
        }
    }

    /** A replacement field; the cursor is at its '{'. */
    private FStringLit.Field field(FString fs, int specDepth) {
        int openLine = line;
        int openCol = col(pos);
        pos++;
        int exprStart = pos;
        int exprLine = line;
        int exprLineStart = lineStart;
        int depth = 0;
        int exprEnd;
        String debugText = null;
        char[] brackets = new char[MAX_LEVEL];
        scan:
        while (true) {
            int c = peek();
            if (c == EOF) {
                throw errAtCur("f-string: expecting '}'");
            }
            if (c == '\n') {
                if (fs.quoteSize == 1 && depth == 0) {
                    throw unterminated(1, fs.startLine, fs.startLineStart, fs.startCol, false, line, "f-string");
                }
                pos++;
                newLine();
                continue;
            }
            if (c == '\'' || c == '"') {
                nestedString(fs, pos);
                continue;
            }
            if (isPotentialIdentifierStart(c)) {
                int p = pos;
                while (p < end && isPotentialIdentifierChar(src.charAt(p))) {
                    p++;
                }
                if (p < end && (src.charAt(p) == '\'' || src.charAt(p) == '"') && p - pos <= 2
                        && isStringPrefix(src, pos, p)) {
                    nestedString(fs, pos);
                } else {
                    pos = p;
                }
                continue;
            }
            switch (c) {
                case '(', '[', '{' -> {
                    if (depth >= MAX_LEVEL) {
                        pos++;
                        throw errAtCur("too many nested parentheses");
                    }
                    brackets[depth++] = (char) c;
                    pos++;
                }
                case ')', ']', '}' -> {
                    if (depth == 0) {
                        if (c == '}') {
                            exprEnd = pos;
                            break scan;
                        }
                        pos++;
                        throw errAtCur("f-string: unmatched '" + (char) c + "'");
                    }
                    char open = brackets[--depth];
                    if (!((open == '(' && c == ')') || (open == '[' && c == ']') || (open == '{' && c == '}'))) {
                        pos++;
                        throw errAtCur("closing parenthesis '" + (char) c + "' does not match opening parenthesis '"
                                + open + "'");
                    }
                    pos++;
                }
                case '!' -> {
                    if (peek(1) == '=') {
                        pos += 2;
                    } else if (depth == 0) {
                        exprEnd = pos;
                        break scan;
                    } else {
                        pos++;
                    }
                }
                case ':' -> {
                    if (depth == 0) {
                        exprEnd = pos;
                        break scan;
                    }
                    pos++;
                }
                case '=' -> {
                    if (peek(1) == '=') {
                        pos += 2;
                    } else if (depth == 0) {
                        exprEnd = pos;
                        break scan;
                    } else {
                        pos++;
                    }
                }
                case '<', '>' -> pos += peek(1) == '=' ? 2 : 1;
                case '#' -> {
                    while (peek() != EOF && peek() != '\n') {
                        pos++;
                    }
                }
                default -> pos++;
            }
        }
        int term = peek();
        if (src.substring(exprStart, exprEnd).isBlank()) {
            pos++;
            throw errAt("f-string: valid expression required before '" + (char) term + "'", line, lineStart,
                    col(pos), col(pos) + 1);
        }
        if (term == '=') {
            pos++;
            while (peek() == ' ' || peek() == '\t' || peek() == '\f') {
                pos++;
            }
            debugText = src.substring(exprStart, pos);
        }
        int conversion = -1;
        if (peek() == '!') {
            pos++;
            int cc = peek();
            if (cc == 's' || cc == 'r' || cc == 'a') {
                conversion = cc;
                pos++;
            } else if (cc == '}' || cc == ':' || cc == EOF) {
                pos++;
                throw errAtCur("f-string: missing conversion character");
            } else {
                pos++;
                throw errAtCur("f-string: invalid conversion character '" + Character.toString(cc)
                        + "': expected 's', 'r', or 'a'");
            }
            if (peek() != ':' && peek() != '}') {
                pos++;
                throw errAtCur("f-string: expecting '}'");
            }
        }
        List<FStringLit.Part> spec = null;
        if (peek() == ':') {
            pos++;
            spec = fstringBody(fs, true, specDepth + 1);
        }
        if (peek() != '}') {
            throw errAtCur("f-string: expecting '}'");
        }
        pos++;
        return new FStringLit.Field(exprStart, exprEnd, exprLine, exprLineStart, conversion, debugText, spec, openLine,
                openCol, line, col(pos));
    }

    private static boolean isStringPrefix(String s, int from, int to) {
        String p = s.substring(from, to).toLowerCase(java.util.Locale.ROOT);
        return switch (p) {
            case "b", "r", "u", "f", "br", "rb", "fr", "rf" -> true;
            default -> false;
        };
    }

    /** Skips a string literal nested in an f-string expression (PEP 701 allows the same quotes). */
    private void nestedString(FString outer, int start) {
        int p = start;
        boolean b = false;
        boolean r = false;
        boolean u = false;
        boolean f = false;
        while (src.charAt(p) != '\'' && src.charAt(p) != '"') {
            char ch = Character.toLowerCase(src.charAt(p));
            b |= ch == 'b';
            r |= ch == 'r';
            u |= ch == 'u';
            f |= ch == 'f';
            p++;
        }
        char q = src.charAt(p);
        boolean triple = p + 2 < end && src.charAt(p + 1) == q && src.charAt(p + 2) == q;
        pos = p + 1;
        try {
            string(start, b, r, u, f);
        } catch (PySyntaxError e) {
            // An unterminated string opened with the f-string's own quote means a missing '}'.
            if (e.msg().startsWith("unterminated") && q == outer.quote && (triple ? 3 : 1) == outer.quoteSize) {
                throw new PySyntaxError(PySyntaxError.Type.SYNTAX_ERROR, "f-string: expecting '}'", filename, e.line(),
                        e.offset(), e.line(), e.offset(), e.text(), true);
            }
            throw e;
        }
    }

    // ------------------------------------------------------------------ operators

    private Token operator(int start, int c) {
        int c2 = peek();
        int c3 = peek(1);
        TokenKind k3 = threeChars(c, c2, c3);
        if (k3 != null) {
            pos += 2;
            return token(k3, start, null);
        }
        TokenKind k2 = twoChars(c, c2);
        if (k2 != null) {
            pos += 1;
            return token(k2, start, null);
        }
        switch (c) {
            case '(', '[', '{' -> {
                if (level >= MAX_LEVEL) {
                    throw errAtCur("too many nested parentheses");
                }
                parenStack[level] = (char) c;
                parenLine[level] = line;
                parenCol[level] = start - lineStart;
                parenLineStart[level] = lineStart;
                level++;
            }
            case ')', ']', '}' -> {
                if (level == baseLevel) {
                    throw errAtCur(fstringExpr ? "f-string: unmatched '" + (char) c + "'"
                            : "unmatched '" + (char) c + "'");
                }
                level--;
                char opening = parenStack[level];
                if (!((opening == '(' && c == ')') || (opening == '[' && c == ']') || (opening == '{' && c == '}'))) {
                    if (parenLine[level] != line) {
                        throw errAtCur("closing parenthesis '" + (char) c + "' does not match opening parenthesis '"
                                + opening + "' on line " + parenLine[level]);
                    }
                    throw errAtCur("closing parenthesis '" + (char) c + "' does not match opening parenthesis '"
                            + opening + "'");
                }
            }
            default -> {
            }
        }
        TokenKind k1 = oneChar(c);
        if (k1 != null) {
            return token(k1, start, null);
        }
        if (!isPrintable(c)) {
            throw errAtCur(String.format("invalid non-printable character U+%04X", c));
        }
        return token(TokenKind.ERRORTOKEN, start, null);
    }

    private static TokenKind oneChar(int c) {
        return switch (c) {
            case '(' -> TokenKind.LPAR;
            case ')' -> TokenKind.RPAR;
            case '[' -> TokenKind.LSQB;
            case ']' -> TokenKind.RSQB;
            case ':' -> TokenKind.COLON;
            case ',' -> TokenKind.COMMA;
            case ';' -> TokenKind.SEMI;
            case '+' -> TokenKind.PLUS;
            case '-' -> TokenKind.MINUS;
            case '*' -> TokenKind.STAR;
            case '/' -> TokenKind.SLASH;
            case '|' -> TokenKind.VBAR;
            case '&' -> TokenKind.AMPER;
            case '<' -> TokenKind.LESS;
            case '>' -> TokenKind.GREATER;
            case '=' -> TokenKind.EQUAL;
            case '.' -> TokenKind.DOT;
            case '%' -> TokenKind.PERCENT;
            case '{' -> TokenKind.LBRACE;
            case '}' -> TokenKind.RBRACE;
            case '~' -> TokenKind.TILDE;
            case '^' -> TokenKind.CIRCUMFLEX;
            case '@' -> TokenKind.AT;
            case '!' -> TokenKind.EXCLAMATION;
            default -> null;
        };
    }

    private static TokenKind twoChars(int c1, int c2) {
        return switch (c1) {
            case '!' -> c2 == '=' ? TokenKind.NOTEQUAL : null;
            case '%' -> c2 == '=' ? TokenKind.PERCENTEQUAL : null;
            case '&' -> c2 == '=' ? TokenKind.AMPEREQUAL : null;
            case '*' -> c2 == '*' ? TokenKind.DOUBLESTAR : c2 == '=' ? TokenKind.STAREQUAL : null;
            case '+' -> c2 == '=' ? TokenKind.PLUSEQUAL : null;
            case '-' -> c2 == '=' ? TokenKind.MINEQUAL : c2 == '>' ? TokenKind.RARROW : null;
            case '/' -> c2 == '/' ? TokenKind.DOUBLESLASH : c2 == '=' ? TokenKind.SLASHEQUAL : null;
            case ':' -> c2 == '=' ? TokenKind.COLONEQUAL : null;
            // "<>" is only "!=" under barry_as_FLUFL; otherwise CPython reports invalid syntax on it.
            case '<' -> c2 == '<' ? TokenKind.LEFTSHIFT : c2 == '=' ? TokenKind.LESSEQUAL
                    : c2 == '>' ? TokenKind.ERRORTOKEN : null;
            case '=' -> c2 == '=' ? TokenKind.EQEQUAL : null;
            case '>' -> c2 == '=' ? TokenKind.GREATEREQUAL : c2 == '>' ? TokenKind.RIGHTSHIFT : null;
            case '@' -> c2 == '=' ? TokenKind.ATEQUAL : null;
            case '^' -> c2 == '=' ? TokenKind.CIRCUMFLEXEQUAL : null;
            case '|' -> c2 == '=' ? TokenKind.VBAREQUAL : null;
            default -> null;
        };
    }

    private static TokenKind threeChars(int c1, int c2, int c3) {
        if (c3 != '=' && c3 != '.') {
            return null;
        }
        if (c1 == '*' && c2 == '*' && c3 == '=') {
            return TokenKind.DOUBLESTAREQUAL;
        }
        if (c1 == '/' && c2 == '/' && c3 == '=') {
            return TokenKind.DOUBLESLASHEQUAL;
        }
        if (c1 == '<' && c2 == '<' && c3 == '=') {
            return TokenKind.LEFTSHIFTEQUAL;
        }
        if (c1 == '>' && c2 == '>' && c3 == '=') {
            return TokenKind.RIGHTSHIFTEQUAL;
        }
        return null;
    }
}
