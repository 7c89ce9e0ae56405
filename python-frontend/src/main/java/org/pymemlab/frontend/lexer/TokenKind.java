package org.pymemlab.frontend.lexer;

import java.util.HashMap;
import java.util.Map;

/**
 * Token kinds: the structural tokens, NAME/NUMBER/STRING/FSTRING, every operator of Python 3.13
 * and every hard keyword (soft keywords such as {@code match} stay {@link #NAME}).
 */
public enum TokenKind {
    ENDMARKER(null), NAME(null), NUMBER(null), STRING(null), FSTRING(null), NEWLINE(null), INDENT(null),
    DEDENT(null),
    /** A character that is no Python token ({@code $}, {@code ?}, a lone {@code !}): always "invalid syntax". */
    ERRORTOKEN(null),

    LPAR("("), RPAR(")"), LSQB("["), RSQB("]"), COLON(":"), COMMA(","), SEMI(";"), PLUS("+"), MINUS("-"),
    STAR("*"), SLASH("/"), VBAR("|"), AMPER("&"), LESS("<"), GREATER(">"), EQUAL("="), DOT("."), PERCENT("%"),
    LBRACE("{"), RBRACE("}"), EQEQUAL("=="), NOTEQUAL("!="), LESSEQUAL("<="), GREATEREQUAL(">="), TILDE("~"),
    CIRCUMFLEX("^"), LEFTSHIFT("<<"), RIGHTSHIFT(">>"), DOUBLESTAR("**"), PLUSEQUAL("+="), MINEQUAL("-="),
    STAREQUAL("*="), SLASHEQUAL("/="), PERCENTEQUAL("%="), AMPEREQUAL("&="), VBAREQUAL("|="),
    CIRCUMFLEXEQUAL("^="), LEFTSHIFTEQUAL("<<="), RIGHTSHIFTEQUAL(">>="), DOUBLESTAREQUAL("**="),
    DOUBLESLASH("//"), DOUBLESLASHEQUAL("//="), AT("@"), ATEQUAL("@="), RARROW("->"), ELLIPSIS("..."),
    COLONEQUAL(":="), EXCLAMATION("!"),

    KW_FALSE("False"), KW_NONE("None"), KW_TRUE("True"), KW_AND("and"), KW_AS("as"), KW_ASSERT("assert"),
    KW_ASYNC("async"), KW_AWAIT("await"), KW_BREAK("break"), KW_CLASS("class"), KW_CONTINUE("continue"),
    KW_DEF("def"), KW_DEL("del"), KW_ELIF("elif"), KW_ELSE("else"), KW_EXCEPT("except"), KW_FINALLY("finally"),
    KW_FOR("for"), KW_FROM("from"), KW_GLOBAL("global"), KW_IF("if"), KW_IMPORT("import"), KW_IN("in"),
    KW_IS("is"), KW_LAMBDA("lambda"), KW_NONLOCAL("nonlocal"), KW_NOT("not"), KW_OR("or"), KW_PASS("pass"),
    KW_RAISE("raise"), KW_RETURN("return"), KW_TRY("try"), KW_WHILE("while"), KW_WITH("with"),
    KW_YIELD("yield");

    private static final Map<String, TokenKind> KEYWORDS = new HashMap<>();

    static {
        for (TokenKind k : values()) {
            if (k.name().startsWith("KW_")) {
                KEYWORDS.put(k.text, k);
            }
        }
    }

    private final String text;

    TokenKind(String text) {
        this.text = text;
    }

    /** The fixed spelling of an operator or keyword, or null. */
    public String text() {
        return text;
    }

    /** Whether this is a hard keyword. */
    public boolean isKeyword() {
        return ordinal() >= KW_FALSE.ordinal();
    }

    /** The keyword spelled {@code name}, or null. */
    public static TokenKind keyword(String name) {
        return KEYWORDS.get(name);
    }
}
