package org.pymemlab.frontend.parser;

import java.util.List;
import java.util.function.IntFunction;
import org.pymemlab.frontend.PySyntaxError;
import org.pymemlab.frontend.ast.ExceptHandler;
import org.pymemlab.frontend.ast.Module;
import org.pymemlab.frontend.ast.Span;
import org.pymemlab.frontend.ast.Stmt;

/**
 * The compiler's check that no {@code break}, {@code continue} or {@code return} leaves an {@code except*} block:
 * a break or continue may only jump within a loop inside the block, a return only from a function defined
 * inside it. Run on the whole module after parsing, as CPython's compiler runs after its parser, so the first
 * offending statement in source order is reported.
 */
final class ExceptStarCheck {

    private static final String MESSAGE = "'break', 'continue' and 'return' cannot appear in an except* block";

    private final String filename;
    private final IntFunction<String> lineText;

    private ExceptStarCheck(String filename, IntFunction<String> lineText) {
        this.filename = filename;
        this.lineText = lineText;
    }

    static void check(Module module, String filename, IntFunction<String> lineText) {
        new ExceptStarCheck(filename, lineText).stmts(module.body(), false, false);
    }

    /** loopExit: a break/continue here would leave an except* block; returnExit: a return would. */
    private void stmts(List<Stmt> body, boolean loopExit, boolean returnExit) {
        for (Stmt s : body) {
            stmt(s, loopExit, returnExit);
        }
    }

    private void stmt(Stmt s, boolean loopExit, boolean returnExit) {
        switch (s) {
            case Stmt.Break b -> fail(loopExit, b.span());
            case Stmt.Continue c -> fail(loopExit, c.span());
            case Stmt.Return r -> fail(returnExit, r.value() != null ? r.value().span() : r.span());
            case Stmt.FunctionDef f -> stmts(f.body(), false, false);
            case Stmt.ClassDef c -> stmts(c.body(), false, false);
            case Stmt.For f -> {
                stmts(f.body(), false, returnExit);
                stmts(f.orelse(), loopExit, returnExit);
            }
            case Stmt.While w -> {
                stmts(w.body(), false, returnExit);
                stmts(w.orelse(), loopExit, returnExit);
            }
            case Stmt.If i -> {
                stmts(i.body(), loopExit, returnExit);
                stmts(i.orelse(), loopExit, returnExit);
            }
            case Stmt.With w -> stmts(w.body(), loopExit, returnExit);
            case Stmt.Try t -> {
                stmts(t.body(), loopExit, returnExit);
                for (ExceptHandler h : t.handlers()) {
                    stmts(h.body(), loopExit || t.star(), returnExit || t.star());
                }
                stmts(t.orelse(), loopExit, returnExit);
                stmts(t.finalbody(), loopExit, returnExit);
            }
            default -> {
            }
        }
    }

    private void fail(boolean leaves, Span at) {
        if (leaves) {
            throw new PySyntaxError(PySyntaxError.Type.SYNTAX_ERROR, MESSAGE, filename, at.line(), at.col() + 1,
                    at.endLine(), at.endCol() + 1, lineText.apply(at.line()), false);
        }
    }
}
