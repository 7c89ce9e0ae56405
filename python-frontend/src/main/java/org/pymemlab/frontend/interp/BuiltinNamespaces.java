package org.pymemlab.frontend.interp;

import static org.pymemlab.frontend.interp.Interp.*;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * {@code dir()}: the names of a namespace, sorted. The built-in types' own namespaces are CPython's, per
 * version, read from {@code namespaces-3.X.txt} (written by {@code tools/oracle/builtin_namespaces.py}): the
 * lab does not hold them as dicts. The program's classes and instances give their dicts' keys.
 */
final class BuiltinNamespaces {

    /** A built-in type's bases (its MRO after itself) and the names in its {@code __dict__}. */
    private record Namespace(List<String> bases, List<String> names) {
    }

    private static final Map<Integer, Map<String, Namespace>> BY_MINOR = new HashMap<>();

    private BuiltinNamespaces() {
    }

    private static synchronized Map<String, Namespace> of(int minor) {
        return BY_MINOR.computeIfAbsent(minor, BuiltinNamespaces::load);
    }

    private static Map<String, Namespace> load(int minor) {
        Map<String, Namespace> map = new HashMap<>();
        for (String line : resourceLines("namespaces-3." + minor + ".txt")) {
            String[] parts = line.split("\\|", -1);
            map.put(parts[0], new Namespace(parts[1].isEmpty() ? List.of() : List.of(parts[1].split(",")),
                    parts[2].isEmpty() ? List.of() : List.of(parts[2].split(" "))));
        }
        return map;
    }

    /** The lines of a data file beside this class, without blank lines and # comments. */
    static List<String> resourceLines(String resource) {
        var stream = BuiltinNamespaces.class.getResourceAsStream(resource);
        if (stream == null) {
            throw new IllegalStateException(resource + " is missing from the python-frontend jar");
        }
        List<String> lines = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    lines.add(line.strip());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return lines;
    }

    /** dir() with no argument: the sorted names of the namespace given (consumed). New reference (a list). */
    static long dirOfNamespace(Interp in, long namespace) {
        try {
            return sortedList(in, keys(in, namespace, new TreeSet<>()));
        } finally {
            in.m.decref(namespace);
        }
    }

    /**
     * dir(obj): a class's {@code __dir__} if it has one (its result sorted), a module's names, a class's names
     * and its bases' (type.__dir__, not the metaclass's), or an instance's {@code __dict__} with its class's
     * (object.__dir__). New reference (a list).
     */
    static long dir(Interp in, long obj) {
        PyClass c = in.classOf(obj);
        if (c.user) {
            for (PyClass k : c.mro) {
                long own = programs(k) ? in.m.dictGet(in.os.classDict(k.address), in.internStr("__dir__")) : 0;
                if (own != 0) {
                    long result = in.callMethod(own, obj);
                    try {
                        TreeSet<String> names = new TreeSet<>();
                        for (long item : in.toList(result)) {
                            names.add(in.str(item));
                            in.m.decref(item);
                        }
                        return sortedList(in, names);
                    } finally {
                        in.m.decref(result);
                    }
                }
            }
        }
        TreeSet<String> names = new TreeSet<>();
        if (c.kind == K_MODULE) {
            return sortedList(in, keys(in, in.os.hostSlot(obj, 0), names));
        }
        if (c.kind == K_TYPE) {
            classNames(in, in.classOfType(obj), names);
            return sortedList(in, names);
        }
        long dict = c.user ? in.getattrOrZero(obj, "__dict__") : 0;
        if (dict != 0) {
            try {
                if (in.kind(dict) == K_DICT) {
                    keys(in, dict, names);
                }
            } finally {
                in.m.decref(dict);
            }
        }
        classNames(in, c, names);
        return sortedList(in, names);
    }

    /** merge_class_dict: the names of a class and of every class it derives from. */
    private static void classNames(Interp in, PyClass c, TreeSet<String> names) {
        if (c == null) {
            return;
        }
        if (c.user && c.mro != null) {
            for (PyClass k : c.mro) {
                if (programs(k)) {
                    keys(in, in.os.classDict(k.address), names);
                } else {
                    builtinNames(in, k.name, names);
                }
            }
            return;
        }
        builtinNames(in, c.name, names);
    }

    /** A class the program made (the built-in exception classes are heap classes here, but CPython's are not). */
    private static boolean programs(PyClass k) {
        return k.user && !"builtins".equals(k.module);
    }

    private static void builtinNames(Interp in, String typeName, TreeSet<String> names) {
        Map<String, Namespace> table = of(in.minor);
        String name = typeName.startsWith("weakref.") ? typeName.substring("weakref.".length()) : typeName;
        Namespace ns = table.get(name);
        if (ns == null) {
            ns = table.get("object");
        }
        names.addAll(ns.names());
        for (String base : ns.bases()) {
            Namespace b = table.get(base);
            if (b != null) {
                names.addAll(b.names());
            }
        }
    }

    /** Adds the dict's str keys to {@code into}, which it returns. */
    static <C extends java.util.Collection<String>> C keys(Interp in, long dict, C into) {
        for (long k : in.m.dictKeys(dict)) {
            if (in.kind(k) == K_STR) {
                into.add(in.m.strValue(k));
            }
        }
        return into;
    }

    private static long sortedList(Interp in, TreeSet<String> names) {
        List<Long> items = new ArrayList<>(names.size());
        for (String n : names) {
            items.add(in.newStr(n));
        }
        long[] array = Interp.toArray(items);
        try {
            return in.m.newList(array);
        } finally {
            in.release(array);
        }
    }
}
