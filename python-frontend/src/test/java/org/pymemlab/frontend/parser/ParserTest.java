package org.pymemlab.frontend.parser;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.pymemlab.frontend.PySyntaxError;
import org.pymemlab.frontend.ast.AstDump;
import org.pymemlab.frontend.ast.Expr;
import org.pymemlab.frontend.ast.Module;
import org.pymemlab.frontend.ast.Span;
import org.pymemlab.frontend.ast.Stmt;

class ParserTest {

    private static String dumpExpr(String src) {
        return AstDump.dump(Parser.parseExpression(src, "<test>"));
    }

    @Test
    void powerIsRightAssociativeAndBindsTighterThanUnaryMinusOnItsLeft() {
        assertEquals("UnaryOp(op=USub(), operand=BinOp(left=Constant(value=2), op=Pow(), right=Constant(value=2)))",
                dumpExpr("-2 ** 2"));
        assertEquals("BinOp(left=Name(id='a', ctx=Load()), op=Pow(), right=BinOp(left=Name(id='b', ctx=Load()), "
                + "op=Pow(), right=Name(id='c', ctx=Load())))", dumpExpr("a ** b ** c"));
        assertEquals("BinOp(left=Constant(value=2), op=Pow(), right=UnaryOp(op=USub(), operand=Constant(value=1)))",
                dumpExpr("2 ** -1"));
    }

    @Test
    void binaryOperatorsAreLeftAssociativeWithPythonPrecedence() {
        assertEquals("BinOp(left=BinOp(left=Name(id='a', ctx=Load()), op=Sub(), right=Name(id='b', ctx=Load())), "
                + "op=Sub(), right=Name(id='c', ctx=Load()))", dumpExpr("a - b - c"));
        assertEquals("BinOp(left=Name(id='a', ctx=Load()), op=BitOr(), right=BinOp(left=Name(id='b', ctx=Load()), "
                + "op=BitAnd(), right=Name(id='c', ctx=Load())))", dumpExpr("a | b & c"));
    }

    @Test
    void notIsLowerThanComparisonsAndComparisonsChain() {
        Expr e = Parser.parseExpression("not a < b < c", "<test>");
        Expr.UnaryOp u = assertInstanceOf(Expr.UnaryOp.class, e);
        Expr.Compare c = assertInstanceOf(Expr.Compare.class, u.operand());
        assertEquals(2, c.ops().size());
    }

    @Test
    void spansFollowTheSource() {
        Module m = Parser.parseModule("x = 1\nif y:\n    z = f(a,\n          b)\n", "f.py");
        Stmt.If s = assertInstanceOf(Stmt.If.class, m.body().get(1));
        Stmt.Assign a = assertInstanceOf(Stmt.Assign.class, s.body().get(0));
        assertEquals(new Span(3, 4, 4, 12), a.span());
        assertEquals(new Span(3, 8, 4, 12), a.value().span());
        assertEquals("f.py", m.filename());
    }

    @Test
    void syntaxErrorCarriesFileLineColumnAndText() {
        PySyntaxError e = assertThrows(PySyntaxError.class,
                () -> Parser.parseModule("x = 1\nif x\n    pass\n", "prog.py"));
        assertEquals("expected ':'", e.msg());
        assertEquals("prog.py", e.filename());
        assertEquals(2, e.line());
        assertEquals(5, e.offset());
        assertEquals("if x", e.text());
        assertEquals("  File \"prog.py\", line 2\n    if x\n        ^\nSyntaxError: expected ':'", e.format());
    }

    @Test
    void exceptStarIsATryStarWhoseClausesMayNotLeaveIt() {
        Module m = Parser.parseModule("try:\n    f()\nexcept* (A, B) as e:\n    pass\n", "p.py");
        Stmt.Try t = assertInstanceOf(Stmt.Try.class, m.body().get(0));
        assertTrue(t.star());
        assertEquals("e", t.handlers().get(0).name());
        PySyntaxError e = assertThrows(PySyntaxError.class,
                () -> Parser.parseModule("for x in y:\n    try:\n        pass\n    except* E:\n        break\n", "p.py"));
        assertEquals("  File \"p.py\", line 5\n    break\n    ^^^^^\n"
                + "SyntaxError: 'break', 'continue' and 'return' cannot appear in an except* block", e.format());
        // a later parser error wins: the compiler's check runs on a module that parsed
        PySyntaxError later = assertThrows(PySyntaxError.class,
                () -> Parser.parseModule("def f():\n    try:\n        pass\n    except* E:\n        return\nx = = 1\n", "p.py"));
        assertEquals(6, later.line());
    }

    @Test
    void laterTokenizerErrorWinsOverEarlierParserError() {
        PySyntaxError e = assertThrows(PySyntaxError.class, () -> Parser.parseModule("x = = 1\ny = 'abc\n", "t"));
        assertEquals("unterminated string literal (detected at line 2)", e.msg());
    }

    /** Runs {@code r} on a thread with a deliberately small stack: no StackOverflowError may escape. */
    private static Throwable onSmallStack(Runnable r) throws InterruptedException {
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread t = new Thread(null, () -> {
            try {
                r.run();
            } catch (Throwable x) {
                thrown.set(x);
            }
        }, "small-stack", 512 * 1024);
        t.start();
        t.join();
        return thrown.get();
    }

    @Test
    void deepNestingIsAcceptedUpToCpythonsLimitsWithoutStackOverflow() throws InterruptedException {
        String[] ok = {
            "(".repeat(199) + "x" + ")".repeat(199),
            "[".repeat(199) + "]".repeat(199),
            "-".repeat(100_000) + "x",
            "not ".repeat(50_000) + "x",
            "x if y else ".repeat(5_000) + "z",
            String.join("**", java.util.Collections.nCopies(5_000, "a")),
            "f" + "(x)".repeat(10_000),
            "a" + ".b".repeat(10_000),
            "f'{".repeat(149) + "x" + "}'".repeat(149),
            "lambda: ".repeat(900) + "1",
        };
        for (String src : ok) {
            Throwable t = onSmallStack(() -> Parser.parseModule(src, "<deep>"));
            assertEquals(null, t, () -> "failed on " + src.substring(0, 20) + ": " + t);
        }
    }

    @Test
    void tooDeepNestingIsASyntaxErrorNotAStackOverflow() throws InterruptedException {
        String[] bad = {
            "(".repeat(201) + ")".repeat(201),
            "lambda: ".repeat(5_000) + "1",
            "f'{".repeat(200) + "x" + "}'".repeat(200),
        };
        for (String src : bad) {
            Throwable t = onSmallStack(() -> Parser.parseModule(src, "<deep>"));
            assertInstanceOf(PySyntaxError.class, t, () -> "got " + t);
        }
    }

    @Test
    void deeplyNestedBlocksHitTheIndentationLimit() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 120; i++) {
            sb.append(" ".repeat(i)).append("if x:\n");
        }
        sb.append(" ".repeat(120)).append("pass\n");
        PySyntaxError e = assertThrows(PySyntaxError.class, () -> Parser.parseModule(sb.toString(), "t"));
        assertEquals("too many levels of indentation", e.msg());
    }

    @Test
    void decoratorsAndYield() {
        Module m = assertDoesNotThrow(() -> Parser.parseModule(
                "class C:\n    @property\n    def x(self):\n        return 1\n"
                + "def g():\n    x = yield 1\n    yield from h()\n", "t"));
        Stmt.ClassDef c = assertInstanceOf(Stmt.ClassDef.class, m.body().get(0));
        Stmt.FunctionDef f = assertInstanceOf(Stmt.FunctionDef.class, c.body().get(0));
        assertEquals(1, f.decoratorList().size());
    }

    @Test
    void unsupportedConstructsSayWhat() {
        assertDoesNotThrow(() -> Parser.parseModule("async def f():\n    return await g()\n", "t"));
        assertDoesNotThrow(() -> Parser.parseModule("async def f():\n    async with a: pass\n", "t"));
        PySyntaxError e = assertThrows(PySyntaxError.class,
                () -> Parser.parseModule("async def f():\n    return [x async for x in y]\n", "t"));
        assertEquals("'async' is not supported by PyMem Lab's frontend", e.msg());
        e = assertThrows(PySyntaxError.class, () -> Parser.parseModule("match x:\n  case 1: pass\n", "t"));
        assertTrue(e.msg().startsWith("'match' statement is not supported"));
        assertDoesNotThrow(() -> Parser.parseModule("match = 1\nmatch(x)\nmatch[1]: int\n", "t"));
    }

    @Test
    void largeProgramParsesInLinearTime() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 20_000; i++) {
            sb.append("def f").append(i).append("(a, b=1, *c, **d):\n    return [x * a for x in c if x] + f'{b!r}'\n");
        }
        Module m = Parser.parseModule(sb.toString(), "big.py");
        assertEquals(20_000, m.body().size());
    }
}
