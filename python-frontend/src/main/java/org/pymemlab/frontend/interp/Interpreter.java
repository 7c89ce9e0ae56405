package org.pymemlab.frontend.interp;

import java.io.PrintStream;
import java.util.List;
import org.pymemlab.frontend.PySyntaxError;
import org.pymemlab.frontend.ast.Module;
import org.pymemlab.frontend.parser.Parser;
import org.pymemlab.runtime.Mutator;

/** Compiles and runs one module on a runtime, on a thread with a deep stack. */
public final class Interpreter {

    private static final long STACK_BYTES = 1L << 30;

    private Interpreter() {
    }

    public static int run(Mutator mutator, String source, String filename, List<String> argv,
            java.nio.file.Path workingDirectory, PrintStream out, PrintStream err) {
        int[] status = {0};
        Throwable[] failure = {null};
        Thread t = new Thread(null, () -> {
            try {
                status[0] = runHere(mutator, source, filename, argv, workingDirectory, out, err);
            } catch (Throwable e) {
                failure[0] = e;
            }
        }, "pymem-python", STACK_BYTES);
        t.start();
        try {
            t.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
        if (failure[0] instanceof RuntimeException r) {
            throw r;
        }
        if (failure[0] instanceof Error e) {
            throw e;
        }
        return status[0];
    }

    static int runHere(Mutator m, String source, String filename, List<String> argv,
            java.nio.file.Path workingDirectory, PrintStream out, PrintStream err) {
        Module module;
        java.util.Map<Object, Scope> scopes;
        String version = m.objectSpace().pythonVersion();
        try {
            module = Parser.parseModule(source, filename);
            scopes = symtable(module, source, filename, Integer.parseInt(version.split("\\.")[1]));
        } catch (PySyntaxError e) {
            err.println(e.format());
            err.flush();
            return 1;
        }
        Interp in = new Interp(m, out, err, version);
        in.os.setErrors(err);
        in.argv = argv;
        in.workingDirectory = workingDirectory;
        // sys.path[0]: the script's directory, absolute, or '' (the current directory) for -c and stdin
        in.mainDirectory = filename.startsWith("<") ? ""
                : String.valueOf(workingDirectory.resolve(filename).normalize().getParent());
        if (!filename.startsWith("<") || in.minor >= 13) {
            // 3.11 and 3.12 show no source lines for -c ("<string>")
            in.keepSource(filename, source);
        }
        in.builtinsDict = m.newDict();
        Modules.installExceptions(in);
        Builtins.install(in);
        Compiler compiler = new Compiler(in, filename, scopes);
        long globals = mainGlobals(in, compiler, module, filename);
        long mainModule = Modules.moduleOver(in, "__main__", globals);
        in.registerModule("__main__", mainModule); // sys.modules['__main__'], as the program's module
        m.decref(mainModule);
        int status = 0;
        try {
            Code code = compiler.compileModule(module);
            Frame f = new Frame(code, new long[0], null, globals, 0, null);
            f.line = 1;
            try {
                m.decref(in.run(f));
            } catch (PyRaise e) {
                status = uncaught(in, e);
            }
            runExitFunctions(in);
            // pythonrun.c frees the AST arena once the module has run
            for (long obj : compiler.arena) {
                m.decref(obj);
            }
            compiler.arena.clear();
            // interpreter exit: the module's names are cleared (underscored first), then a collection
            try {
                clearModule(in, globals);
                m.gc().collect();
                release(in, compiler, globals);
                m.gc().collect();
                m.decref(in.builtinsDict);
            } catch (PyRaise e) {
                in.printException(e);
                m.decref(e.exc);
            }
        } finally {
            out.flush();
            err.flush();
        }
        return status;
    }

    /** Py_FinalizeEx's first step: the functions registered with atexit, when the program imported it. */
    private static void runExitFunctions(Interp in) {
        long atexit = in.module("atexit");
        if (atexit == 0) {
            return;
        }
        try {
            long run = in.getattr(atexit, "_run_exitfuncs");
            try {
                in.m.decref(in.call(run, new long[0], null));
            } finally {
                in.m.decref(run);
            }
        } catch (PyRaise e) {
            in.printException(e);
            in.m.decref(e.exc);
        }
        in.out.flush();
    }

    private static int uncaught(Interp in, PyRaise e) {
        Mutator m = in.m;
        in.out.flush();
        if (in.isInstance(e.exc, "SystemExit")) {
            // SystemExit's code: empty (None) without arguments, the argument, or the args tuple
            long code = ExceptionObjects.field(in, e.exc, "code");
            int status = 0;
            if (code != 0) {
                int k = in.kind(code);
                if (k == Interp.K_INT || k == Interp.K_BOOL) {
                    status = (int) m.intValue(code);
                } else if (code != in.none) {
                    in.err.println(in.str(code));
                    status = 1;
                }
            }
            m.decref(e.exc);
            return status;
        }
        in.printException(e);
        m.decref(e.exc);
        in.err.flush();
        return 1;
    }

    /** The module's scopes; a yield or await where CPython's symtable refuses one is its SyntaxError. */
    private static java.util.Map<Object, Scope> symtable(Module module, String source, String filename, int minor) {
        try {
            return Scope.analyse(module.body(), minor);
        } catch (Scope.SymtableError e) {
            String[] lines = source.split("\r?\n", -1);
            var at = e.span;
            String text = at.line() >= 1 && at.line() <= lines.length ? lines[at.line() - 1] : null;
            // a statement over several lines is marked to the end of its first, as CPython prints it
            boolean oneLine = at.endLine() == at.line() || text == null;
            throw new PySyntaxError(PySyntaxError.Type.SYNTAX_ERROR, e.getMessage(), filename, at.line(), at.col() + 1,
                    oneLine ? at.endLine() : at.line(), oneLine ? at.endCol() + 1 : text.length() + 1, text, false);
        }
    }

    /**
     * The {@code __main__} module's namespace as CPython sets it up, in its order: {@code __name__}, the
     * docstring or None as {@code __doc__}, {@code __package__} and {@code __spec__} None, an empty
     * {@code __annotations__}, the builtins module as {@code __builtins__}, and for a file its absolute
     * {@code __file__} and {@code __cached__} None. CPython's {@code __loader__} object is not modelled.
     */
    private static long mainGlobals(Interp in, Compiler compiler, Module module, String filename) {
        Mutator m = in.m;
        long globals = m.newDict();
        m.dictSet(globals, in.internStr("__name__"), in.internStr("__main__"));
        long doc = compiler.docstring(module.body()); // the code's constant, as STORE_NAME __doc__ stores it
        m.dictSet(globals, in.internStr("__doc__"), doc != 0 ? doc : in.none);
        m.dictSet(globals, in.internStr("__package__"), in.none);
        m.dictSet(globals, in.internStr("__spec__"), in.none);
        long annotations = m.newDict();
        m.dictSet(globals, in.internStr("__annotations__"), annotations);
        m.decref(annotations);
        long builtins = Modules.importModule(in, "builtins");
        m.dictSet(globals, in.internStr("__builtins__"), builtins);
        m.decref(builtins);
        if (!filename.startsWith("<")) {
            long file = in.newStr(in.workingDirectory.resolve(filename).normalize().toString());
            m.dictSet(globals, in.internStr("__file__"), file);
            m.decref(file);
            m.dictSet(globals, in.internStr("__cached__"), in.none);
        }
        return globals;
    }

    /** Finalization: the interpreter's own references (code constants, modules, builtins, globals) go. */
    private static void release(Interp in, Compiler compiler, long globals) {
        Mutator m = in.m;
        if (in.gcRegistration != null) {
            in.gcRegistration.close();
        }
        for (long v : compiler.constants) {
            m.decref(v);
        }
        compiler.constants.clear();
        for (Compiler imported : in.importedCode) {
            for (long v : imported.constants) {
                m.decref(v);
            }
            imported.constants.clear();
        }
        for (long v : in.kept) {
            m.decref(v);
        }
        in.kept.clear();
        m.dictClear(in.sysModules);
        m.decref(in.sysModules);
        m.dictClear(globals);
        m.decref(globals);
        // the descriptors in the exception classes' namespaces hold their classes: those cycles go last
        for (long cls : in.classesWithDescriptors) {
            m.dictClear(in.os.classDict(cls));
        }
        in.classesWithDescriptors.clear();
        in.releaseNames();
    }

    private static void clearModule(Interp in, long globals) {
        Mutator m = in.m;
        List<Long> keys = m.dictKeys(globals);
        for (int pass = 0; pass < 2; pass++) {
            for (long k : keys) {
                if (in.kind(k) != Interp.K_STR) {
                    continue; // _PyModule_ClearDict only sets str keys to None
                }
                String name = m.strValue(k);
                if (name.equals("__builtins__") || name.equals("__name__")) {
                    continue;
                }
                boolean underscored = name.startsWith("_");
                if ((pass == 0) == underscored && m.dictGet(globals, k) != 0) {
                    m.dictSet(globals, k, in.none);
                }
            }
        }
    }
}
