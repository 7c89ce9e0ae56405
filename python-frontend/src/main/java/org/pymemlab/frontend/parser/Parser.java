package org.pymemlab.frontend.parser;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import org.pymemlab.frontend.PySyntaxError;
import org.pymemlab.frontend.ast.Alias;
import org.pymemlab.frontend.ast.Arg;
import org.pymemlab.frontend.ast.Arguments;
import org.pymemlab.frontend.ast.Comprehension;
import org.pymemlab.frontend.ast.ExceptHandler;
import org.pymemlab.frontend.ast.Expr;
import org.pymemlab.frontend.ast.Keyword;
import org.pymemlab.frontend.ast.Module;
import org.pymemlab.frontend.ast.Ops.BinOpKind;
import org.pymemlab.frontend.ast.Ops.BoolOpKind;
import org.pymemlab.frontend.ast.Ops.CmpOpKind;
import org.pymemlab.frontend.ast.Ops.Ctx;
import org.pymemlab.frontend.ast.Ops.UnaryOpKind;
import org.pymemlab.frontend.ast.PyBytes;
import org.pymemlab.frontend.ast.Span;
import org.pymemlab.frontend.ast.Stmt;
import org.pymemlab.frontend.ast.WithItem;
import org.pymemlab.frontend.lexer.FStringLit;
import org.pymemlab.frontend.lexer.Lexer;
import org.pymemlab.frontend.lexer.StringDecoder;
import org.pymemlab.frontend.lexer.StringLit;
import org.pymemlab.frontend.lexer.Token;
import org.pymemlab.frontend.lexer.TokenKind;

/**
 * Hand-written recursive-descent parser for the PyMem Lab subset of Python 3.13, producing the
 * {@link org.pymemlab.frontend.ast} tree. Binary operators use precedence climbing with Python's
 * exact precedence and associativity; unary, {@code not}, {@code **} and conditional-expression
 * chains are folded iteratively, and nesting is capped, so no input can overflow the Java stack.
 *
 * <p>Errors are {@link PySyntaxError}s with CPython 3.13's messages for the common cases. As in
 * CPython, when the parser fails, the rest of the file is tokenized and a tokenizer error found
 * there (an unterminated string, say) is reported instead.
 *
 * <p>Entry points: {@link #parseModule(String, String)} and {@link #parseExpression(String, String)}.
 */
public final class Parser {

    /** Deepest nesting of expressions accepted (CPython fails around a few thousand). */
    public static final int MAX_EXPR_DEPTH = 1000;

    private static final String UNSUPPORTED = " not supported by PyMem Lab's frontend";

    private final Lexer lexer;
    private final String src;
    private final String filename;
    private final List<Token> tokens = new ArrayList<>();
    private int p;
    private int depth;
    private PySyntaxError lexerFailure;
    /** Expressions written in parentheses (matters for AnnAssign.simple and some error messages). */
    private final Set<Expr> parenthesized = Collections.newSetFromMap(new IdentityHashMap<>());

    private Parser(Lexer lexer, int depth) {
        this.lexer = lexer;
        this.src = lexer.source();
        this.filename = lexer.filename();
        this.depth = depth;
    }

    /**
     * Parses a module (file input).
     *
     * @param source   the source text
     * @param filename the name used in errors
     * @return the tree
     * @throws PySyntaxError with CPython's type, message and position
     */
    public static Module parseModule(String source, String filename) {
        return onParserThread(() -> {
            Parser ps = new Parser(new Lexer(source, filename), 0);
            try {
                Module module = ps.file();
                ExceptStarCheck.check(module, filename, ps::lineText);
                return module;
            } catch (PySyntaxError e) {
                throw ps.preferTokenizerError(e);
            } catch (StackOverflowError e) {
                throw ps.tooComplex();
            }
        });
    }

    /**
     * Stack for a parse. The nesting caps (200 brackets, {@link #MAX_EXPR_DEPTH}, 100 indents, 150
     * f-strings) bound the recursion to well under this, whatever the caller's thread stack is.
     */
    private static final long PARSER_STACK_BYTES = 32L << 20;

    /** Runs a parse on its own thread with a known, large stack, so the caller's -Xss does not matter. */
    private static <T> T onParserThread(java.util.function.Supplier<T> work) {
        java.util.concurrent.atomic.AtomicReference<T> result = new java.util.concurrent.atomic.AtomicReference<>();
        java.util.concurrent.atomic.AtomicReference<Throwable> failure =
                new java.util.concurrent.atomic.AtomicReference<>();
        Thread t = new Thread(null, () -> {
            try {
                result.set(work.get());
            } catch (Throwable x) {
                failure.set(x);
            }
        }, "pymem-parser", PARSER_STACK_BYTES);
        t.setDaemon(true);
        t.start();
        boolean interrupted = false;
        while (true) {
            try {
                t.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        Throwable x = failure.get();
        if (x instanceof RuntimeException re) {
            throw re;
        }
        if (x instanceof Error err) {
            throw err;
        }
        return result.get();
    }

    private PySyntaxError tooComplex() {
        Token t = tokens.isEmpty() ? new Token(TokenKind.ENDMARKER, "", null, 1, 0, 1, 0, 0, 0)
                : tokens.get(tokens.size() - 1);
        return errorAt(t, "too many nested expressions: Python source too complex to parse");
    }

    /**
     * Parses a single expression (eval input), e.g. for {@code pymem run -c} helpers and tests.
     *
     * @param source   the source text
     * @param filename the name used in errors
     * @return the expression
     */
    public static Expr parseExpression(String source, String filename) {
        return onParserThread(() -> parseExpressionHere(source, filename));
    }

    private static Expr parseExpressionHere(String source, String filename) {
        Parser ps = new Parser(new Lexer(source, filename), 0);
        try {
            Expr e = ps.starExpressions();
            while (ps.at(TokenKind.NEWLINE)) {
                ps.advance();
            }
            if (!ps.at(TokenKind.ENDMARKER)) {
                throw ps.invalidSyntax();
            }
            return e;
        } catch (PySyntaxError e) {
            throw ps.preferTokenizerError(e);
        } catch (StackOverflowError e) {
            throw ps.tooComplex();
        }
    }

    /** CPython's {@code _PyPegen_tokenize_full_source_to_check_for_errors}. */
    private PySyntaxError preferTokenizerError(PySyntaxError e) {
        if (e == lexerFailure) {
            return e;
        }
        int errLine = tokens.isEmpty() ? e.line() : tokens.get(tokens.size() - 1).line();
        try {
            while (lexer.next().kind() != TokenKind.ENDMARKER) {
                // only looking for errors
            }
        } catch (PySyntaxError te) {
            if (te.msg().endsWith("' was never closed")) {
                return errLine > te.line() ? te : e;
            }
            return te.fromTokenizer() ? te : e;
        }
        return e;
    }

    // ------------------------------------------------------------------ tokens

    private Token la(int k) {
        while (tokens.size() <= p + k) {
            try {
                tokens.add(lexer.next());
            } catch (PySyntaxError e) {
                lexerFailure = e;
                throw e;
            }
        }
        return tokens.get(p + k);
    }

    private Token tok() {
        return la(0);
    }

    private boolean at(TokenKind k) {
        return la(0).kind() == k;
    }

    private boolean atName(String name) {
        Token t = la(0);
        return t.kind() == TokenKind.NAME && t.text().equals(name);
    }

    private Token advance() {
        Token t = la(0);
        p++;
        return t;
    }

    private boolean accept(TokenKind k) {
        if (at(k)) {
            p++;
            return true;
        }
        return false;
    }

    private Token expect(TokenKind k) {
        if (!at(k)) {
            throw invalidSyntax();
        }
        return advance();
    }

    /** CPython's forced token {@code &&'x'}: "expected 'x'" whatever comes instead. */
    private Token expectForced(TokenKind k) {
        if (!at(k)) {
            throw errorAt(tok(), "expected '" + k.text() + "'");
        }
        return advance();
    }

    /** A ':' that CPython only names when the line ends there ("expected ':'"). */
    private void expectColon() {
        if (at(TokenKind.COLON)) {
            advance();
            return;
        }
        if (at(TokenKind.NEWLINE)) {
            throw errorAt(tok(), "expected ':'");
        }
        throw invalidSyntax();
    }

    private Token prev() {
        return tokens.get(p - 1);
    }

    // ------------------------------------------------------------------ spans and errors

    private static Span span(Token a, Token b) {
        return new Span(a.line(), a.col(), b.endLine(), b.endCol());
    }

    private Span spanFrom(Token a) {
        return span(a, prev());
    }

    private Span spanFrom(Span a) {
        Token b = prev();
        return new Span(a.line(), a.col(), b.endLine(), b.endCol());
    }

    /** A compound statement's span: from its first token to the end of its body's last statement, as CPython's. */
    private Span compoundSpan(Token first, List<Stmt> body) {
        Span last = body.get(body.size() - 1).span();
        return new Span(first.line(), first.col(), last.endLine(), last.endCol());
    }

    private static Span span(Span a, Span b) {
        return Span.of(a, b);
    }

    private String lineText(int line) {
        int idx = 0;
        for (int l = 1; l < line && idx >= 0; l++) {
            idx = src.indexOf('\n', idx);
            if (idx >= 0) {
                idx++;
            }
        }
        if (idx < 0 || idx > src.length()) {
            return null;
        }
        int e = src.indexOf('\n', idx);
        return src.substring(idx, e < 0 ? src.length() : e);
    }

    private PySyntaxError error(PySyntaxError.Type type, String msg, Span s) {
        return new PySyntaxError(type, msg, filename, s.line(), s.col() + 1, s.endLine(), s.endCol() + 1,
                lineText(s.line()), false);
    }

    private PySyntaxError errorAt(Token t, String msg) {
        return error(PySyntaxError.Type.SYNTAX_ERROR, msg, span(t, t));
    }

    private PySyntaxError errorAt(Span s, String msg) {
        return error(PySyntaxError.Type.SYNTAX_ERROR, msg, s);
    }

    /** The generic error at the current token, as CPython reports it. */
    private PySyntaxError invalidSyntax() {
        Token t = tok();
        if (t.kind() == TokenKind.INDENT) {
            return new PySyntaxError(PySyntaxError.Type.INDENTATION_ERROR, "unexpected indent", filename, t.line(),
                    t.col(), t.line(), -1, lineText(t.line()), false);
        }
        if (t.kind() == TokenKind.DEDENT) {
            return new PySyntaxError(PySyntaxError.Type.INDENTATION_ERROR, "unexpected unindent", filename, t.line(),
                    t.col(), t.line(), -1, lineText(t.line()), false);
        }
        return errorAt(t, "invalid syntax");
    }

    private PySyntaxError unsupported(Token t, String what) {
        return errorAt(t, what + UNSUPPORTED);
    }

    private void enter() {
        if (++depth > MAX_EXPR_DEPTH) {
            throw errorAt(tok(), "too many nested expressions (more than " + MAX_EXPR_DEPTH
                    + "): Python source too complex to parse");
        }
    }

    private void leave() {
        depth--;
    }

    // ------------------------------------------------------------------ statements

    private Module file() {
        List<Stmt> body = new ArrayList<>();
        while (!at(TokenKind.ENDMARKER)) {
            if (accept(TokenKind.NEWLINE)) {
                continue;
            }
            statement(body);
        }
        return new Module(List.copyOf(body), filename, lexer.identifiers());
    }

    /** One statement line (a compound statement, or simple statements separated by ';'), into {@code out}. */
    private void statement(List<Stmt> out) {
        Token t = tok();
        switch (t.kind()) {
            case KW_DEF -> out.add(funcDef(List.of(), t));
            case KW_CLASS -> out.add(classDef(List.of(), t));
            case AT -> out.add(decorated());
            case KW_IF -> out.add(ifStmt());
            case KW_WHILE -> out.add(whileStmt());
            case KW_FOR -> out.add(forStmt(null));
            case KW_TRY -> out.add(tryStmt());
            case KW_WITH -> out.add(withStmt(null));
            case KW_ASYNC -> out.add(asyncStatement(List.of(), t));
            case INDENT -> throw invalidSyntax();
            default -> {
                if (t.kind() == TokenKind.NAME) {
                    checkSoftKeywordStatement(t);
                }
                simpleStmts(out);
            }
        }
    }

    /** {@code match} and {@code type} statements are recognized only to be refused clearly. */
    private void checkSoftKeywordStatement(Token t) {
        if (t.text().equals("match")) {
            TokenKind k1 = la(1).kind();
            if (k1 == TokenKind.NEWLINE || k1 == TokenKind.EQUAL || k1 == TokenKind.DOT || k1 == TokenKind.COMMA
                    || k1 == TokenKind.SEMI || k1 == TokenKind.COLON || k1 == TokenKind.RPAR) {
                return;
            }
            // A match statement's line ends with ':' at bracket depth 0; an expression's never does.
            int k = 1;
            int lvl = 0;
            Token last = null;
            while (true) {
                Token x = la(k);
                if (x.kind() == TokenKind.NEWLINE || x.kind() == TokenKind.ENDMARKER) {
                    break;
                }
                if (x.kind() == TokenKind.LPAR || x.kind() == TokenKind.LSQB || x.kind() == TokenKind.LBRACE) {
                    lvl++;
                } else if (x.kind() == TokenKind.RPAR || x.kind() == TokenKind.RSQB
                        || x.kind() == TokenKind.RBRACE) {
                    lvl--;
                }
                last = lvl == 0 ? x : last;
                k++;
            }
            if (last != null && last.kind() == TokenKind.COLON) {
                throw unsupported(t, "'match' statement is");
            }
        } else if (t.text().equals("type") && la(1).kind() == TokenKind.NAME
                && (la(2).kind() == TokenKind.EQUAL || la(2).kind() == TokenKind.LSQB)) {
            throw unsupported(t, "'type' alias statement is");
        }
    }

    private void simpleStmts(List<Stmt> out) {
        while (true) {
            out.add(simpleStmt());
            if (accept(TokenKind.SEMI)) {
                if (at(TokenKind.NEWLINE)) {
                    break;
                }
                continue;
            }
            break;
        }
        expect(TokenKind.NEWLINE);
    }

    private Stmt simpleStmt() {
        Token t = tok();
        switch (t.kind()) {
            case KW_PASS -> {
                advance();
                return new Stmt.Pass(span(t, t));
            }
            case KW_BREAK -> {
                advance();
                return new Stmt.Break(span(t, t));
            }
            case KW_CONTINUE -> {
                advance();
                return new Stmt.Continue(span(t, t));
            }
            case KW_RETURN -> {
                advance();
                Expr v = startsExpression(tok()) || at(TokenKind.STAR) ? starExpressions() : null;
                return new Stmt.Return(v, spanFrom(t));
            }
            case KW_RAISE -> {
                advance();
                Expr exc = null;
                Expr cause = null;
                if (startsExpression(tok())) {
                    exc = expression();
                    if (accept(TokenKind.KW_FROM)) {
                        cause = expression();
                    }
                }
                return new Stmt.Raise(exc, cause, spanFrom(t));
            }
            case KW_GLOBAL, KW_NONLOCAL -> {
                advance();
                List<String> names = new ArrayList<>();
                do {
                    names.add(expect(TokenKind.NAME).text());
                } while (accept(TokenKind.COMMA));
                return t.kind() == TokenKind.KW_GLOBAL ? new Stmt.Global(List.copyOf(names), spanFrom(t))
                        : new Stmt.Nonlocal(List.copyOf(names), spanFrom(t));
            }
            case KW_DEL -> {
                return delStmt();
            }
            case KW_ASSERT -> {
                advance();
                Expr test = expression();
                Expr msg = accept(TokenKind.COMMA) ? expression() : null;
                return new Stmt.Assert(test, msg, spanFrom(t));
            }
            case KW_IMPORT -> {
                return importStmt();
            }
            case KW_FROM -> {
                return importFrom();
            }
            default -> {
                return exprOrAssign();
            }
        }
    }

    private Stmt delStmt() {
        Token t = advance();
        List<Expr> targets = new ArrayList<>();
        do {
            if (at(TokenKind.NEWLINE) || at(TokenKind.SEMI)) {
                break;
            }
            Expr e = starExpression();
            targets.add(e);
        } while (accept(TokenKind.COMMA));
        if (targets.isEmpty()) {
            throw invalidSyntax();
        }
        if (!at(TokenKind.NEWLINE) && !at(TokenKind.SEMI)) {
            throw invalidSyntax();
        }
        List<Expr> out = new ArrayList<>();
        for (Expr e : targets) {
            out.add(toTarget(e, Ctx.DEL, TargetKind.DEL));
        }
        return new Stmt.Delete(List.copyOf(out), spanFrom(t));
    }

    private Stmt importStmt() {
        Token t = advance();
        List<Alias> names = new ArrayList<>();
        do {
            Token first = tok();
            String name = dottedName();
            String as = null;
            if (accept(TokenKind.KW_AS)) {
                as = expect(TokenKind.NAME).text();
            }
            names.add(new Alias(name, as, spanFrom(first)));
        } while (accept(TokenKind.COMMA));
        if (at(TokenKind.KW_FROM)) {
            advance();
            if (at(TokenKind.NAME) || at(TokenKind.DOT)) {
                dottedNameOrDots();
                throw errorAt(spanFrom(t), "Did you mean to use 'from ... import ...' instead?");
            }
            p--;
        }
        return new Stmt.Import(List.copyOf(names), spanFrom(t));
    }

    private void dottedNameOrDots() {
        while (at(TokenKind.DOT) || at(TokenKind.ELLIPSIS) || at(TokenKind.NAME)) {
            advance();
        }
    }

    private String dottedName() {
        StringBuilder sb = new StringBuilder(expect(TokenKind.NAME).text());
        while (at(TokenKind.DOT)) {
            advance();
            sb.append('.').append(expect(TokenKind.NAME).text());
        }
        return sb.toString();
    }

    private Stmt importFrom() {
        Token t = advance();
        int level = 0;
        while (at(TokenKind.DOT) || at(TokenKind.ELLIPSIS)) {
            level += advance().kind() == TokenKind.DOT ? 1 : 3;
        }
        String module = null;
        if (at(TokenKind.NAME)) {
            module = dottedName();
        } else if (level == 0) {
            throw invalidSyntax();
        }
        expect(TokenKind.KW_IMPORT);
        List<Alias> names = new ArrayList<>();
        if (at(TokenKind.STAR)) {
            Token s = advance();
            names.add(new Alias("*", null, span(s, s)));
        } else {
            boolean paren = accept(TokenKind.LPAR);
            while (true) {
                Token first = expect(TokenKind.NAME);
                String as = null;
                if (accept(TokenKind.KW_AS)) {
                    as = expect(TokenKind.NAME).text();
                }
                names.add(new Alias(first.text(), as, spanFrom(first)));
                if (!accept(TokenKind.COMMA)) {
                    break;
                }
                if (paren && at(TokenKind.RPAR)) {
                    break;
                }
                if (!paren && at(TokenKind.NEWLINE)) {
                    throw errorAt(tok(), "trailing comma not allowed without surrounding parentheses");
                }
            }
            if (paren) {
                expect(TokenKind.RPAR);
            }
        }
        return new Stmt.ImportFrom(module, List.copyOf(names), level, spanFrom(t));
    }

    private static boolean isAugAssign(TokenKind k) {
        return augOp(k) != null;
    }

    private static BinOpKind augOp(TokenKind k) {
        return switch (k) {
            case PLUSEQUAL -> BinOpKind.ADD;
            case MINEQUAL -> BinOpKind.SUB;
            case STAREQUAL -> BinOpKind.MULT;
            case ATEQUAL -> BinOpKind.MATMULT;
            case SLASHEQUAL -> BinOpKind.DIV;
            case PERCENTEQUAL -> BinOpKind.MOD;
            case AMPEREQUAL -> BinOpKind.BITAND;
            case VBAREQUAL -> BinOpKind.BITOR;
            case CIRCUMFLEXEQUAL -> BinOpKind.BITXOR;
            case LEFTSHIFTEQUAL -> BinOpKind.LSHIFT;
            case RIGHTSHIFTEQUAL -> BinOpKind.RSHIFT;
            case DOUBLESTAREQUAL -> BinOpKind.POW;
            case DOUBLESLASHEQUAL -> BinOpKind.FLOORDIV;
            default -> null;
        };
    }

    /** yield_expr | star_expressions. */
    private Expr yieldOrStarExpressions() {
        return at(TokenKind.KW_YIELD) ? yieldExpr() : starExpressions();
    }

    private Stmt exprOrAssign() {
        Token first = tok();
        Expr e = yieldOrStarExpressions();
        if (at(TokenKind.COLON)) {
            advance();
            if (!(e instanceof Expr.Name || e instanceof Expr.Attribute || e instanceof Expr.Subscript)) {
                String what = e instanceof Expr.Tuple ? "tuple" : e instanceof Expr.ListExpr ? "list" : null;
                if (what != null) {
                    throw errorAt(e.span(), "only single target (not " + what + ") can be annotated");
                }
                throw errorAt(e.span(), "illegal target for annotation");
            }
            Expr annotation = expression();
            Expr value = null;
            if (accept(TokenKind.EQUAL)) {
                value = yieldOrStarExpressions();
            }
            int simple = e instanceof Expr.Name && !parenthesized.contains(e) ? 1 : 0;
            return new Stmt.AnnAssign(toTarget(e, Ctx.STORE, TargetKind.STAR), annotation, value, simple,
                    spanFrom(first));
        }
        BinOpKind aug = augOp(tok().kind());
        if (aug != null) {
            if (!(e instanceof Expr.Name || e instanceof Expr.Attribute || e instanceof Expr.Subscript)) {
                throw errorAt(e.span(), "'" + exprName(e) + "' is an illegal expression for augmented assignment");
            }
            advance();
            Expr value = yieldOrStarExpressions();
            return new Stmt.AugAssign(toTarget(e, Ctx.STORE, TargetKind.STAR), aug, value, spanFrom(first));
        }
        if (at(TokenKind.EQUAL)) {
            List<Expr> chain = new ArrayList<>();
            List<Token> firstTokens = new ArrayList<>();
            chain.add(e);
            firstTokens.add(first);
            while (accept(TokenKind.EQUAL)) {
                firstTokens.add(tok());
                chain.add(yieldOrStarExpressions());
            }
            Expr value = chain.get(chain.size() - 1);
            List<Expr> targets = new ArrayList<>();
            for (int i = 0; i < chain.size() - 1; i++) {
                Expr target = chain.get(i);
                if (i == 0 && chain.size() == 2) {
                    checkAssignHere(target, firstTokens.get(1));
                }
                if (target instanceof Expr.Yield || target instanceof Expr.YieldFrom) {
                    throw errorAt(target.span(), "assignment to yield expression not possible");
                }
                targets.add(toTarget(target, Ctx.STORE, TargetKind.STAR));
            }
            return new Stmt.Assign(List.copyOf(targets), value, spanFrom(first));
        }
        return new Stmt.ExprStmt(e, spanFrom(first));
    }

    /**
     * CPython's invalid_named_expression as reached from an assignment statement with a single
     * '=': {@code f() = 1} says "cannot assign to function call here. Maybe you meant '==' ...".
     */
    private void checkAssignHere(Expr target, Token valueStart) {
        Expr x = target;
        if (target instanceof Expr.Tuple tu && !parenthesized.contains(target) && !tu.elts().isEmpty()) {
            x = tu.elts().get(tu.elts().size() - 1);
        }
        if (x instanceof Expr.Starred || !isBitwiseOrLevel(x) || isValidTarget(x, TargetKind.STAR)) {
            return;
        }
        if (x instanceof Expr.ListExpr || x instanceof Expr.Tuple || x instanceof Expr.GeneratorExp) {
            return;
        }
        if (x instanceof Expr.Constant c && (c.value() == null || c.value() instanceof Boolean)) {
            return;
        }
        TokenKind k = valueStart.kind();
        if (k == TokenKind.KW_NOT || k == TokenKind.KW_LAMBDA || k == TokenKind.STAR || k == TokenKind.KW_YIELD) {
            return;
        }
        throw errorAt(x.span(), "cannot assign to " + exprName(x) + " here. Maybe you meant '==' instead of '='?");
    }

    private boolean isBitwiseOrLevel(Expr e) {
        if (parenthesized.contains(e)) {
            return true;
        }
        return !(e instanceof Expr.BoolOp || e instanceof Expr.Compare || e instanceof Expr.IfExp
                || e instanceof Expr.Lambda || e instanceof Expr.NamedExpr || e instanceof Expr.Starred
                || e instanceof Expr.Yield || e instanceof Expr.YieldFrom
                || (e instanceof Expr.UnaryOp u && u.op() == UnaryOpKind.NOT));
    }

    // ------------------------------------------------------------------ compound statements

    private List<Stmt> block(String what, Token header) {
        if (accept(TokenKind.NEWLINE)) {
            if (!at(TokenKind.INDENT)) {
                // at the end of the file CPython points at the NEWLINE
                Token t = at(TokenKind.ENDMARKER) ? prev() : tok();
                throw error(PySyntaxError.Type.INDENTATION_ERROR,
                        "expected an indented block after " + what + " on line " + header.line(), span(t, t));
            }
            advance();
            List<Stmt> body = new ArrayList<>();
            while (!at(TokenKind.DEDENT)) {
                if (at(TokenKind.ENDMARKER)) {
                    break;
                }
                statement(body);
            }
            accept(TokenKind.DEDENT);
            return List.copyOf(body);
        }
        List<Stmt> body = new ArrayList<>();
        simpleStmts(body);
        return List.copyOf(body);
    }

    private Stmt decorated() {
        Token first = tok();
        List<Expr> decorators = new ArrayList<>();
        while (accept(TokenKind.AT)) {
            decorators.add(namedExpression());
            expect(TokenKind.NEWLINE);
        }
        Token t = tok();
        if (t.kind() == TokenKind.KW_DEF) {
            return funcDef(List.copyOf(decorators), first);
        }
        if (t.kind() == TokenKind.KW_CLASS) {
            return classDef(List.copyOf(decorators), first);
        }
        if (t.kind() == TokenKind.KW_ASYNC) {
            return asyncStatement(List.copyOf(decorators), first);
        }
        throw invalidSyntax();
    }

    /** {@code async def}, {@code async for} and {@code async with}. */
    private Stmt asyncStatement(List<Expr> decorators, Token first) {
        Token async = tok();
        Token next = la(1);
        if (next.kind() == TokenKind.KW_DEF) {
            advance();
            return funcDef(decorators, first, true);
        }
        if (next.kind() == TokenKind.KW_FOR) {
            advance();
            return forStmt(async);
        }
        if (next.kind() == TokenKind.KW_WITH) {
            advance();
            return withStmt(async);
        }
        throw invalidSyntax();
    }

    private Stmt funcDef(List<Expr> decorators, Token first) {
        return funcDef(decorators, first, false);
    }

    private Stmt funcDef(List<Expr> decorators, Token first, boolean isAsync) {
        Token def = advance();
        String name = expect(TokenKind.NAME).text();
        if (at(TokenKind.LSQB)) {
            throw unsupported(tok(), "a type parameter list is");
        }
        expectForced(TokenKind.LPAR);
        Arguments args = parameters(TokenKind.RPAR, true);
        expect(TokenKind.RPAR);
        Expr returns = null;
        if (accept(TokenKind.RARROW)) {
            returns = expression();
        }
        expectForced(TokenKind.COLON);
        List<Stmt> body = block("function definition", def);
        return new Stmt.FunctionDef(name, args, body, decorators, returns, compoundSpan(first, body), isAsync);
    }

    private Stmt classDef(List<Expr> decorators, Token first) {
        Token cls = advance();
        String name = expect(TokenKind.NAME).text();
        if (at(TokenKind.LSQB)) {
            throw unsupported(tok(), "a type parameter list is");
        }
        List<Expr> bases = List.of();
        List<Keyword> keywords = List.of();
        if (at(TokenKind.LPAR)) {
            advance();
            Expr.Call c = callArgs(null, cls);
            bases = c.args();
            keywords = c.keywords();
        }
        expectColon();
        List<Stmt> body = block("class definition", cls);
        return new Stmt.ClassDef(name, bases, keywords, body, decorators, compoundSpan(first, body));
    }

    private Stmt ifStmt() {
        Token t = advance();
        Expr test = namedExpression();
        expectColon();
        List<Stmt> body = block("'" + t.text() + "' statement", t);
        List<Stmt> orelse = List.of();
        if (at(TokenKind.KW_ELIF)) {
            orelse = List.of(ifStmt());
        } else if (at(TokenKind.KW_ELSE)) {
            orelse = elseBlock();
        }
        return new Stmt.If(test, body, orelse, spanFrom(t));
    }

    private List<Stmt> elseBlock() {
        Token e = advance();
        expectForced(TokenKind.COLON);
        return block("'else' statement", e);
    }

    private Stmt whileStmt() {
        Token t = advance();
        Expr test = namedExpression();
        expectColon();
        List<Stmt> body = block("'while' statement", t);
        List<Stmt> orelse = at(TokenKind.KW_ELSE) ? elseBlock() : List.of();
        return new Stmt.While(test, body, orelse, spanFrom(t));
    }

    /** A for statement; {@code async} is the token before it in an {@code async for}, else null. */
    private Stmt forStmt(Token async) {
        Token t = advance();
        if (async != null) {
            t = async;
        }
        Expr target = starTargets();
        if (!at(TokenKind.KW_IN)) {
            throw invalidSyntax();
        }
        advance();
        Expr iter = starExpressions();
        expectColon();
        List<Stmt> body = block("'for' statement", t);
        List<Stmt> orelse = at(TokenKind.KW_ELSE) ? elseBlock() : List.of();
        return new Stmt.For(target, iter, body, orelse, spanFrom(t), async != null);
    }

    /** star_targets of for statements and comprehensions: '*'? bitwise_or items, validated as Store targets. */
    private Expr starTargets() {
        Token first = tok();
        List<Expr> items = new ArrayList<>();
        boolean comma = false;
        while (true) {
            Token s = tok();
            Expr e;
            if (accept(TokenKind.STAR)) {
                Expr v = bitwiseOr();
                e = new Expr.Starred(v, Ctx.LOAD, spanFrom(s));
            } else {
                e = bitwiseOr();
            }
            items.add(e);
            if (!at(TokenKind.COMMA)) {
                break;
            }
            advance();
            comma = true;
            if (at(TokenKind.KW_IN) || at(TokenKind.EQUAL)) {
                break;
            }
        }
        Expr t = comma ? new Expr.Tuple(List.copyOf(items), Ctx.LOAD, spanFrom(first)) : items.get(0);
        if (at(TokenKind.KW_IN) || !(comma || isValidTarget(t, TargetKind.FOR))) {
            return toTarget(t, Ctx.STORE, TargetKind.FOR);
        }
        return toTarget(t, Ctx.STORE, TargetKind.FOR);
    }

    private static final String MIXED_EXCEPT = "cannot have both 'except' and 'except*' on the same 'try'";

    private Stmt tryStmt() {
        Token t = advance();
        expectForced(TokenKind.COLON);
        List<Stmt> body = block("'try' statement", t);
        List<ExceptHandler> handlers = new ArrayList<>();
        boolean star = false;
        while (at(TokenKind.KW_EXCEPT)) {
            Token ex = advance();
            boolean thisStar = at(TokenKind.STAR);
            if (!handlers.isEmpty() && thisStar != star) {
                throw thisStar ? errorAt(span(ex, tok()), MIXED_EXCEPT) : errorAt(ex, MIXED_EXCEPT);
            }
            star = thisStar;
            if (star) {
                advance();
                if (at(TokenKind.COLON)) {
                    throw errorAt(tok(), "expected one or more exception types");
                }
            }
            Expr type = null;
            String name = null;
            if (!at(TokenKind.COLON)) {
                type = expression();
                if (at(TokenKind.COMMA)) {
                    advance();
                    starExpressions();
                    throw errorAt(span(type.span(), span(prev(), prev())),
                            "multiple exception types must be parenthesized");
                }
                if (accept(TokenKind.KW_AS)) {
                    name = expect(TokenKind.NAME).text();
                }
            }
            expectColon();
            List<Stmt> hb = block(star ? "'except*' statement" : "'except' statement", ex);
            handlers.add(new ExceptHandler(type, name, hb, spanFrom(ex)));
        }
        List<Stmt> orelse = List.of();
        if (!handlers.isEmpty() && at(TokenKind.KW_ELSE)) {
            orelse = elseBlock();
        }
        List<Stmt> finalbody = List.of();
        if (at(TokenKind.KW_FINALLY)) {
            Token f = advance();
            expectForced(TokenKind.COLON);
            finalbody = block("'finally' statement", f);
        }
        if (handlers.isEmpty() && finalbody.isEmpty()) {
            throw errorAt(tok(), "expected 'except' or 'finally' block");
        }
        return new Stmt.Try(body, List.copyOf(handlers), orelse, finalbody, star, spanFrom(t));
    }

    /** A with statement; {@code async} is the token before it in an {@code async with}, else null. */
    private Stmt withStmt(Token async) {
        Token t = advance();
        if (async != null) {
            t = async;
        }
        List<WithItem> items = null;
        if (at(TokenKind.LPAR)) {
            // "with (a as b, c):" -- try the parenthesized form, else it is an expression
            int mark = p;
            try {
                advance();
                List<WithItem> tmp = new ArrayList<>();
                do {
                    if (at(TokenKind.RPAR)) {
                        break;
                    }
                    tmp.add(withItem());
                } while (accept(TokenKind.COMMA));
                expect(TokenKind.RPAR);
                if (at(TokenKind.COLON)) {
                    items = tmp;
                } else {
                    p = mark;
                }
            } catch (PySyntaxError e) {
                if (e == lexerFailure) {
                    throw e;
                }
                p = mark;
            }
        }
        if (items == null) {
            items = new ArrayList<>();
            do {
                items.add(withItem());
            } while (accept(TokenKind.COMMA));
        }
        expectColon();
        List<Stmt> body = block("'with' statement", t);
        return new Stmt.With(List.copyOf(items), body, spanFrom(t), async != null);
    }

    private WithItem withItem() {
        Expr e = expression();
        Expr vars = null;
        if (accept(TokenKind.KW_AS)) {
            Token s = tok();
            Expr target;
            if (accept(TokenKind.STAR)) {
                target = new Expr.Starred(bitwiseOr(), Ctx.LOAD, spanFrom(s));
            } else {
                target = bitwiseOr();
            }
            vars = toTarget(target, Ctx.STORE, TargetKind.STAR);
            if (!at(TokenKind.COMMA) && !at(TokenKind.RPAR) && !at(TokenKind.COLON)) {
                throw invalidSyntax();
            }
        }
        return new WithItem(e, vars);
    }

    // ------------------------------------------------------------------ parameters

    /**
     * Parameters of a def ({@code annotations}) or lambda, up to (not including) {@code close}.
     */
    private Arguments parameters(TokenKind close, boolean annotations) {
        List<Arg> posonly = new ArrayList<>();
        List<Arg> args = new ArrayList<>();
        List<Expr> defaults = new ArrayList<>();
        Arg vararg = null;
        List<Arg> kwonly = new ArrayList<>();
        List<Expr> kwDefaults = new ArrayList<>();
        Arg kwarg = null;
        boolean star = false;
        boolean slash = false;
        Token bareStar = null;
        while (!at(close)) {
            Token t = tok();
            if (kwarg != null) {
                throw errorAt(t, "arguments cannot follow var-keyword argument");
            }
            if (at(TokenKind.SLASH)) {
                advance();
                if (slash) {
                    throw errorAt(t, "/ may appear only once");
                }
                if (star) {
                    throw errorAt(t, "/ must be ahead of *");
                }
                if (args.isEmpty()) {
                    throw errorAt(t, "at least one argument must precede /");
                }
                slash = true;
                posonly.addAll(args);
                args.clear();
            } else if (at(TokenKind.STAR)) {
                advance();
                if (star) {
                    throw errorAt(t, "* argument may appear only once");
                }
                star = true;
                if (at(TokenKind.COMMA) || at(close)) {
                    bareStar = t;
                } else {
                    vararg = param(annotations);
                    if (at(TokenKind.EQUAL)) {
                        throw errorAt(tok(), "var-positional argument cannot have default value");
                    }
                }
            } else if (at(TokenKind.DOUBLESTAR)) {
                advance();
                kwarg = param(annotations);
                if (at(TokenKind.EQUAL)) {
                    throw errorAt(tok(), "var-keyword argument cannot have default value");
                }
            } else if (at(TokenKind.NAME)) {
                Arg a = param(annotations);
                Expr def = null;
                if (accept(TokenKind.EQUAL)) {
                    def = expression();
                }
                if (star) {
                    kwonly.add(a);
                    kwDefaults.add(def);
                } else {
                    if (def != null) {
                        defaults.add(def);
                    } else if (!defaults.isEmpty()) {
                        throw errorAt(a.span(), "parameter without a default follows parameter with a default");
                    }
                    args.add(a);
                }
            } else {
                throw invalidSyntax();
            }
            if (!accept(TokenKind.COMMA)) {
                break;
            }
        }
        if (bareStar != null && kwonly.isEmpty()) {
            throw errorAt(bareStar, "named arguments must follow bare *");
        }
        if (posonly.isEmpty() && args.isEmpty() && vararg == null && kwonly.isEmpty() && kwarg == null) {
            return Arguments.EMPTY;
        }
        List<Expr> kwd = new ArrayList<>(kwDefaults);
        return new Arguments(List.copyOf(posonly), List.copyOf(args), vararg, List.copyOf(kwonly),
                Collections.unmodifiableList(kwd), kwarg, List.copyOf(defaults));
    }

    private Arg param(boolean annotations) {
        Token n = expect(TokenKind.NAME);
        Expr ann = null;
        if (annotations && accept(TokenKind.COLON)) {
            ann = expression();
        }
        return new Arg(n.text(), ann, spanFrom(n));
    }

    // ------------------------------------------------------------------ targets

    /** Which rule asks for a target: decides CPython's wording. */
    private enum TargetKind { STAR, DEL, FOR }

    private boolean isValidTarget(Expr e, TargetKind kind) {
        return invalidTarget(e, kind) == null;
    }

    /** CPython's _PyPegen_get_invalid_target: the first sub-expression that cannot be a target. */
    private Expr invalidTarget(Expr e, TargetKind kind) {
        return switch (e) {
            case Expr.Name n -> null;
            case Expr.Attribute a -> null;
            case Expr.Subscript s -> null;
            case Expr.Tuple t -> firstInvalid(t.elts(), kind);
            case Expr.ListExpr l -> firstInvalid(l.elts(), kind);
            case Expr.Starred s -> kind == TargetKind.DEL ? e : invalidTarget(s.value(), kind);
            case Expr.Compare c when kind == TargetKind.FOR && c.ops().get(0) == CmpOpKind.IN ->
                    invalidTarget(c.left(), kind);
            default -> e;
        };
    }

    private Expr firstInvalid(List<Expr> elts, TargetKind kind) {
        for (Expr x : elts) {
            Expr bad = invalidTarget(x, kind);
            if (bad != null) {
                return bad;
            }
        }
        return null;
    }

    /** Converts a parsed expression into a target with the given context, or raises CPython's error. */
    private Expr toTarget(Expr e, Ctx ctx, TargetKind kind) {
        Expr bad = invalidTarget(e, kind);
        if (bad != null) {
            if (bad instanceof Expr.Starred && kind == TargetKind.DEL) {
                throw errorAt(bad.span(), "cannot delete starred");
            }
            String verb = kind == TargetKind.DEL ? "delete" : "assign to";
            throw errorAt(bad.span(), "cannot " + verb + " " + exprName(bad));
        }
        return withCtx(e, ctx);
    }

    private static Expr withCtx(Expr e, Ctx ctx) {
        return switch (e) {
            case Expr.Name n -> new Expr.Name(n.id(), ctx, n.span());
            case Expr.Attribute a -> new Expr.Attribute(a.value(), a.attr(), ctx, a.span());
            case Expr.Subscript s -> new Expr.Subscript(s.value(), s.slice(), ctx, s.span());
            case Expr.Starred s -> new Expr.Starred(withCtx(s.value(), ctx), ctx, s.span());
            case Expr.Tuple t -> new Expr.Tuple(mapCtx(t.elts(), ctx), ctx, t.span());
            case Expr.ListExpr l -> new Expr.ListExpr(mapCtx(l.elts(), ctx), ctx, l.span());
            default -> e;
        };
    }

    private static List<Expr> mapCtx(List<Expr> elts, Ctx ctx) {
        List<Expr> out = new ArrayList<>(elts.size());
        for (Expr x : elts) {
            out.add(withCtx(x, ctx));
        }
        return List.copyOf(out);
    }

    /** CPython's _PyPegen_get_expr_name. */
    static String exprName(Expr e) {
        return switch (e) {
            case Expr.Attribute a -> "attribute";
            case Expr.Subscript s -> "subscript";
            case Expr.Starred s -> "starred";
            case Expr.Name n -> "name";
            case Expr.ListExpr l -> "list";
            case Expr.Tuple t -> "tuple";
            case Expr.Lambda l -> "lambda";
            case Expr.Call c -> "function call";
            case Expr.BoolOp b -> "expression";
            case Expr.BinOp b -> "expression";
            case Expr.UnaryOp u -> "expression";
            case Expr.GeneratorExp g -> "generator expression";
            case Expr.Yield y -> "yield expression";
            case Expr.YieldFrom y -> "yield expression";
            case Expr.Await a -> "await expression";
            case Expr.ListComp l -> "list comprehension";
            case Expr.SetComp s -> "set comprehension";
            case Expr.DictComp d -> "dict comprehension";
            case Expr.Dict d -> "dict literal";
            case Expr.Set s -> "set display";
            case Expr.JoinedStr j -> "f-string expression";
            case Expr.FormattedValue f -> "f-string expression";
            case Expr.Constant c -> {
                Object v = c.value();
                if (v == null) {
                    yield "None";
                }
                if (Boolean.TRUE.equals(v)) {
                    yield "True";
                }
                if (Boolean.FALSE.equals(v)) {
                    yield "False";
                }
                if (v == Expr.EllipsisValue.ELLIPSIS) {
                    yield "ellipsis";
                }
                yield "literal";
            }
            case Expr.Compare c -> "comparison";
            case Expr.IfExp i -> "conditional expression";
            case Expr.NamedExpr n -> "named expression";
            case Expr.Slice s -> "slice";
        };
    }

    // ------------------------------------------------------------------ expressions

    /** Whether {@code t} can begin an expression (used for optional operands and error rules). */
    private static boolean startsExpression(Token t) {
        return switch (t.kind()) {
            case NAME, NUMBER, STRING, FSTRING, LPAR, LSQB, LBRACE, MINUS, PLUS, TILDE, ELLIPSIS, KW_NONE, KW_TRUE,
                 KW_FALSE, KW_NOT, KW_LAMBDA, KW_AWAIT -> true;
            default -> false;
        };
    }

    /** Tokens that begin an expression but cannot continue one already complete. */
    private static boolean startsNewExpression(Token t) {
        return switch (t.kind()) {
            case NAME, NUMBER, STRING, FSTRING, LBRACE, TILDE, ELLIPSIS, KW_NONE, KW_TRUE, KW_FALSE, KW_NOT,
                 KW_LAMBDA -> true;
            default -> false;
        };
    }

    /** star_expressions: a Tuple (without parentheses) when there is a comma. */
    private Expr starExpressions() {
        Token first = tok();
        Expr e = starExpression();
        if (!at(TokenKind.COMMA)) {
            return e;
        }
        List<Expr> elts = new ArrayList<>();
        elts.add(e);
        while (accept(TokenKind.COMMA)) {
            if (!startsExpression(tok()) && !at(TokenKind.STAR)) {
                break;
            }
            elts.add(starExpression());
        }
        return new Expr.Tuple(List.copyOf(elts), Ctx.LOAD, spanFrom(first));
    }

    /** star_expression: '*' bitwise_or | expression. */
    private Expr starExpression() {
        if (at(TokenKind.STAR)) {
            Token s = advance();
            Expr v = bitwiseOr();
            return new Expr.Starred(v, Ctx.LOAD, spanFrom(s));
        }
        return expression();
    }

    /** star_named_expression: '*' bitwise_or | named_expression. */
    private Expr starNamedExpression() {
        if (at(TokenKind.STAR)) {
            Token s = advance();
            Expr v = bitwiseOr();
            return new Expr.Starred(v, Ctx.LOAD, spanFrom(s));
        }
        return namedExpression();
    }

    /** named_expression: NAME ':=' expression | expression, with CPython's "Maybe you meant" errors. */
    private Expr namedExpression() {
        Token first = tok();
        if (first.kind() == TokenKind.NAME && la(1).kind() == TokenKind.COLONEQUAL) {
            advance();
            advance();
            Expr value = expression();
            return new Expr.NamedExpr(new Expr.Name(first.text(), Ctx.STORE, span(first, first)), value,
                    spanFrom(first));
        }
        Expr e = expression();
        if (at(TokenKind.COLONEQUAL)) {
            throw errorAt(e.span(), "cannot use assignment expressions with " + exprName(e));
        }
        if (at(TokenKind.EQUAL) && isBitwiseOrLevel(e)) {
            checkNamedEquals(e);
        }
        return e;
    }

    /** CPython's invalid_named_expression for {@code a = b} where a comparison or walrus was meant. */
    private void checkNamedEquals(Expr a) {
        int mark = p;
        advance();
        Expr b;
        try {
            if (!startsExpression(tok()) || at(TokenKind.KW_NOT) || at(TokenKind.KW_LAMBDA)) {
                p = mark;
                return;
            }
            b = bitwiseOr();
        } catch (PySyntaxError err) {
            if (err == lexerFailure) {
                throw err;
            }
            p = mark;
            return;
        }
        boolean followedByAssign = at(TokenKind.EQUAL) || at(TokenKind.COLONEQUAL);
        p = mark;
        if (followedByAssign) {
            return;
        }
        if (a instanceof Expr.Name && !parenthesized.contains(a)) {
            throw errorAt(span(a.span(), b.span()), "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
        }
        if (a instanceof Expr.ListExpr || a instanceof Expr.Tuple || a instanceof Expr.GeneratorExp
                || (a instanceof Expr.Constant c && (c.value() == null || c.value() instanceof Boolean))) {
            return;
        }
        throw errorAt(a.span(), "cannot assign to " + exprName(a) + " here. Maybe you meant '==' instead of '='?");
    }

    /** expression: lambda | disjunction ['if' disjunction 'else' expression], the else-chain folded iteratively. */
    private Expr expression() {
        enter();
        try {
            if (at(TokenKind.KW_LAMBDA)) {
                return lambdef();
            }
            Expr body = disjunction();
            if (!at(TokenKind.KW_IF)) {
                checkMissingComma(body);
                return body;
            }
            List<Expr> bodies = new ArrayList<>();
            List<Expr> tests = new ArrayList<>();
            Expr orelse;
            while (true) {
                advance(); // 'if'
                Expr test = disjunction();
                if (!at(TokenKind.KW_ELSE)) {
                    throw errorAt(span(body.span(), test.span()), "expected 'else' after 'if' expression");
                }
                advance();
                bodies.add(body);
                tests.add(test);
                if (at(TokenKind.KW_LAMBDA)) {
                    orelse = lambdef();
                    break;
                }
                Expr next = disjunction();
                if (!at(TokenKind.KW_IF)) {
                    orelse = next;
                    break;
                }
                body = next;
            }
            Expr acc = orelse;
            for (int i = bodies.size() - 1; i >= 0; i--) {
                acc = new Expr.IfExp(tests.get(i), bodies.get(i), acc, span(bodies.get(i).span(), acc.span()));
            }
            return acc;
        } finally {
            leave();
        }
    }

    /**
     * CPython's invalid_expression: inside brackets, an expression directly followed by another
     * is "invalid syntax. Perhaps you forgot a comma?"; {@code print x} asks for parentheses.
     */
    private void checkMissingComma(Expr a) {
        if (noInvalid) {
            return;
        }
        Token t = tok();
        if (!startsNewExpression(t)) {
            return;
        }
        boolean legacy = a instanceof Expr.Name n && (n.id().equals("print") || n.id().equals("exec"))
                && !parenthesized.contains(a);
        Token aFirst = tokenAt(a.span());
        if (!legacy) {
            if (!insideBrackets()) {
                return;
            }
            if (aFirst != null && aFirst.kind() == TokenKind.NAME && (isSoftKeyword(aFirst.text())
                    || tokenAfter(aFirst).kind() == TokenKind.STRING)) {
                return;
            }
        }
        int mark = p;
        Expr b;
        try {
            b = legacy ? starExpressions() : expressionWithoutInvalid();
        } catch (PySyntaxError err) {
            if (err == lexerFailure) {
                throw err;
            }
            p = mark;
            return;
        }
        if (legacy) {
            String id = ((Expr.Name) a).id();
            throw errorAt(span(a.span(), b.span()),
                    "Missing parentheses in call to '" + id + "'. Did you mean " + id + "(...)?");
        }
        throw errorAt(span(a.span(), b.span()), "invalid syntax. Perhaps you forgot a comma?");
    }

    private int bracketDepth;

    private boolean insideBrackets() {
        return bracketDepth > 0;
    }

    private static boolean isSoftKeyword(String s) {
        return s.equals("match") || s.equals("case") || s.equals("type") || s.equals("_");
    }

    private Token tokenAt(Span s) {
        for (int i = p - 1; i >= 0; i--) {
            Token t = tokens.get(i);
            if (t.line() == s.line() && t.col() == s.col()) {
                return t;
            }
            if (t.line() < s.line()) {
                break;
            }
        }
        return null;
    }

    private Token tokenAfter(Token t) {
        int i = tokens.indexOf(t);
        return i >= 0 && i + 1 < tokens.size() ? tokens.get(i + 1) : t;
    }

    private boolean noInvalid;

    private Expr expressionWithoutInvalid() {
        boolean saved = noInvalid;
        noInvalid = true;
        try {
            return expression();
        } finally {
            noInvalid = saved;
        }
    }

    private Expr lambdef() {
        Token l = advance();
        Arguments args = parameters(TokenKind.COLON, false);
        expect(TokenKind.COLON);
        Expr body = expression();
        return new Expr.Lambda(args, body, spanFrom(l));
    }

    private Expr disjunction() {
        Expr first = conjunction();
        if (!at(TokenKind.KW_OR)) {
            return first;
        }
        List<Expr> values = new ArrayList<>();
        values.add(first);
        while (accept(TokenKind.KW_OR)) {
            values.add(conjunction());
        }
        return new Expr.BoolOp(BoolOpKind.OR, List.copyOf(values), spanFrom(first.span()));
    }

    private Expr conjunction() {
        Expr first = inversion();
        if (!at(TokenKind.KW_AND)) {
            return first;
        }
        List<Expr> values = new ArrayList<>();
        values.add(first);
        while (accept(TokenKind.KW_AND)) {
            values.add(inversion());
        }
        return new Expr.BoolOp(BoolOpKind.AND, List.copyOf(values), spanFrom(first.span()));
    }

    /** 'not'* comparison, folded iteratively. */
    private Expr inversion() {
        List<Token> nots = null;
        while (at(TokenKind.KW_NOT)) {
            if (nots == null) {
                nots = new ArrayList<>();
            }
            nots.add(advance());
        }
        Expr e = comparison();
        if (nots != null) {
            for (int i = nots.size() - 1; i >= 0; i--) {
                Token n = nots.get(i);
                e = new Expr.UnaryOp(UnaryOpKind.NOT, e, new Span(n.line(), n.col(), e.span().endLine(),
                        e.span().endCol()));
            }
        }
        return e;
    }

    private CmpOpKind compareOp() {
        switch (tok().kind()) {
            case EQEQUAL -> {
                return CmpOpKind.EQ;
            }
            case NOTEQUAL -> {
                return CmpOpKind.NOT_EQ;
            }
            case LESS -> {
                return CmpOpKind.LT;
            }
            case LESSEQUAL -> {
                return CmpOpKind.LT_E;
            }
            case GREATER -> {
                return CmpOpKind.GT;
            }
            case GREATEREQUAL -> {
                return CmpOpKind.GT_E;
            }
            case KW_IN -> {
                return CmpOpKind.IN;
            }
            case KW_IS -> {
                return la(1).kind() == TokenKind.KW_NOT ? CmpOpKind.IS_NOT : CmpOpKind.IS;
            }
            case KW_NOT -> {
                return la(1).kind() == TokenKind.KW_IN ? CmpOpKind.NOT_IN : null;
            }
            default -> {
                return null;
            }
        }
    }

    private Expr comparison() {
        Expr left = bitwiseOr();
        CmpOpKind op = compareOp();
        if (op == null) {
            return left;
        }
        List<CmpOpKind> ops = new ArrayList<>();
        List<Expr> comparators = new ArrayList<>();
        while (op != null) {
            advance();
            if (op == CmpOpKind.IS_NOT || op == CmpOpKind.NOT_IN) {
                advance();
            }
            ops.add(op);
            comparators.add(bitwiseOr());
            op = compareOp();
        }
        return new Expr.Compare(left, List.copyOf(ops), List.copyOf(comparators), spanFrom(left.span()));
    }

    /** Binding power of a binary operator token (higher binds tighter), 0 if none. */
    private static int binaryLevel(TokenKind k) {
        return switch (k) {
            case VBAR -> 1;
            case CIRCUMFLEX -> 2;
            case AMPER -> 3;
            case LEFTSHIFT, RIGHTSHIFT -> 4;
            case PLUS, MINUS -> 5;
            case STAR, SLASH, DOUBLESLASH, PERCENT, AT -> 6;
            default -> 0;
        };
    }

    private static BinOpKind binOp(TokenKind k) {
        return switch (k) {
            case VBAR -> BinOpKind.BITOR;
            case CIRCUMFLEX -> BinOpKind.BITXOR;
            case AMPER -> BinOpKind.BITAND;
            case LEFTSHIFT -> BinOpKind.LSHIFT;
            case RIGHTSHIFT -> BinOpKind.RSHIFT;
            case PLUS -> BinOpKind.ADD;
            case MINUS -> BinOpKind.SUB;
            case STAR -> BinOpKind.MULT;
            case SLASH -> BinOpKind.DIV;
            case DOUBLESLASH -> BinOpKind.FLOORDIV;
            case PERCENT -> BinOpKind.MOD;
            case AT -> BinOpKind.MATMULT;
            default -> throw new IllegalArgumentException(k.name());
        };
    }

    private Expr bitwiseOr() {
        return binary(1);
    }

    /** Precedence climbing over the left-associative binary operators ('|' .. '*'). */
    private Expr binary(int minLevel) {
        Token start = tok();
        Expr left = factor();
        while (true) {
            int lvl = binaryLevel(tok().kind());
            if (lvl == 0 || lvl < minLevel) {
                return left;
            }
            BinOpKind op = binOp(advance().kind());
            Expr right = binary(lvl + 1);
            // as CPython's: from the first token to the last, parentheses of the operands included
            left = new Expr.BinOp(left, op, right, spanFrom(start));
        }
    }

    private static UnaryOpKind unaryOp(TokenKind k) {
        return switch (k) {
            case MINUS -> UnaryOpKind.USUB;
            case PLUS -> UnaryOpKind.UADD;
            case TILDE -> UnaryOpKind.INVERT;
            default -> null;
        };
    }

    /** factor: ('+'|'-'|'~')* power, folded iteratively. */
    private Expr factor() {
        List<Token> ops = null;
        while (unaryOp(tok().kind()) != null) {
            if (ops == null) {
                ops = new ArrayList<>();
            }
            ops.add(advance());
        }
        Expr operand = power();
        return applyUnary(ops, operand, prev());
    }

    /** The unary operators before an operand; each ends with the operand's last token (a parenthesis included). */
    private static Expr applyUnary(List<Token> ops, Expr e, Token end) {
        if (ops == null) {
            return e;
        }
        Expr acc = e;
        for (int i = ops.size() - 1; i >= 0; i--) {
            Token o = ops.get(i);
            acc = new Expr.UnaryOp(unaryOp(o.kind()), acc, span(o, end));
        }
        return acc;
    }

    /**
     * power: primary ['**' factor]. '**' is right-associative and its right operand may carry
     * unary operators ({@code 2 ** -1}); the chain is folded from the right without recursion.
     */
    private Expr power() {
        Token baseStart = tok();
        Expr base = primary();
        if (!at(TokenKind.DOUBLESTAR)) {
            return base;
        }
        List<Expr> bases = new ArrayList<>();
        List<Token> starts = new ArrayList<>();
        List<List<Token>> prefixes = new ArrayList<>();
        bases.add(base);
        starts.add(baseStart);
        prefixes.add(null);
        while (accept(TokenKind.DOUBLESTAR)) {
            starts.add(tok());
            List<Token> ops = null;
            while (unaryOp(tok().kind()) != null) {
                if (ops == null) {
                    ops = new ArrayList<>();
                }
                ops.add(advance());
            }
            prefixes.add(ops);
            bases.add(primary());
            if (ops != null && at(TokenKind.DOUBLESTAR)) {
                continue;
            }
        }
        int n = bases.size();
        Token end = prev();
        Expr acc = bases.get(n - 1);
        for (int i = n - 1; i >= 1; i--) {
            acc = applyUnary(prefixes.get(i), acc, end);
            Expr l = bases.get(i - 1);
            acc = new Expr.BinOp(l, BinOpKind.POW, acc, span(starts.get(i - 1), end));
        }
        return acc;
    }

    /** primary: atom ('.' NAME | '(' args ')' | '[' slices ']')*. */
    private Expr primary() {
        if (at(TokenKind.KW_AWAIT)) { // await_primary: 'await' primary
            Token await = advance();
            enter();
            try {
                Expr value = primary();
                return new Expr.Await(value, spanFrom(await));
            } finally {
                leave();
            }
        }
        Token first = tok();
        Expr e = atom();
        while (true) {
            switch (tok().kind()) {
                case DOT -> {
                    advance();
                    Token n = expect(TokenKind.NAME);
                    e = new Expr.Attribute(e, n.text(), Ctx.LOAD, spanFrom(first));
                }
                case LPAR -> {
                    advance();
                    e = callArgs(e, first);
                }
                case LSQB -> {
                    advance();
                    bracketDepth++;
                    Expr slice;
                    try {
                        slice = slices();
                    } finally {
                        bracketDepth--;
                    }
                    expect(TokenKind.RSQB);
                    e = new Expr.Subscript(e, slice, Ctx.LOAD, spanFrom(first));
                }
                default -> {
                    return e;
                }
            }
        }
    }

    /** Arguments of a call (or class bases), after '(' up to and including ')'. */
    private Expr.Call callArgs(Expr func, Token first) {
        Token open = prev();
        List<Expr> args = new ArrayList<>();
        List<Keyword> keywords = new ArrayList<>();
        boolean sawKeyword = false;
        boolean sawDoubleStar = false;
        enter();
        bracketDepth++;
        try {
            while (!at(TokenKind.RPAR)) {
                Token t = tok();
                if (at(TokenKind.STAR)) {
                    advance();
                    Expr v = expression();
                    if (sawDoubleStar) {
                        // CPython's range starts at the comma before the starred argument
                        Token comma = tokens.get(tokens.indexOf(t) - 1);
                        throw errorAt(span(comma, prev()),
                                "iterable argument unpacking follows keyword argument unpacking");
                    }
                    args.add(new Expr.Starred(v, Ctx.LOAD, spanFrom(t)));
                } else if (at(TokenKind.DOUBLESTAR)) {
                    advance();
                    Expr v = expression();
                    keywords.add(new Keyword(null, v, spanFrom(t)));
                    sawDoubleStar = true;
                } else if (at(TokenKind.NAME) && la(1).kind() == TokenKind.EQUAL) {
                    advance();
                    advance();
                    Expr v = expression();
                    keywords.add(new Keyword(t.text(), v, spanFrom(t)));
                    sawKeyword = true;
                } else {
                    Expr e = namedExpressionForArg();
                    if (atComprehension()) {
                        List<Comprehension> gens = comprehensionClauses();
                        boolean alone = args.isEmpty() && keywords.isEmpty() && at(TokenKind.RPAR);
                        Expr.GeneratorExp g = new Expr.GeneratorExp(e, gens, alone
                                ? new Span(open.line(), open.col(), tok().endLine(), tok().endCol())
                                : spanFrom(e.span()));
                        if (!alone) {
                            throw errorAt(g.span(), "Generator expression must be parenthesized");
                        }
                        args.add(g);
                    } else if (at(TokenKind.EQUAL)) {
                        Token eq = advance();
                        Expr v = expression();
                        if (e instanceof Expr.Constant c && (c.value() == null || c.value() instanceof Boolean)) {
                            throw errorAt(e.span(), "cannot assign to " + exprName(e));
                        }
                        throw errorAt(span(e.span(), v.span()),
                                "expression cannot contain assignment, perhaps you meant \"==\"?");
                    } else {
                        // CPython raises these at the last token it read: the one after the argument
                        if (sawDoubleStar) {
                            throw errorAt(tok(), "positional argument follows keyword argument unpacking");
                        }
                        if (sawKeyword) {
                            throw errorAt(tok(), "positional argument follows keyword argument");
                        }
                        args.add(e);
                    }
                }
                if (!accept(TokenKind.COMMA)) {
                    break;
                }
            }
        } finally {
            bracketDepth--;
            leave();
        }
        expect(TokenKind.RPAR);
        return new Expr.Call(func, List.copyOf(args), List.copyOf(keywords), spanFrom(first));
    }

    /** A positional argument: NAME ':=' expression | expression. */
    private Expr namedExpressionForArg() {
        Token first = tok();
        if (first.kind() == TokenKind.NAME && la(1).kind() == TokenKind.COLONEQUAL) {
            advance();
            advance();
            Expr value = expression();
            return new Expr.NamedExpr(new Expr.Name(first.text(), Ctx.STORE, span(first, first)), value,
                    spanFrom(first));
        }
        return expression();
    }

    /** slices: a single slice or expression, or a Tuple of them. */
    private Expr slices() {
        Token first = tok();
        Expr e = sliceItem();
        if (!at(TokenKind.COMMA)) {
            if (e instanceof Expr.Starred) {
                return new Expr.Tuple(List.of(e), Ctx.LOAD, e.span());
            }
            return e;
        }
        List<Expr> elts = new ArrayList<>();
        elts.add(e);
        while (accept(TokenKind.COMMA)) {
            if (at(TokenKind.RSQB)) {
                break;
            }
            elts.add(sliceItem());
        }
        return new Expr.Tuple(List.copyOf(elts), Ctx.LOAD, spanFrom(first));
    }

    private Expr sliceItem() {
        Token first = tok();
        if (at(TokenKind.STAR)) {
            return starNamedExpression();
        }
        Expr lower = null;
        if (!at(TokenKind.COLON)) {
            lower = namedExpression();
            if (!at(TokenKind.COLON)) {
                return lower;
            }
            if (lower instanceof Expr.NamedExpr && !parenthesized.contains(lower)) {
                throw invalidSyntax();
            }
        }
        advance(); // ':'
        Expr upper = null;
        Expr step = null;
        if (!at(TokenKind.COLON) && !at(TokenKind.COMMA) && !at(TokenKind.RSQB)) {
            upper = expression();
        }
        if (accept(TokenKind.COLON)) {
            if (!at(TokenKind.COMMA) && !at(TokenKind.RSQB)) {
                step = expression();
            }
        }
        return new Expr.Slice(lower, upper, step, spanFrom(first));
    }

    private Expr atom() {
        Token t = tok();
        switch (t.kind()) {
            case NAME -> {
                advance();
                return new Expr.Name(t.text(), Ctx.LOAD, span(t, t));
            }
            case KW_TRUE -> {
                advance();
                return new Expr.Constant(Boolean.TRUE, null, span(t, t));
            }
            case KW_FALSE -> {
                advance();
                return new Expr.Constant(Boolean.FALSE, null, span(t, t));
            }
            case KW_NONE -> {
                advance();
                return new Expr.Constant(null, null, span(t, t));
            }
            case ELLIPSIS -> {
                advance();
                return new Expr.Constant(Expr.EllipsisValue.ELLIPSIS, null, span(t, t));
            }
            case NUMBER -> {
                advance();
                return new Expr.Constant(t.value(), null, span(t, t));
            }
            case STRING, FSTRING -> {
                return strings();
            }
            case LPAR -> {
                return parenAtom();
            }
            case LSQB -> {
                return listAtom();
            }
            case LBRACE -> {
                return braceAtom();
            }
            case KW_AWAIT -> throw unsupported(t, "'await' is");
            default -> throw invalidSyntax();
        }
    }

    private Expr parenAtom() {
        Token open = advance();
        enter();
        bracketDepth++;
        try {
            if (at(TokenKind.RPAR)) {
                advance();
                return new Expr.Tuple(List.of(), Ctx.LOAD, spanFrom(open));
            }
            if (at(TokenKind.KW_YIELD)) {
                Expr y = yieldExpr();
                expect(TokenKind.RPAR);
                parenthesized.add(y);
                return y;
            }
            Expr first = starNamedExpression();
            if (atComprehension()) {
                if (first instanceof Expr.Starred) {
                    throw errorAt(first.span(), "iterable unpacking cannot be used in comprehension");
                }
                List<Comprehension> gens = comprehensionClauses();
                expect(TokenKind.RPAR);
                return new Expr.GeneratorExp(first, gens, spanFrom(open));
            }
            if (at(TokenKind.RPAR)) {
                advance();
                if (first instanceof Expr.Starred) {
                    throw errorAt(first.span(), "cannot use starred expression here");
                }
                parenthesized.add(first);
                return first;
            }
            if (!at(TokenKind.COMMA)) {
                throw invalidSyntax();
            }
            List<Expr> elts = new ArrayList<>();
            elts.add(first);
            while (accept(TokenKind.COMMA)) {
                if (at(TokenKind.RPAR)) {
                    break;
                }
                elts.add(starNamedExpression());
            }
            expect(TokenKind.RPAR);
            Expr tuple = new Expr.Tuple(List.copyOf(elts), Ctx.LOAD, spanFrom(open));
            parenthesized.add(tuple);
            return tuple;
        } finally {
            bracketDepth--;
            leave();
        }
    }

    private Expr listAtom() {
        Token open = advance();
        enter();
        bracketDepth++;
        try {
            List<Expr> elts = new ArrayList<>();
            if (!at(TokenKind.RSQB)) {
                Expr first = starNamedExpression();
                if (atComprehension()) {
                    if (first instanceof Expr.Starred) {
                        throw errorAt(first.span(), "iterable unpacking cannot be used in comprehension");
                    }
                    List<Comprehension> gens = comprehensionClauses();
                    expect(TokenKind.RSQB);
                    return new Expr.ListComp(first, gens, spanFrom(open));
                }
                elts.add(first);
                while (accept(TokenKind.COMMA)) {
                    if (at(TokenKind.RSQB)) {
                        break;
                    }
                    elts.add(starNamedExpression());
                    if (atComprehension()) {
                        comprehensionClauses();
                        throw errorAt(span(elts.get(0).span(), elts.get(elts.size() - 1).span()),
                                "did you forget parentheses around the comprehension target?");
                    }
                }
            }
            expect(TokenKind.RSQB);
            return new Expr.ListExpr(List.copyOf(elts), Ctx.LOAD, spanFrom(open));
        } finally {
            bracketDepth--;
            leave();
        }
    }

    private Expr braceAtom() {
        Token open = advance();
        enter();
        bracketDepth++;
        try {
            if (accept(TokenKind.RBRACE)) {
                return new Expr.Dict(List.of(), List.of(), spanFrom(open));
            }
            if (at(TokenKind.DOUBLESTAR)) {
                return dictRest(open, null, null);
            }
            Expr first = starNamedExpression();
            if (at(TokenKind.COLON) && !(first instanceof Expr.Starred)) {
                advance();
                Expr value = expression();
                if (atComprehension()) {
                    List<Comprehension> gens = comprehensionClauses();
                    expect(TokenKind.RBRACE);
                    return new Expr.DictComp(first, value, gens, spanFrom(open));
                }
                return dictRest(open, first, value);
            }
            if (atComprehension()) {
                if (first instanceof Expr.Starred) {
                    throw errorAt(first.span(), "iterable unpacking cannot be used in comprehension");
                }
                List<Comprehension> gens = comprehensionClauses();
                expect(TokenKind.RBRACE);
                return new Expr.SetComp(first, gens, spanFrom(open));
            }
            List<Expr> elts = new ArrayList<>();
            elts.add(first);
            while (accept(TokenKind.COMMA)) {
                if (at(TokenKind.RBRACE)) {
                    break;
                }
                elts.add(starNamedExpression());
            }
            expect(TokenKind.RBRACE);
            return new Expr.Set(List.copyOf(elts), spanFrom(open));
        } finally {
            bracketDepth--;
            leave();
        }
    }

    /** The rest of a dict display; {@code key == null && value == null} when it starts with '**'. */
    private Expr dictRest(Token open, Expr key, Expr value) {
        List<Expr> keys = new ArrayList<>();
        List<Expr> values = new ArrayList<>();
        boolean first = true;
        if (key != null) {
            keys.add(key);
            values.add(value);
            first = false;
        }
        while (true) {
            if (!first) {
                if (!accept(TokenKind.COMMA)) {
                    break;
                }
                if (at(TokenKind.RBRACE)) {
                    break;
                }
            }
            first = false;
            if (accept(TokenKind.DOUBLESTAR)) {
                keys.add(null);
                values.add(bitwiseOr());
            } else {
                Expr k = expression();
                if (!at(TokenKind.COLON)) {
                    throw invalidSyntax();
                }
                advance();
                keys.add(k);
                values.add(expression());
            }
        }
        expect(TokenKind.RBRACE);
        return new Expr.Dict(Collections.unmodifiableList(keys), List.copyOf(values), spanFrom(open));
    }

    /** Whether a comprehension's clauses start here: 'for', or 'async for'. */
    private boolean atComprehension() {
        return at(TokenKind.KW_FOR) || at(TokenKind.KW_ASYNC) && la(1).kind() == TokenKind.KW_FOR;
    }

    /** ('for' star_targets 'in' disjunction ('if' disjunction)*)+. */
    private List<Comprehension> comprehensionClauses() {
        List<Comprehension> gens = new ArrayList<>();
        while (at(TokenKind.KW_FOR) || at(TokenKind.KW_ASYNC)) {
            if (at(TokenKind.KW_ASYNC)) {
                throw unsupported(tok(), "'async' is");
            }
            advance();
            Expr target = starTargets();
            expect(TokenKind.KW_IN);
            Expr iter = disjunction();
            List<Expr> ifs = new ArrayList<>();
            while (accept(TokenKind.KW_IF)) {
                ifs.add(disjunction());
            }
            gens.add(new Comprehension(target, iter, List.copyOf(ifs)));
        }
        return List.copyOf(gens);
    }

    private Expr yieldExpr() {
        Token y = advance();
        if (accept(TokenKind.KW_FROM)) {
            Expr v = expression();
            return new Expr.YieldFrom(v, spanFrom(y));
        }
        if (startsExpression(tok()) || at(TokenKind.STAR)) {
            Expr v = starExpressions();
            return new Expr.Yield(v, spanFrom(y));
        }
        return new Expr.Yield(null, spanFrom(y));
    }

    // ------------------------------------------------------------------ strings

    /** Adjacent string literals, concatenated: a Constant, or a JoinedStr if any is an f-string. */
    private Expr strings() {
        Token first = tok();
        List<Token> parts = new ArrayList<>();
        boolean anyF = false;
        boolean anyBytes = false;
        boolean anyStr = false;
        while (at(TokenKind.STRING) || at(TokenKind.FSTRING)) {
            Token t = advance();
            parts.add(t);
            if (t.kind() == TokenKind.FSTRING) {
                anyF = true;
                anyStr = true;
            } else if (((StringLit) t.value()).bytes()) {
                anyBytes = true;
            } else {
                anyStr = true;
            }
        }
        Span sp = spanFrom(first);
        if (anyBytes && anyStr) {
            throw errorAt(tok(), "cannot mix bytes and nonbytes literals");
        }
        if (anyBytes) {
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            for (Token t : parts) {
                StringLit s = (StringLit) t.value();
                try {
                    out.writeBytes(StringDecoder.decodeBytes(src.substring(s.bodyStart(), s.bodyEnd()), s.raw()));
                } catch (StringDecoder.DecodeException ex) {
                    throw errorAt(span(t, t), ex.getMessage());
                }
            }
            return new Expr.Constant(new PyBytes(out.toByteArray()), null, sp);
        }
        String kind = first.kind() == TokenKind.STRING && ((StringLit) first.value()).unicode() ? "u" : null;
        if (!anyF) {
            StringBuilder sb = new StringBuilder();
            for (Token t : parts) {
                sb.append(decodeStr(t, (StringLit) t.value()));
            }
            return new Expr.Constant(sb.toString(), kind, sp);
        }
        List<Expr> values = new ArrayList<>();
        StringBuilder pending = new StringBuilder();
        for (Token t : parts) {
            if (t.kind() == TokenKind.STRING) {
                pending.append(decodeStr(t, (StringLit) t.value()));
            } else {
                FStringLit f = (FStringLit) t.value();
                appendFStringParts(t, f.raw(), f.parts(), values, pending);
            }
        }
        if (!pending.isEmpty()) {
            values.add(new Expr.Constant(pending.toString(), null, sp));
        }
        return new Expr.JoinedStr(List.copyOf(values), sp);
    }

    private String decodeStr(Token t, StringLit s) {
        try {
            return StringDecoder.decodeStr(src.substring(s.bodyStart(), s.bodyEnd()), s.raw());
        } catch (StringDecoder.DecodeException ex) {
            throw errorAt(span(t, t), ex.getMessage());
        }
    }

    private void appendFStringParts(Token t, boolean raw, List<FStringLit.Part> parts, List<Expr> values,
                                    StringBuilder pending) {
        for (FStringLit.Part part : parts) {
            switch (part) {
                case FStringLit.Text text -> {
                    try {
                        pending.append(StringDecoder.decodeStr(text.text(), raw));
                    } catch (StringDecoder.DecodeException ex) {
                        throw errorAt(span(t, t), ex.getMessage());
                    }
                }
                case FStringLit.Field f -> {
                    Expr value = fstringExpression(f);
                    if (f.debugText() != null) {
                        pending.append(f.debugText());
                    }
                    Span fs = new Span(f.line(), f.col(), f.endLine(), f.endCol());
                    if (!pending.isEmpty()) {
                        values.add(new Expr.Constant(pending.toString(), null, fs));
                        pending.setLength(0);
                    }
                    int conversion = f.conversion();
                    if (f.debugText() != null && conversion == -1 && f.spec() == null) {
                        conversion = 'r';
                    }
                    Expr spec = null;
                    if (f.spec() != null) {
                        List<Expr> sv = new ArrayList<>();
                        StringBuilder sp = new StringBuilder();
                        appendFStringParts(t, raw, f.spec(), sv, sp);
                        if (!sp.isEmpty()) {
                            sv.add(new Expr.Constant(sp.toString(), null, fs));
                        }
                        spec = new Expr.JoinedStr(List.copyOf(sv), fs);
                    }
                    values.add(new Expr.FormattedValue(value, conversion, spec, fs));
                }
            }
        }
    }

    /** Parses a replacement field's expression from its source range (yield_expr | star_expressions). */
    private Expr fstringExpression(FStringLit.Field f) {
        Lexer sub = Lexer.forFStringExpression(src, filename, f.exprStart(), f.exprEnd(), f.exprLine(),
                f.exprLineStart(), 1, lexer);
        Parser ps = new Parser(sub, depth + 1);
        ps.bracketDepth = 1;
        ps.enter();
        Expr e = ps.yieldOrStarExpressions();
        if (!ps.at(TokenKind.ENDMARKER)) {
            throw ps.invalidSyntax();
        }
        return e;
    }
}
