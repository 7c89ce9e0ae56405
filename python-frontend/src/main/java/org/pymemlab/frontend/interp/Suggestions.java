package org.pymemlab.frontend.interp;

import static org.pymemlab.frontend.interp.Interp.*;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The "Did you mean" a traceback adds to a NameError or an AttributeError (Python/suggestions.c): the
 * closest name among the frame's locals, its globals and the builtins, or among dir() of the object; from
 * 3.12, {@code self.name} inside a method, and "Did you forget to import" for a standard module's name
 * ({@code stdlib-modules-3.X.txt}, written by {@code tools/oracle/builtin_namespaces.py}).
 */
final class Suggestions {

    private static final Map<Integer, Set<String>> STDLIB = new HashMap<>();

    private Suggestions() {
    }

    /** The text to append to the exception line ("" for none). */
    static String hint(Interp in, long exc, Tracebacks.Entry innermost) {
        PyClass c = in.classOf(exc);
        if (c.address == in.exceptions.get("NameError")) {
            return innermost == null || innermost.nameHint() == null ? "" : innermost.nameHint();
        }
        if (c.address != in.exceptions.get("AttributeError")) {
            return "";
        }
        long name = in.getattrOrZero(exc, "name");
        long obj = in.getattrOrZero(exc, "obj");
        try {
            if (name == 0 || obj == 0 || name == in.none || in.kind(name) != K_STR) {
                return "";
            }
            String suggestion = KeywordErrors.suggestion(names(in, BuiltinNamespaces.dir(in, obj)), in.m.strValue(name));
            return suggestion == null ? "" : ". Did you mean: " + Interp.strRepr(suggestion) + "?";
        } catch (PyRaise e) {
            in.m.decref(e.exc); // dir() of the object failed: no suggestion, as CPython gives none
            return "";
        } finally {
            for (long o : new long[] {name, obj}) {
                if (o != 0) {
                    in.m.decref(o);
                }
            }
        }
    }

    /** For a NameError raised in frame f, what get_suggestions_for_name_error finds, as the hint's text; or null. */
    static String forNameError(Interp in, long exc, Frame f) {
        if (in.classOf(exc).address != in.exceptions.get("NameError")) {
            return null;
        }
        long nameObj = in.getattrOrZero(exc, "name");
        if (nameObj == 0 || in.kind(nameObj) != K_STR) {
            if (nameObj != 0) {
                in.m.decref(nameObj);
            }
            return null;
        }
        String name = in.m.strValue(nameObj);
        in.m.decref(nameObj);
        String suggestion = nameSuggestion(in, name, f);
        boolean stdlib = in.minor >= 12 && stdlibModules(in.minor).contains(name);
        if (suggestion == null && !stdlib) {
            return null;
        }
        if (!stdlib) {
            return ". Did you mean: " + Interp.strRepr(suggestion) + "?";
        }
        return suggestion == null ? ". Did you forget to import " + Interp.strRepr(name) + "?"
                : ". Did you mean: " + Interp.strRepr(suggestion) + "? Or did you forget to import "
                + Interp.strRepr(name) + "?";
    }

    private static String nameSuggestion(Interp in, String name, Frame f) {
        List<String> locals = List.of(f.code.localNames);
        if (in.minor >= 12 && locals.contains("self")) {
            long self = f.locals[locals.indexOf("self")];
            if (self != 0) {
                long attr = in.getattrOrZero(self, name);
                if (attr != 0) {
                    in.m.decref(attr);
                    return "self." + name;
                }
            }
        }
        String found = KeywordErrors.suggestion(locals, name);
        if (found == null) {
            found = KeywordErrors.suggestion(BuiltinNamespaces.keys(in, f.globals, new ArrayList<>()), name);
        }
        if (found == null) {
            found = KeywordErrors.suggestion(BuiltinNamespaces.keys(in, in.builtinsDict, new ArrayList<>()), name);
        }
        return found;
    }

    /** The str items of a list (consumed). */
    private static List<String> names(Interp in, long list) {
        try {
            List<String> out = new ArrayList<>();
            for (int i = 0; i < in.m.len(list); i++) {
                out.add(in.m.strValue(in.m.listGet(list, i)));
            }
            return out;
        } finally {
            in.m.decref(list);
        }
    }

    private static synchronized Set<String> stdlibModules(int minor) {
        return STDLIB.computeIfAbsent(minor, Suggestions::loadStdlib);
    }

    private static Set<String> loadStdlib(int minor) {
        return Set.copyOf(BuiltinNamespaces.resourceLines("stdlib-modules-3." + minor + ".txt"));
    }
}
