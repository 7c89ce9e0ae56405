package org.pymemlab.frontend.interp;

import static org.pymemlab.frontend.interp.Interp.*;

import java.util.ArrayList;
import java.util.List;
import org.pymemlab.runtime.ClassSpec;
import org.pymemlab.runtime.Mutator;
import org.pymemlab.runtime.gc.GcModule;

/** The exception hierarchy and the built-in modules: sys, gc, weakref, time (tracemalloc: {@link Tracemalloc}). */
final class Modules {

    private Modules() {
    }

    private static final String[][] EXCEPTIONS = {
        {"BaseException", null}, {"SystemExit", "BaseException"}, {"KeyboardInterrupt", "BaseException"},
        {"GeneratorExit", "BaseException"}, {"Exception", "BaseException"}, {"ArithmeticError", "Exception"},
        {"ZeroDivisionError", "ArithmeticError"}, {"OverflowError", "ArithmeticError"}, {"AssertionError", "Exception"},
        {"AttributeError", "Exception"}, {"LookupError", "Exception"}, {"IndexError", "LookupError"},
        {"KeyError", "LookupError"}, {"NameError", "Exception"}, {"UnboundLocalError", "NameError"},
        {"RuntimeError", "Exception"}, {"RecursionError", "RuntimeError"}, {"NotImplementedError", "RuntimeError"},
        {"StopIteration", "Exception"}, {"StopAsyncIteration", "Exception"}, {"TypeError", "Exception"},
        {"ValueError", "Exception"},
        {"MemoryError", "Exception"}, {"ImportError", "Exception"}, {"ModuleNotFoundError", "ImportError"},
        {"SystemError", "Exception"}, {"OSError", "Exception"}, {"BlockingIOError", "OSError"},
        {"ChildProcessError", "OSError"}, {"ConnectionError", "OSError"}, {"BrokenPipeError", "ConnectionError"},
        {"ConnectionAbortedError", "ConnectionError"}, {"ConnectionRefusedError", "ConnectionError"},
        {"ConnectionResetError", "ConnectionError"}, {"FileExistsError", "OSError"}, {"FileNotFoundError", "OSError"},
        {"InterruptedError", "OSError"}, {"IsADirectoryError", "OSError"}, {"NotADirectoryError", "OSError"},
        {"PermissionError", "OSError"}, {"ProcessLookupError", "OSError"}, {"TimeoutError", "OSError"},
        {"ReferenceError", "Exception"}, {"SyntaxError", "Exception"}, {"IndentationError", "SyntaxError"},
        {"TabError", "IndentationError"}, {"UnicodeError", "ValueError"}, {"UnicodeEncodeError", "UnicodeError"},
        {"UnicodeDecodeError", "UnicodeError"}, {"UnicodeTranslateError", "UnicodeError"},
        {"BufferError", "Exception"}, {"Warning", "Exception"}, {"UserWarning", "Warning"},
        {"DeprecationWarning", "Warning"}, {"ResourceWarning", "Warning"}, {"RuntimeWarning", "Warning"},
        {"SyntaxWarning", "Warning"}, {"FutureWarning", "Warning"}, {"PendingDeprecationWarning", "Warning"},
        {"ImportWarning", "Warning"}, {"UnicodeWarning", "Warning"}, {"BytesWarning", "Warning"},
        {"EncodingWarning", "Warning"}, {"EOFError", "Exception"}, {"FloatingPointError", "ArithmeticError"},
    };

    /**
     * The built-in exception classes, laid out as CPython's structs ({@link ExceptionObjects#ownStruct}); a class
     * without fields of its own has its base's struct.
     */
    static void installExceptions(Interp in) {
        Mutator m = in.m;
        java.util.Map<String, Integer> basicsizes = new java.util.HashMap<>();
        for (String[] e : EXCEPTIONS) {
            var struct = ExceptionObjects.ownStruct(e[0], in.minor);
            if (struct == null) {
                struct = new ClassSpec.Struct(List.of(), basicsizes.get(e[1]));
            }
            basicsizes.put(e[0], struct.basicsize());
            long base = e[1] == null ? in.tObject : in.exceptions.get(e[1]);
            installException(in, e[0], struct, base);
        }
        in.attributeError = in.classOfType(in.exceptions.get("AttributeError"));
        in.osError = in.classOfType(in.exceptions.get("OSError"));
        for (String alias : new String[] {"IOError", "EnvironmentError"}) {
            m.dictSet(in.builtinsDict, in.internStr(alias), in.osError.address); // OSError's old names
        }
        // OSError's old names
        m.dictSet(in.builtinsDict, in.internStr("EnvironmentError"), in.osError.address);
        m.dictSet(in.builtinsDict, in.internStr("IOError"), in.osError.address);
        // BaseExceptionGroup(BaseException) and ExceptionGroup(BaseExceptionGroup, Exception), CPython's order;
        // ExceptionGroup is a class as type_new makes it in CPython too, so it gets a weakref list
        in.baseExceptionGroup = installException(in, "BaseExceptionGroup",
                ExceptionObjects.ownStruct("BaseExceptionGroup", in.minor), in.exceptions.get("BaseException"));
        in.exceptionGroup = installException(in, "ExceptionGroup", null, in.baseExceptionGroup.address,
                in.exceptions.get("Exception"));
    }

    private static Interp.PyClass installException(Interp in, String name, ClassSpec.Struct struct, long... bases) {
        Mutator m = in.m;
        long ns = m.newDict();
        long basesTuple = m.newTuple(bases);
        long cls = Classes.typeNew(in, 0, name, basesTuple, ns, null, null, "builtins", struct);
        m.decref(basesTuple);
        m.decref(ns);
        Interp.PyClass c = in.classOfType(cls);
        c.exception = true;
        if (ExceptionObjects.Family.headedBy(name) != ExceptionObjects.Family.NONE) {
            c.family = ExceptionObjects.Family.headedBy(name);
        }
        c.exceptionGroup = in.baseExceptionGroup != null || name.equals("BaseExceptionGroup");
        ExceptionObjects.installDescriptors(in, c, in.os.classDict(cls));
        in.exceptions.put(name, cls);
        m.dictSet(in.builtinsDict, in.internStr(name), cls);
        m.decref(cls);
        return c;
    }

    static long importModule(Interp in, String name) {
        long found = in.module(name);
        if (found != 0) {
            return in.incref(found);
        }
        long made = switch (name) {
            case "sys" -> sys(in);
            case "gc" -> gc(in);
            case "weakref" -> weakref(in);
            case "time" -> time(in);
            case "math" -> MathModule.create(in);
            case "_random" -> RandomCore.create(in);
            case "_pymemio" -> FileModule.create(in);
            case "_pymemhash" -> HashModule.create(in);
            case "_struct" -> StructModule.create(in);
            case "_pymemtb" -> TracebackModule.create(in);
            case "_pymembin" -> BinasciiModule.create(in);
            case "_pymemframe" -> FrameObjects.nativeModule(in);
            case "_re" -> ReModule.create(in);
            case "builtins" -> builtins(in);
            // frozen in CPython 3.11+, so found before anything on sys.path
            case "abc", "io", "os", "posixpath" -> bundled(in, name);
            case "os.path" -> importModule(in, "posixpath");
            case "collections.abc" -> bundled(in, "_collections_abc");
            case "_collections_abc" -> importModule(in, "collections.abc");
            case "_tracemalloc" -> Tracemalloc.nativeModule(in);
            default -> 0;
        };
        if (made == 0) {
            // the program's own modules come before the standard library's, as sys.path orders them
            long file = FileImports.load(in, name);
            if (file != 0) {
                return file;
            }
            made = switch (name) {
                case "random", "bisect", "itertools", "collections", "__future__", "dataclasses", "enum", "typing",
                        "array", "types", "copy", "functools", "contextlib", "operator", "heapq", "string", "json",
                        "re", "binascii", "base64", "tracemalloc", "hashlib", "struct", "fractions", "pprint",
                        "traceback", "linecache", "logging", "fnmatch", "pathlib",
                        "shutil", "tempfile", "atexit", "glob",
                        "_framelocals" -> bundled(in, name);
                default -> throw FileImports.notFound(in, name, "No module named '" + name + "'");
            };
        }
        in.registerModule(name, made);
        if (name.equals("sys")) {
            in.m.decref(bundled(in, "_sysinfo")); // the struct sequences, written in Python, added to sys
        } else if (name.equals("weakref")) {
            in.m.decref(bundled(in, "_weakrefextra")); // WeakSet, finalize, WeakMethod: Python in CPython too
        }
        return made;
    }

    /** A module shipped as Python source beside this class ({@code name}.py), run as {@code <frozen name>}. */
    static long bundled(Interp in, String name) {
        String filename = "<frozen " + name + ">";
        String source;
        try (java.io.InputStream s = Modules.class.getResourceAsStream(name + ".py")) {
            if (s == null) {
                throw new IllegalStateException(name + ".py is missing from the python-frontend jar");
            }
            source = new String(s.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        in.keepSource(filename, source);
        return runSource(in, name, filename, org.pymemlab.frontend.parser.Parser.parseModule(source, filename));
    }

    /**
     * A module written in Python (shipped with the interpreter): compiled and run in a namespace of its own,
     * which becomes the module's dict. Its code's constants live until the interpreter exits.
     */
    static long runSource(Interp in, String name, String filename, org.pymemlab.frontend.ast.Module source) {
        Mutator m = in.m;
        Compiler compiler = new Compiler(in, filename, Scope.analyse(source.body(), in.minor));
        compiler.moduleName = name;
        in.importedCode.add(compiler);
        long mod = newModule(in, name);
        long globals = in.os.hostSlot(mod, 0);
        m.dictSet(globals, in.internStr("__builtins__"), in.builtinsDict);
        Frame f = new Frame(compiler.compileModule(source), new long[0], null, globals, 0, in.current);
        f.line = 1;
        try {
            m.decref(in.run(f));
        } catch (RuntimeException e) {
            m.decref(mod);
            throw e;
        } finally {
            for (long obj : compiler.arena) {
                m.decref(obj);
            }
            compiler.arena.clear();
        }
        return mod;
    }

    /** The builtins module: its dict is the one every module's {@code __builtins__} names. */
    private static long builtins(Interp in) {
        long mod = moduleOver(in, "builtins", in.builtinsDict);
        in.m.dictSet(in.builtinsDict, in.internStr("__name__"), in.internStr("builtins"));
        return mod;
    }

    /** A module object whose namespace is an existing dict (builtins', __main__'s globals). New reference. */
    static long moduleOver(Interp in, String name, long dict) {
        long mod = in.os.newHostObject(in.tModule);
        in.os.setHostSlot(mod, 0, dict);
        in.os.setPayload(mod, name);
        return mod;
    }

    static long newModule(Interp in, String name) {
        long mod = in.os.newHostObject(in.tModule);
        long d = in.m.newDict();
        in.os.setHostSlot(mod, 0, d);
        in.m.decref(d);
        in.os.setPayload(mod, name);
        in.m.dictSet(d, in.internStr("__name__"), in.internStr(name));
        return mod;
    }

    static void put(Interp in, long mod, String name, long value) {
        in.m.dictSet(in.os.hostSlot(mod, 0), in.internStr(name), value);
        in.m.decref(value);
    }

    static void fn(Interp in, long mod, String name, BuiltinFn fn) {
        put(in, mod, name, in.newBuiltin(name, mod, fn));
    }

    private static long sys(Interp in) {
        Mutator m = in.m;
        long mod = newModule(in, "sys");
        fn(in, mod, "getrefcount", (i, s, a, k) -> i.newInt(i.os.refcount(a[0])));
        fn(in, mod, "get_int_max_str_digits", (i, s, a, k) -> i.newInt(i.maxStrDigits));
        fn(in, mod, "set_int_max_str_digits", (i, s, a, k) -> {
            long digits = i.m.intValue(a.length > 0 ? a[0] : Builtins.kwValue(a, k, "maxdigits"));
            if (digits != 0 && digits < 640) {
                throw i.error("ValueError", "maxdigits must be 0 or larger than 640");
            }
            i.maxStrDigits = (int) Math.min(Integer.MAX_VALUE, digits);
            return i.none;
        });
        fn(in, mod, "getsizeof", (i, s, a, k) -> i.newInt(m.getsizeof(a[0])));
        fn(in, mod, "intern", (i, s, a, k) -> {
            PyClass c = i.classOf(a[0]);
            if (c.kind == K_STR && c.builtinSubclass) {
                throw i.typeError("can't intern " + c.name); // only exact str objects are interned
            }
            return m.intern(a[0]);
        });
        fn(in, mod, "getallocatedblocks", (i, s, a, k) -> i.newInt(i.os.allocatedBlocks()));
        fn(in, mod, "_debugmallocstats", (i, s, a, k) -> {
            i.out.flush();
            i.os.allocatorDebugStats().ifPresent(i.err::print);
            return i.none;
        });
        fn(in, mod, "getrecursionlimit", (i, s, a, k) -> i.newInt(i.recursionLimit));
        fn(in, mod, "_getframe", (i, s, a, k) -> i.frames.getframe(a.length == 0 ? 0 : i.indexValue(a[0],
                "'" + i.classOf(a[0]).name + "' object cannot be interpreted as an integer")));
        fn(in, mod, "setrecursionlimit", (i, s, a, k) -> {
            long limit = Methods.intArg(i, a[0]);
            if (limit < 1) {
                throw i.error("ValueError", "recursion limit must be greater or equal than 1");
            }
            i.recursionLimit = (int) Math.min(Integer.MAX_VALUE, limit);
            return i.none;
        });
        fn(in, mod, "exit", (i, s, a, k) -> {
            throw new PyRaise(i.instantiateException(i.exceptions.get("SystemExit"), a.length > 0 ? new long[] {a[0]} : new long[0]));
        });
        fn(in, mod, "is_finalizing", (i, s, a, k) -> i.falseObj);
        // the exception the innermost running except clause handles (what a bare raise re-raises)
        fn(in, mod, "exc_info", (i, s, a, k) -> {
            long exc = i.handlingTop();
            if (exc == 0) {
                return m.newTuple(i.none, i.none, i.none);
            }
            long tb = m.getAttr(exc, "__traceback__");
            return m.newTuple(i.classOf(exc).address, exc, tb == 0 ? i.none : tb);
        });
        fn(in, mod, "exception", (i, s, a, k) -> i.incref(i.handlingTop() == 0 ? i.none : i.handlingTop()));
        String[] v = in.version.split("\\.");
        long[] parts = {in.newInt(Long.parseLong(v[0])), in.newInt(Long.parseLong(v[1])), in.newInt(Long.parseLong(v[2])),
                in.newStr("final"), in.newInt(0)};
        put(in, mod, "version_info", m.newTuple(parts));
        in.release(parts);
        put(in, mod, "version", in.newStr(in.version + " (PyMem Lab)"));
        put(in, mod, "maxsize", in.newInt(Long.MAX_VALUE));
        put(in, mod, "byteorder", in.newStr("little"));
        put(in, mod, "platform", in.newStr("linux"));
        long[] args = in.argv.stream().mapToLong(in::newStr).toArray();
        put(in, mod, "argv", m.newList(args));
        in.release(args);
        long stdout = newModule(in, "sys.stdout");
        fn(in, stdout, "write", (i, s, a, k) -> {
            String t = m.strValue(a[0]);
            i.out.print(t);
            return i.newInt(t.length());
        });
        fn(in, stdout, "flush", (i, s, a, k) -> {
            i.out.flush();
            return i.none;
        });
        put(in, mod, "stdout", stdout);
        long stderr = newModule(in, "sys.stderr");
        fn(in, stderr, "write", (i, s, a, k) -> {
            String t = m.strValue(a[0]);
            i.out.flush();
            i.err.print(t);
            return i.newInt(t.length());
        });
        fn(in, stderr, "flush", (i, s, a, k) -> {
            i.err.flush();
            return i.none;
        });
        put(in, mod, "stderr", stderr);
        for (long stream : new long[] {stdout, stderr}) {
            // what programs read of a text stream (logging's StreamHandler repr, encoding checks)
            put(in, stream, "name", in.newStr(stream == stdout ? "<stdout>" : "<stderr>"));
            put(in, stream, "encoding", in.newStr("utf-8"));
            put(in, stream, "errors", in.newStr(stream == stdout ? "strict" : "backslashreplace"));
            fn(in, stream, "isatty", (i, s, a, k) -> i.incref(i.falseObj));
            fn(in, stream, "writable", (i, s, a, k) -> i.incref(i.trueObj));
        }
        m.dictSet(in.os.hostSlot(mod, 0), in.internStr("modules"), in.sysModules);
        long first = in.newStr(in.mainDirectory);
        put(in, mod, "path", m.newList(first)); // where the program's own modules are found: its directory first
        m.decref(first);
        return mod;
    }

    private static long intList(Interp in, List<Integer> xs) {
        long[] items = xs.stream().mapToLong(x -> in.newInt(x)).toArray();
        long t = in.m.newTuple(items);
        in.release(items);
        return t;
    }

    private static long objList(Interp in, List<Long> xs) {
        return in.m.newList(Interp.toArray(xs));
    }

    private static long gc(Interp in) {
        Mutator m = in.m;
        GcModule gc = m.gc();
        long mod = newModule(in, "gc");
        fn(in, mod, "collect", (i, s, a, k) -> {
            i.out.flush();
            return i.newInt(gc.collect(a.length > 0 ? (int) m.intValue(a[0]) : 2));
        });
        fn(in, mod, "enable", (i, s, a, k) -> {
            gc.enable();
            return i.none;
        });
        fn(in, mod, "disable", (i, s, a, k) -> {
            gc.disable();
            return i.none;
        });
        fn(in, mod, "isenabled", (i, s, a, k) -> i.bool(gc.isEnabled()));
        fn(in, mod, "get_threshold", (i, s, a, k) -> intList(i, gc.getThreshold()));
        fn(in, mod, "set_threshold", (i, s, a, k) -> {
            // METH_VARARGS: CPython packs the arguments into a tuple for the call
            m.decref(m.newTuple(a));
            int[] t = new int[a.length];
            for (int x = 0; x < a.length; x++) {
                t[x] = (int) m.intValue(a[x]);
            }
            gc.setThreshold(t);
            return i.none;
        });
        fn(in, mod, "get_count", (i, s, a, k) -> intList(i, gc.getCount()));
        fn(in, mod, "get_stats", (i, s, a, k) -> {
            List<GcModule.GenerationCounters> stats = gc.getStats();
            long[] ds = new long[stats.size()];
            for (int x = 0; x < ds.length; x++) {
                long d = m.newDict();
                GcModule.GenerationCounters g = stats.get(x);
                setInt(i, d, "collections", g.collections());
                setInt(i, d, "collected", g.collected());
                setInt(i, d, "uncollectable", g.uncollectable());
                ds[x] = d;
            }
            long l = m.newList(ds);
            i.release(ds);
            return l;
        });
        fn(in, mod, "freeze", (i, s, a, k) -> {
            gc.freeze();
            return i.none;
        });
        fn(in, mod, "unfreeze", (i, s, a, k) -> {
            gc.unfreeze();
            return i.none;
        });
        fn(in, mod, "get_freeze_count", (i, s, a, k) -> i.newInt(gc.getFreezeCount()));
        fn(in, mod, "is_tracked", (i, s, a, k) -> i.bool(gc.isTracked(a[0])));
        fn(in, mod, "is_finalized", (i, s, a, k) -> i.bool(gc.isFinalized(a[0])));
        fn(in, mod, "get_objects", (i, s, a, k) -> {
            long gen = Builtins.kwValue(a, k, "generation");
            if (gen == 0 && Builtins.npos(a, k) > 0) {
                gen = a[0];
            }
            return objList(i, gc.getObjects(gen == 0 || gen == i.none ? -1 : (int) m.intValue(gen)));
        });
        fn(in, mod, "get_referrers", (i, s, a, k) -> objList(i, gc.getReferrers(a)));
        fn(in, mod, "get_referents", (i, s, a, k) -> objList(i, gc.getReferents(a)));
        fn(in, mod, "set_debug", (i, s, a, k) -> {
            gc.setDebug((int) m.intValue(a[0]));
            return i.none;
        });
        fn(in, mod, "get_debug", (i, s, a, k) -> i.newInt(gc.getDebug()));
        put(in, mod, "DEBUG_STATS", in.newInt(GcModule.DEBUG_STATS));
        put(in, mod, "DEBUG_COLLECTABLE", in.newInt(GcModule.DEBUG_COLLECTABLE));
        put(in, mod, "DEBUG_UNCOLLECTABLE", in.newInt(GcModule.DEBUG_UNCOLLECTABLE));
        put(in, mod, "DEBUG_SAVEALL", in.newInt(GcModule.DEBUG_SAVEALL));
        put(in, mod, "DEBUG_LEAK", in.newInt(GcModule.DEBUG_LEAK));
        long callbacks = m.newList();
        m.dictSet(in.os.hostSlot(mod, 0), in.internStr("callbacks"), callbacks);
        in.gcCallbacks = callbacks;
        in.gcRegistration = gc.addCallback((mut, phase, info) -> {
            long n = m.len(callbacks);
            if (n == 0) {
                return;
            }
            long[] cbs = new long[(int) n];
            for (int x = 0; x < n; x++) {
                cbs[x] = in.incref(m.listGet(callbacks, x));
            }
            long d = m.newDict();
            setInt(in, d, "generation", info.generation());
            setInt(in, d, "collected", info.collected());
            setInt(in, d, "uncollectable", info.uncollectable());
            long ph = in.newStr(phase);
            try {
                for (long cb : cbs) {
                    try {
                        m.decref(in.call(cb, new long[] {in.incref(ph), in.incref(d)}, null));
                    } catch (PyRaise e) {
                        in.err.println("Exception ignored in: " + in.repr(cb));
                        in.printException(e);
                        m.decref(e.exc);
                    }
                }
            } finally {
                in.release(cbs);
                m.decref(d);
                m.decref(ph);
            }
        });
        m.decref(callbacks);
        return mod;
    }

    static long gcGarbage(Interp in) {
        return objList(in, in.m.gc().garbage());
    }

    private static void setInt(Interp in, long dict, String key, long v) {
        long x = in.newInt(v);
        in.m.dictSet(dict, in.internStr(key), x);
        in.m.decref(x);
    }

    private static long weakref(Interp in) {
        Mutator m = in.m;
        long mod = newModule(in, "weakref");
        fn(in, mod, "ref", (i, s, a, k) -> m.newWeakref(a[0], weakrefCallback(i, a)));
        fn(in, mod, "proxy", (i, s, a, k) -> i.os.newWeakProxy(a[0], i.isCallable(a[0]), weakrefCallback(i, a)));
        fn(in, mod, "getweakrefcount", (i, s, a, k) -> {
            long[] n = {0};
            i.os.forEachWeakref(a[0], wr -> n[0]++);
            return i.newInt(n[0]);
        });
        fn(in, mod, "getweakrefs", (i, s, a, k) -> {
            List<Long> refs = new ArrayList<>();
            i.os.forEachWeakref(a[0], refs::add);
            return m.newList(Interp.toArray(refs));
        });
        long ns = in.os.hostSlot(mod, 0);
        long proxyType = in.os.builtinType("weakref.ProxyType");
        long callableProxyType = in.os.builtinType("weakref.CallableProxyType");
        m.dictSet(ns, in.internStr("ReferenceType"), in.os.builtinType("weakref.ReferenceType"));
        m.dictSet(ns, in.internStr("ProxyType"), proxyType);
        m.dictSet(ns, in.internStr("CallableProxyType"), callableProxyType);
        long proxyTypes = m.newTuple(proxyType, callableProxyType);
        m.dictSet(ns, in.internStr("ProxyTypes"), proxyTypes);
        m.decref(proxyTypes);
        m.dictSet(ns, in.internStr("WeakKeyDictionary"), in.tWeakKeyDict);
        m.dictSet(in.os.hostSlot(mod, 0), in.internStr("WeakValueDictionary"), in.tWeakValueDict);
        return mod;
    }

    /**
     * The Java callback of weakref.ref(obj, callback) and weakref.proxy(obj, callback), or null without one. The
     * weakref holds its callback (wr_callback): here the interpreter holds it until the callback has run (a weakref
     * that dies before its referent keeps it until the program ends).
     */
    private static org.pymemlab.runtime.WeakrefCallback weakrefCallback(Interp i, long[] a) {
        long cb = a.length > 1 && a[1] != i.none ? a[1] : 0;
        if (cb == 0) {
            return null;
        }
        i.kept.add(i.incref(cb));
        return (mut, wr) -> {
            try {
                i.m.decref(i.call(cb, new long[] {i.incref(wr)}, null));
            } catch (PyRaise e) {
                i.err.println("Exception ignored in: " + i.repr(cb));
                i.printException(e);
                i.m.decref(e.exc);
            } finally {
                if (i.kept.remove(cb)) {
                    i.m.decref(cb);
                }
            }
        };
    }

    private static long time(Interp in) {
        Mutator m = in.m;
        long mod = newModule(in, "time");
        fn(in, mod, "perf_counter", (i, s, a, k) -> m.newFloat(System.nanoTime() / 1e9));
        fn(in, mod, "monotonic", (i, s, a, k) -> m.newFloat(System.nanoTime() / 1e9));
        fn(in, mod, "time", (i, s, a, k) -> m.newFloat(System.currentTimeMillis() / 1e3));
        fn(in, mod, "perf_counter_ns", (i, s, a, k) -> i.newInt(System.nanoTime()));
        fn(in, mod, "monotonic_ns", (i, s, a, k) -> i.newInt(System.nanoTime()));
        fn(in, mod, "time_ns", (i, s, a, k) -> i.newInt(System.currentTimeMillis() * 1_000_000L));
        // CPU time of the running thread, and of the whole process (the JVM's compiler threads included)
        fn(in, mod, "thread_time", (i, s, a, k) -> m.newFloat(THREADS.getCurrentThreadCpuTime() / 1e9));
        fn(in, mod, "thread_time_ns", (i, s, a, k) -> i.newInt(THREADS.getCurrentThreadCpuTime()));
        fn(in, mod, "process_time", (i, s, a, k) -> m.newFloat(processCpuNanos() / 1e9));
        fn(in, mod, "process_time_ns", (i, s, a, k) -> i.newInt(processCpuNanos()));
        fn(in, mod, "sleep", (i, s, a, k) -> {
            if (a.length != 1) {
                throw i.typeError("time.sleep() takes exactly one argument (" + a.length + " given)");
            }
            int kind = i.kind(a[0]);
            if (kind != Interp.K_FLOAT && kind != Interp.K_INT && kind != Interp.K_BOOL) {
                throw i.typeError("'" + i.classOf(a[0]).name + "' object cannot be interpreted as an integer");
            }
            double seconds = kind == Interp.K_FLOAT ? m.floatValue(a[0]) : m.intValue(a[0]);
            if (seconds < 0) {
                throw i.error("ValueError", "sleep length must be non-negative");
            }
            try {
                Thread.sleep(java.time.Duration.ofNanos((long) (seconds * 1e9)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return i.none;
        });
        // calendar time for _timeinfo.py (struct_time, localtime, gmtime, mktime, strftime …), from java.time
        fn(in, mod, "_fields", (i, s, a, k) -> calendarFields(i, a[0], a[1] == i.trueObj));
        fn(in, mod, "_mktime", (i, s, a, k) -> {
            java.time.LocalDateTime t = java.time.LocalDateTime.of((int) m.intValue(a[0]), 1, 1, 0, 0)
                    .plusMonths(m.intValue(a[1]) - 1).plusDays(m.intValue(a[2]) - 1).plusHours(m.intValue(a[3]))
                    .plusMinutes(m.intValue(a[4])).plusSeconds(m.intValue(a[5]));
            return m.newFloat(t.atZone(java.time.ZoneId.systemDefault()).toEpochSecond());
        });
        // the calendar half is Python (_timeinfo.py), loaded on first use: importing time stays cheap (PEP 562)
        fn(in, mod, "__getattr__", (i, s, a, k) -> {
            String attr = m.strValue(a[0]);
            if (CALENDAR.contains(attr)) {
                m.decref(bundled(i, "_timeinfo")); // sets them all on the time module
                long v = i.getattrOrZero(mod, attr);
                if (v != 0) {
                    return v;
                }
            }
            throw i.error("AttributeError", "module 'time' has no attribute '" + attr + "'");
        });
        fn(in, mod, "_zone", (i, s, a, k) -> {
            // timezone, altzone, daylight and tzname, as the C library sets them from this year's January and July
            java.time.ZoneId zone = java.time.ZoneId.systemDefault();
            int year = java.time.Year.now(zone).getValue();
            java.time.ZonedDateTime jan = java.time.ZonedDateTime.of(year, 1, 1, 0, 0, 0, 0, zone);
            java.time.ZonedDateTime jul = java.time.ZonedDateTime.of(year, 7, 1, 0, 0, 0, 0, zone);
            boolean janStandard = !zone.getRules().isDaylightSavings(jan.toInstant());
            java.time.ZonedDateTime std = janStandard ? jan : jul;
            java.time.ZonedDateTime dst = janStandard ? jul : jan;
            java.time.format.DateTimeFormatter abbr = java.time.format.DateTimeFormatter.ofPattern("zzz", java.util.Locale.US);
            long[] values = {i.newInt(-std.getOffset().getTotalSeconds()), i.newInt(-dst.getOffset().getTotalSeconds()),
                i.newInt(std.getOffset().equals(dst.getOffset()) ? 0 : 1), i.newStr(std.format(abbr)), i.newStr(dst.format(abbr))};
            try {
                return m.newTuple(values);
            } finally {
                i.release(values);
            }
        });
        return mod;
    }

    /** The names _timeinfo.py adds to time. */
    private static final java.util.Set<String> CALENDAR = java.util.Set.of("struct_time", "localtime", "gmtime",
            "mktime", "asctime", "ctime", "strftime", "timezone", "altzone", "daylight", "tzname");

    /** localtime/gmtime's fields of a time in seconds (None: now), tm_zone and tm_gmtoff included. New reference. */
    private static long calendarFields(Interp in, long secs, boolean utc) {
        Mutator m = in.m;
        double seconds = secs == in.none ? System.currentTimeMillis() / 1e3
                : in.kind(secs) == Interp.K_FLOAT ? m.floatValue(secs) : m.intValue(secs);
        if (Double.isNaN(seconds) || Double.isInfinite(seconds)) {
            throw in.error("ValueError", Double.isNaN(seconds) ? "Invalid value NaN (not a number)" : "cannot convert float infinity to integer");
        }
        java.time.Instant instant = java.time.Instant.ofEpochSecond((long) Math.floor(seconds));
        java.time.ZoneId zone = utc ? java.time.ZoneOffset.UTC : java.time.ZoneId.systemDefault();
        java.time.ZonedDateTime t = instant.atZone(zone);
        boolean dst = !utc && zone.getRules().isDaylightSavings(instant);
        String name = utc ? "GMT" : t.format(java.time.format.DateTimeFormatter.ofPattern("zzz", java.util.Locale.US));
        long[] values = {in.newInt(t.getYear()), in.newInt(t.getMonthValue()), in.newInt(t.getDayOfMonth()),
            in.newInt(t.getHour()), in.newInt(t.getMinute()), in.newInt(t.getSecond()),
            in.newInt(t.getDayOfWeek().getValue() - 1), in.newInt(t.getDayOfYear()), in.newInt(dst ? 1 : 0),
            in.newStr(name), in.newInt(t.getOffset().getTotalSeconds())};
        try {
            return m.newTuple(values);
        } finally {
            in.release(values);
        }
    }

    private static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory.getThreadMXBean();

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

}
