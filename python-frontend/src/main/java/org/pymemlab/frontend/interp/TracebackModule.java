package org.pymemlab.frontend.interp;

/**
 * {@code _pymemtb}, the native half of the bundled {@code traceback} module: the text of an exception, of a
 * traceback chain and of an exception's last lines, written by the same printer as an uncaught exception's
 * traceback (so with the profile's version's caret lines), as strings.
 */
final class TracebackModule {

    private TracebackModule() {
    }

    static long create(Interp in) {
        long mod = Modules.newModule(in, "_pymemtb");
        // format_exception(exc, chain, limit)
        Modules.fn(in, mod, "format_exception", (i, s, a, k) -> i.newStr(
                i.tracebacks.formatException(a[0], i.truthy(a[1]), limit(i, a[2]))));
        // format_tb(tb, limit)
        Modules.fn(in, mod, "format_tb", (i, s, a, k) -> i.newStr(i.tracebacks.formatTraceback(a[0], limit(i, a[1]))));
        // format_exception_only(exc)
        Modules.fn(in, mod, "format_exception_only", (i, s, a, k) -> i.newStr(i.tracebacks.formatExceptionOnly(a[0])));
        // getline(filename, lineno): a line of a source the interpreter has read, with its newline, or ''
        Modules.fn(in, mod, "getline", (i, s, a, k) -> {
            String filename = i.m.strValue(a[0]);
            int lineno = (int) Math.max(0, Math.min(Integer.MAX_VALUE, i.indexValue(a[1], "line numbers are integers")));
            if (!i.sources.containsKey(filename)) {
                readSource(i, filename);
            }
            String line = i.sourceLine(filename, lineno);
            return i.newStr(line == null ? "" : line + "\n");
        });
        return mod;
    }

    /** Reads a source file the interpreter has not (relative to the working directory), as linecache does; kept. */
    private static void readSource(Interp in, String filename) {
        if (filename.isEmpty() || filename.startsWith("<")) {
            return;
        }
        try {
            java.nio.file.Path path = in.workingDirectory.resolve(filename);
            in.keepSource(filename, java.nio.file.Files.readString(path, java.nio.charset.StandardCharsets.UTF_8));
        } catch (java.io.IOException | RuntimeException unreadable) {
            // linecache answers '' for a file it cannot read
        }
    }

    private static Long limit(Interp in, long v) {
        return v == in.none ? null : in.indexValue(v, "'" + in.classOf(v).name + "' object cannot be interpreted as an integer");
    }
}
