package org.pymemlab.frontend.interp;

import static org.pymemlab.frontend.interp.Interp.K_LIST;
import static org.pymemlab.frontend.interp.Interp.K_STR;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.pymemlab.runtime.Mutator;

/**
 * The program's own modules: importlib's path finder for {@code .py} files and regular packages (a directory
 * with an {@code __init__.py}), searched along {@code sys.path} (the script's directory first, as CPython
 * puts it) and along a package's {@code __path__} for its submodules. A module is in the interpreter's
 * modules before its code runs, so circular imports see the part that has run, and leaves them again if its
 * code raises. Relative imports resolve against {@code __package__} as {@code importlib._bootstrap} does.
 */
final class FileImports {

    private FileImports() {
    }

    /**
     * Finds and runs the module {@code name} (dotted for a package's submodule), registering it. New reference,
     * or 0 when no file on the path is that module.
     */
    static long load(Interp in, String name) {
        int dot = name.lastIndexOf('.');
        List<Path> searched;
        long parent = 0;
        if (dot < 0) {
            searched = sysPath(in);
        } else {
            String parentName = name.substring(0, dot);
            parent = Modules.importModule(in, parentName);
            searched = packagePath(in, parent);
            if (searched == null) {
                in.m.decref(parent);
                throw notFound(in, name, "No module named '" + name + "'; '" + parentName + "' is not a package");
            }
        }
        try {
            String last = name.substring(dot + 1);
            for (Path dir : searched) {
                Path init = dir.resolve(last).resolve("__init__.py");
                if (Files.isRegularFile(init)) {
                    return run(in, name, init, dir.resolve(last), parent, last);
                }
                Path file = dir.resolve(last + ".py");
                if (Files.isRegularFile(file)) {
                    return run(in, name, file, null, parent, last);
                }
            }
            return 0;
        } finally {
            if (parent != 0) {
                in.m.decref(parent);
            }
        }
    }

    /** ModuleNotFoundError with its name attribute, as the import system raises it. */
    static PyRaise notFound(Interp in, String name, String message) {
        PyRaise e = in.error("ModuleNotFoundError", message);
        ExceptionObjects.setMember(in, e.exc, "name", in.internStr(name));
        return e;
    }

    /** Runs a module's file in a new module (a package when packageDir is not null). New reference. */
    private static long run(Interp in, String name, Path file, Path packageDir, long parent, String last) {
        Mutator m = in.m;
        String filename = file.toAbsolutePath().normalize().toString();
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw in.error("OSError", "could not read " + filename + ": " + e.getMessage());
        }
        long mod = Modules.newModule(in, name);
        long globals = in.os.hostSlot(mod, 0);
        put(in, globals, "__file__", in.newStr(filename));
        String pkg = packageDir != null ? name : name.contains(".") ? name.substring(0, name.lastIndexOf('.')) : "";
        put(in, globals, "__package__", in.newStr(pkg));
        if (packageDir != null) {
            long dir = in.newStr(packageDir.toAbsolutePath().normalize().toString());
            put(in, globals, "__path__", m.newList(dir));
            m.decref(dir);
        }
        in.keepSource(filename, text);
        in.registerModule(name, mod); // in sys.modules before the code runs (circular imports)
        try {
            Exec.runFile(in, text, filename, globals);
        } catch (RuntimeException e) {
            in.unregisterModule(name);
            m.decref(mod);
            throw e;
        }
        if (parent != 0) {
            in.setattr(parent, last, in.internStr(last), mod); // the package gets its submodule as an attribute
        }
        return mod;
    }

    private static void put(Interp in, long dict, String key, long value) {
        in.m.dictSet(dict, in.internStr(key), value);
        in.m.decref(value);
    }

    /** The directories of sys.path's str entries ('' is the current directory). */
    private static List<Path> sysPath(Interp in) {
        long sys = Modules.importModule(in, "sys");
        try {
            long path = in.getattrOrZero(sys, "path");
            try {
                return directories(in, path);
            } finally {
                if (path != 0) {
                    in.m.decref(path);
                }
            }
        } finally {
            in.m.decref(sys);
        }
    }

    /** A package's __path__ directories, or null when the module is not a package. */
    private static List<Path> packagePath(Interp in, long module) {
        long path = in.getattrOrZero(module, "__path__");
        if (path == 0) {
            return null;
        }
        try {
            return directories(in, path);
        } finally {
            in.m.decref(path);
        }
    }

    private static List<Path> directories(Interp in, long list) {
        List<Path> dirs = new ArrayList<>();
        if (list == 0 || in.kind(list) != K_LIST) {
            return dirs;
        }
        for (int i = 0; i < in.m.len(list); i++) {
            long entry = in.m.listGet(list, i);
            if (in.kind(entry) == K_STR) {
                try {
                    dirs.add(in.workingDirectory.resolve(in.m.strValue(entry))); // '' is the directory itself
                } catch (java.nio.file.InvalidPathException e) {
                    // an entry no file can be under: skipped, as importlib skips what it cannot search
                }
            }
        }
        return dirs;
    }

    /**
     * IMPORT_FROM: the module's attribute, else its submodule of that name (a package's), else CPython's
     * ImportError naming the module's file. New reference.
     */
    static long importFrom(Interp in, long module, String moduleName, String name) {
        long v = in.getattrOrZero(module, name);
        if (v != 0) {
            return v;
        }
        if (packagePath(in, module) != null) {
            String full = moduleName + "." + name;
            try {
                return Modules.importModule(in, full);
            } catch (PyRaise e) {
                if (!in.exceptionMatches(e.exc, in.exceptions.get("ModuleNotFoundError"))) {
                    throw e;
                }
                in.m.decref(e.exc);
            }
        }
        long file = in.m.dictGet(in.os.hostSlot(module, 0), in.internStr("__file__"));
        String where = file != 0 && in.kind(file) == K_STR ? in.m.strValue(file) : "unknown location";
        PyRaise e = in.error("ImportError", "cannot import name '" + name + "' from '" + moduleName + "' (" + where + ")");
        long nameStr = in.newStr(moduleName);
        ExceptionObjects.setMember(in, e.exc, "name", nameStr); // the exception takes its own reference
        in.m.decref(nameStr);
        throw e;
    }

    /**
     * {@code from m import *}: the names {@code __all__} lists, or every name of the module's dict that does not
     * start with an underscore, stored into the namespace.
     */
    static void importStar(Interp in, long module, long namespace) {
        Mutator m = in.m;
        long all = in.getattrOrZero(module, "__all__");
        List<Long> names = new ArrayList<>();
        if (all != 0) {
            try {
                names.addAll(in.toList(all));
            } finally {
                m.decref(all);
            }
        } else {
            for (long key : m.dictKeys(in.os.hostSlot(module, 0))) {
                if (in.kind(key) == K_STR && !m.strValue(key).startsWith("_")) {
                    names.add(in.incref(key));
                }
            }
        }
        try {
            for (long key : names) {
                if (in.kind(key) != K_STR) {
                    throw in.typeError("Item in " + m.strValue(in.m.dictGet(in.os.hostSlot(module, 0),
                            in.internStr("__name__"))) + ".__all__ must be str, not " + in.classOf(key).name);
                }
                long value = in.getattrOrZero(module, m.strValue(key));
                if (value == 0) {
                    throw in.error("AttributeError", "module '" + in.os.payload(module) + "' has no attribute '"
                            + m.strValue(key) + "'");
                }
                m.dictSet(namespace, key, value);
                m.decref(value);
            }
        } finally {
            in.release(Interp.toArray(names));
        }
    }

    /**
     * The absolute name of {@code from <dots><module> import ...} in a module with these globals
     * ({@code importlib._bootstrap._resolve_name} from {@code __package__}, or from {@code __name__}).
     */
    static String resolve(Interp in, long globals, String module, int level) {
        Mutator m = in.m;
        long pkg = m.dictGet(globals, in.internStr("__package__"));
        String packageName;
        if (pkg != 0 && in.kind(pkg) == K_STR) {
            packageName = m.strValue(pkg);
        } else {
            long nameObj = m.dictGet(globals, in.internStr("__name__"));
            String name = nameObj != 0 && in.kind(nameObj) == K_STR ? m.strValue(nameObj) : "";
            boolean isPackage = m.dictGet(globals, in.internStr("__path__")) != 0;
            packageName = isPackage || !name.contains(".") ? (isPackage ? name : "") : name.substring(0, name.lastIndexOf('.'));
            if (name.equals("__main__")) {
                packageName = "";
            }
        }
        if (packageName.isEmpty()) {
            throw in.error("ImportError", "attempted relative import with no known parent package");
        }
        String base = packageName;
        for (int i = 1; i < level; i++) {
            int dot = base.lastIndexOf('.');
            if (dot < 0) {
                throw in.error("ImportError", "attempted relative import beyond top-level package");
            }
            base = base.substring(0, dot);
        }
        return module == null || module.isEmpty() ? base : base + "." + module;
    }
}
