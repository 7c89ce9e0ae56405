package org.pymemlab.frontend.interp;

import static org.pymemlab.frontend.interp.Interp.K_BYTES;
import static org.pymemlab.frontend.interp.Interp.K_CODE;
import static org.pymemlab.frontend.interp.Interp.K_DICT;
import static org.pymemlab.frontend.interp.Interp.K_INSTANCE;
import static org.pymemlab.frontend.interp.Interp.K_STR;

import java.util.List;
import java.util.Map;
import org.pymemlab.frontend.PySyntaxError;
import org.pymemlab.frontend.ast.Expr;
import org.pymemlab.frontend.ast.Module;
import org.pymemlab.frontend.ast.Stmt;
import org.pymemlab.frontend.parser.Parser;

/**
 * exec(), eval() and compile(). Source text is parsed as a file (exec) or an expression (eval); a syntax error
 * becomes a SyntaxError with CPython's fields. The code runs in the globals given (a {@code __builtins__} entry
 * added when missing) and, with a locals mapping apart from them (the default inside a function, whose locals
 * are a snapshot), as a class body runs: its names in that mapping. Its constants stay alive until the
 * interpreter exits, as those of the bundled modules do (CPython frees them with the code).
 */
final class Exec {

    /** What compile() returns, in the payload of a code object: the parsed source, its file name and mode. */
    record Source(Module module, String filename, boolean expression) {
    }

    private Exec() {
    }

    /** compile(source, filename, mode, flags=0, dont_inherit=False, optimize=-1). New reference (a code object). */
    static long compile(Interp in, long[] args, String[] kw) {
        long source = Methods.arg(args, kw, 0, "source");
        long filename = Methods.arg(args, kw, 1, "filename");
        long mode = Methods.arg(args, kw, 2, "mode");
        if (source == 0 || filename == 0 || mode == 0) {
            String missing = source == 0 ? "source" : filename == 0 ? "filename" : "mode";
            throw in.typeError("compile() missing required argument '" + missing + "' (pos " + (source == 0 ? 1 : filename == 0 ? 2 : 3) + ")");
        }
        long flags = Methods.arg(args, kw, 3, "flags");
        if (flags != 0 && (in.kind(flags) != Interp.K_INT || in.m.intValue(flags) != 0)) {
            throw in.error("ValueError", "compile() flags other than 0 are not supported by PyMem Lab's frontend");
        }
        if (in.kind(filename) != K_STR) {
            throw in.typeError("compile() argument 'filename' must be str, not " + in.classOf(filename).name);
        }
        String modeText = in.kind(mode) == K_STR ? in.m.strValue(mode) : null;
        if (modeText == null) {
            throw in.typeError("compile() argument 'mode' must be str, not " + in.classOf(mode).name);
        }
        if (!modeText.equals("exec") && !modeText.equals("eval") && !modeText.equals("single")) {
            throw in.error("ValueError", "compile() mode must be 'exec', 'eval' or 'single'");
        }
        if (modeText.equals("single")) {
            throw in.error("ValueError", "compile() mode 'single' is not supported by PyMem Lab's frontend");
        }
        String text = sourceText(in, source, "compile", "AST object");
        return codeObject(in, parse(in, text, in.m.strValue(filename), modeText.equals("eval")));
    }

    /** exec(source, globals=None, locals=None, /, *, closure=None) and eval(source, globals=None, locals=None, /). */
    static long run(Interp in, String name, long[] args, String[] kw) {
        boolean eval = name.equals("eval");
        int nkw = kw == null ? 0 : kw.length;
        int n = args.length - nkw;
        checkArguments(in, name, n, kw);
        long source = args[0];
        long globals = n > 1 ? args[1] : in.none;
        long locals = n > 2 ? args[2] : in.none;
        if (eval) {
            if (locals != in.none && !isMapping(in, locals)) {
                throw in.typeError("locals must be a mapping");
            }
            if (globals != in.none && in.kind(globals) != K_DICT) {
                throw in.typeError(isMapping(in, globals) ? "globals must be a real dict; try eval(expr, {}, mapping)"
                        : "globals must be a dict");
            }
        } else {
            if (globals != in.none && in.kind(globals) != K_DICT) {
                throw in.typeError("exec() globals must be a dict, not " + in.classOf(globals).name);
            }
            if (locals != in.none && !isMapping(in, locals)) {
                throw in.typeError("locals must be a mapping or None, not " + in.classOf(locals).name);
            }
        }
        Source parsed;
        if (in.kind(source) == K_CODE) {
            if (!(in.os.payload(source) instanceof Source s)) {
                throw in.typeError(name + "() of a function's code object is not supported (only compile()'s)");
            }
            parsed = s;
        } else {
            String text = sourceText(in, source, name, "code object");
            if (eval) {
                text = text.replaceFirst("^[ \t]+", ""); // eval ignores the leading blanks of its string
            }
            parsed = parse(in, text, "<string>", eval);
        }
        long g = globals == in.none ? in.incref(in.current.globals) : in.incref(globals);
        long l;
        if (locals != in.none) {
            l = in.incref(locals);
        } else if (globals != in.none) {
            l = in.incref(g);
        } else {
            l = in.frames.locals(in.current); // the caller's: at module level its globals themselves
        }
        try {
            if (in.kind(l) != K_DICT) {
                throw in.typeError(name + "() with a locals mapping that is not a dict is not supported by PyMem Lab's frontend");
            }
            long result = execute(in, parsed, g, l);
            if (!eval || !parsed.expression()) {
                in.m.decref(result);
                return in.incref(in.none);
            }
            return result;
        } finally {
            in.m.decref(g);
            in.m.decref(l);
        }
    }

    private static void checkArguments(Interp in, String name, int n, String[] kw) {
        boolean eval = name.equals("eval");
        if (kw != null) {
            for (String k : kw) {
                if (eval) {
                    throw in.typeError("eval() takes no keyword arguments");
                }
                if (!k.equals("closure")) {
                    throw KeywordErrors.builtin(in, "exec", k, List.of("closure"));
                }
            }
        }
        if (n < 1) {
            throw in.typeError(eval && in.minor < 13 ? "eval expected at least 1 argument, got 0"
                    : name + "() takes at least 1 positional argument (0 given)");
        }
        if (n > 3) {
            throw in.typeError(eval && in.minor < 13 ? "eval expected at most 3 arguments, got " + n
                    : name + "() takes at most 3 " + (eval ? "" : "positional ") + "arguments (" + n + " given)");
        }
    }

    /** PyMapping_Check: a dict or a mappingproxy, or an object whose class has __getitem__. */
    static boolean isMapping(Interp in, long o) {
        int k = in.kind(o);
        return k == K_DICT || k == Interp.K_MAPPINGPROXY || (k == K_INSTANCE || in.classOf(o).builtinSubclass)
                && in.lookup(in.classOf(o), in.internStr("__getitem__")) != 0;
    }

    /** The source as text: a str, or bytes read as UTF-8. */
    private static String sourceText(Interp in, long source, String name, String alternative) {
        int k = in.kind(source);
        if (k == K_STR) {
            return in.m.strValue(source);
        }
        if (k == K_BYTES) {
            return new String(in.m.bytesValue(source), java.nio.charset.StandardCharsets.UTF_8);
        }
        throw in.typeError(name + "() arg 1 must be a string, bytes or " + alternative);
    }

    /** Parses source text as a file or an expression, a syntax error made a SyntaxError. */
    private static Source parse(Interp in, String text, String filename, boolean expression) {
        try {
            if (!expression) {
                return new Source(Parser.parseModule(text, filename), filename, false);
            }
            Expr e = Parser.parseExpression(text, filename);
            // the identifiers, for 3.12+'s immortal interning, as the file parse collects them
            List<String> identifiers = Parser.parseModule(text, filename).identifiers();
            Module module = new Module(List.of(new Stmt.Return(e, e.span())), filename, identifiers);
            return new Source(module, filename, true);
        } catch (PySyntaxError e) {
            // a file's last line has the newline its tokenizer adds, unless a token in that line was what failed
            boolean midLine = e.fromTokenizer() && !e.msg().contains("never closed") && !e.msg().startsWith("unterminated triple");
            throw syntaxError(in, e, lineText(text, e.line(), !expression && !midLine));
        }
    }

    /** Line n of the text (1-based) as CPython's SyntaxError.text holds it: with its newline, if it has one. */
    private static String lineText(String text, int n, boolean newlineAtEnd) {
        String[] lines = text.split("\n", -1);
        if (n < 1 || n > lines.length) {
            return null;
        }
        boolean newline = n < lines.length || newlineAtEnd;
        return lines[n - 1] + (newline ? "\n" : "");
    }

    /** A parser error as the SyntaxError (IndentationError, TabError) CPython raises, its fields set. */
    static PyRaise syntaxError(Interp in, PySyntaxError e, String text) {
        long cls = in.exceptions.get(e.type().pyName());
        long[] info = {in.newStr(e.filename()), in.newInt(e.line()), in.newInt(e.offset()),
            text == null ? in.incref(in.none) : in.newStr(text), in.newInt(e.endLine()), in.newInt(e.endOffset())};
        long infoTuple = in.m.newTuple(info);
        in.release(info);
        long msg = in.newStr(e.msg());
        try {
            return new PyRaise(in.instantiateException(cls, new long[] {msg, infoTuple}));
        } finally {
            in.m.decref(msg);
            in.m.decref(infoTuple);
        }
    }

    /** Compiles the source for these namespaces and runs it: its value for an expression. New reference. */
    private static long execute(Interp in, Source source, long globals, long locals) {
        var m = in.m;
        long builtinsName = in.internStr("__builtins__");
        if (m.dictGet(globals, builtinsName) == 0) {
            m.dictSet(globals, builtinsName, in.builtinsDict);
        }
        boolean namespace = locals != globals;
        List<Stmt> body = source.module().body();
        Map<Object, Scope> scopes;
        try {
            scopes = Scope.analyse(body, in.minor, source.expression(), namespace);
        } catch (Scope.SymtableError e) {
            var at = e.span;
            throw syntaxError(in, new PySyntaxError(PySyntaxError.Type.SYNTAX_ERROR, e.getMessage(), source.filename(),
                    at.line(), at.col() + 1, at.endLine(), at.endCol() + 1, null, false), null);
        }
        Compiler compiler = new Compiler(in, source.filename(), scopes);
        // a class's __module__ is the globals' __name__, else builtins' own
        long moduleName = m.dictGet(globals, in.internStr("__name__"));
        compiler.moduleName = moduleName != 0 && in.kind(moduleName) == K_STR ? m.strValue(moduleName) : "builtins";
        in.importedCode.add(compiler);
        Code code = namespace ? compiler.compileInNamespace(source.module()) : compiler.compileModule(source.module());
        Frame f = new Frame(code, new long[code.nlocals], null, globals, namespace ? locals : 0, in.current);
        f.line = 1;
        try {
            return in.run(f);
        } finally {
            for (long obj : compiler.arena) {
                m.decref(obj);
            }
            compiler.arena.clear();
        }
    }

    /** Runs a module's file in its namespace, as the import system's exec of its code does. */
    static void runFile(Interp in, String text, String filename, long globals) {
        in.m.decref(execute(in, parse(in, text, filename, false), globals, globals));
    }

    /** A code object holding the parsed source. New reference. */
    private static long codeObject(Interp in, Source source) {
        long code = in.os.newHostObject(in.tCode);
        in.os.setPayload(code, source);
        return code;
    }
}
