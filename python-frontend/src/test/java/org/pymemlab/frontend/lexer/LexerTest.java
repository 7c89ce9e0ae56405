package org.pymemlab.frontend.lexer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigInteger;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.pymemlab.frontend.PySyntaxError;

class LexerTest {

    private static List<Token> lex(String src) {
        return new Lexer(src, "<test>").tokenizeAll();
    }

    private static String kinds(String src) {
        return lex(src).stream().map(t -> t.kind().name()).collect(Collectors.joining(" "));
    }

    @Test
    void indentationProducesIndentAndDedent() {
        assertEquals("KW_IF NAME COLON NEWLINE INDENT NAME NEWLINE DEDENT NAME NEWLINE ENDMARKER",
                kinds("if x:\n    y\nz"));
        assertEquals("KW_IF NAME COLON NEWLINE INDENT KW_IF NAME COLON NEWLINE INDENT NAME NEWLINE DEDENT DEDENT"
                + " ENDMARKER", kinds("if a:\n  if b:\n    c\n"));
    }

    @Test
    void blankAndCommentLinesAndBracketsDoNotAffectIndentation() {
        assertEquals("NAME EQUAL LPAR NUMBER COMMA NUMBER RPAR NEWLINE ENDMARKER", kinds("x = (1,\n        2)\n"));
        assertEquals("NAME NEWLINE NAME NEWLINE ENDMARKER", kinds("a\n\n   # comment\n\nb\n"));
        assertEquals("NAME PLUS NUMBER NEWLINE ENDMARKER", kinds("x + \\\n  1"));
    }

    @Test
    void tabsAreExpandedToMultiplesOfEight() {
        assertEquals("KW_IF NAME COLON NEWLINE INDENT NAME NEWLINE NAME NEWLINE DEDENT ENDMARKER",
                kinds("if x:\n\ta\n\tb\n"));
        PySyntaxError e = assertThrows(PySyntaxError.class, () -> lex("if x:\n\ta\n        b\n"));
        assertEquals(PySyntaxError.Type.TAB_ERROR, e.type());
    }

    @Test
    void inconsistentDedentIsAnIndentationError() {
        PySyntaxError e = assertThrows(PySyntaxError.class, () -> lex("if x:\n    a\n  b\n"));
        assertEquals(PySyntaxError.Type.INDENTATION_ERROR, e.type());
        assertEquals("unindent does not match any outer indentation level", e.msg());
        assertEquals(3, e.line());
    }

    @Test
    void numbers() {
        List<Token> t = lex("0x_ff 0o17 0b101 1_000 00 1.5 1. .5 1e3 1E-2");
        assertEquals(BigInteger.valueOf(255), t.get(0).value());
        assertEquals(BigInteger.valueOf(15), t.get(1).value());
        assertEquals(BigInteger.valueOf(5), t.get(2).value());
        assertEquals(BigInteger.valueOf(1000), t.get(3).value());
        assertEquals(BigInteger.ZERO, t.get(4).value());
        assertEquals(1.5, t.get(5).value());
        assertEquals(1.0, t.get(6).value());
        assertEquals(0.5, t.get(7).value());
        assertEquals(1000.0, t.get(8).value());
        assertEquals(0.01, t.get(9).value());
        assertEquals("invalid decimal literal", assertThrows(PySyntaxError.class, () -> lex("1abc")).msg());
    }

    @Test
    void operatorsOfPython313() {
        assertEquals("COLONEQUAL RARROW DOUBLESTAREQUAL DOUBLESLASHEQUAL AT ATEQUAL ELLIPSIS LEFTSHIFTEQUAL"
                + " RIGHTSHIFTEQUAL NOTEQUAL DOUBLESTAR DOUBLESLASH NEWLINE ENDMARKER",
                kinds(":= -> **= //= @ @= ... <<= >>= != ** //"));
    }

    @Test
    void positionsAreLineAndZeroBasedCodePointColumns() {
        List<Token> t = lex("x = 'é'\ny = '\ud83d\ude00' + z");
        assertEquals(1, t.get(2).line());
        assertEquals(4, t.get(2).col());
        assertEquals(7, t.get(2).endCol());
        assertEquals("+", t.get(7).text());
        assertEquals(8, t.get(7).col());
        // the emoji is an invalid identifier character: reported by code point column
        PySyntaxError e = assertThrows(PySyntaxError.class, () -> lex("y = 1\n\ud83d\ude00 = 1"));
        assertEquals("invalid character '\ud83d\ude00' (U+1F600)", e.msg());
        assertEquals(2, e.line());
        assertEquals(1, e.offset());
    }

    @Test
    void unicodeIdentifiersAreNfkcNormalized() {
        assertEquals("fi", lex("\ufb01").get(0).text());
        assertEquals("café", lex("café").get(0).text());
    }

    @Test
    void stringPrefixesAndFStrings() {
        List<Token> t = lex("rb'x' Br\"y\" u'z' f'{a!r:>{w}}' 'n'");
        StringLit b = (StringLit) t.get(0).value();
        assertEquals(true, b.bytes());
        assertEquals(true, b.raw());
        assertEquals(true, ((StringLit) t.get(2).value()).unicode());
        FStringLit f = (FStringLit) t.get(3).value();
        FStringLit.Field field = (FStringLit.Field) f.parts().get(0);
        assertEquals('r', field.conversion());
        assertEquals(2, field.spec().size());
        assertEquals(TokenKind.STRING, t.get(4).kind());
    }

    @Test
    void unterminatedStringIsReportedAtItsStart() {
        PySyntaxError e = assertThrows(PySyntaxError.class, () -> lex("x = 1\ny = 'abc\n"));
        assertEquals("unterminated string literal (detected at line 2)", e.msg());
        assertEquals(2, e.line());
        assertEquals(5, e.offset());
    }

    @Test
    void tooManyNestedParentheses() {
        PySyntaxError e = assertThrows(PySyntaxError.class, () -> lex("(".repeat(201)));
        assertEquals("too many nested parentheses", e.msg());
    }

    @Test
    void longInputIsTokenizedInLinearTime() {
        String src = "x = [" + "1, ".repeat(200_000) + "]\n" + "y = 'abc'\n".repeat(50_000);
        List<Token> t = lex(src);
        assertEquals(3 + 400_000 + 2 + 50_000 * 4 + 1, t.size());
    }
}
