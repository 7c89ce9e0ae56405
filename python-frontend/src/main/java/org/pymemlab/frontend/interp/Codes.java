package org.pymemlab.frontend.interp;

/**
 * Code objects as Python sees them: {@code compile()}'s (whose payload is the parsed source) and a function's or
 * module's, made once per compiled {@link Code} when a frame's {@code f_code} is first read and kept for the
 * interpreter's life, as the enclosing code's constants keep CPython's. They answer the descriptive
 * {@code co_*} attributes; there is no bytecode behind them.
 */
final class Codes {

    private Codes() {
    }

    /** The code object of compiled code, made on first use. Borrowed (the interpreter keeps it). */
    static long of(Interp in, Code code) {
        if (code.codeObject == 0) {
            long co = in.os.newHostObject(in.tCode);
            in.os.setPayload(co, code);
            code.codeObject = co;
            in.kept.add(co);
        }
        return code.codeObject;
    }

    /** A code object's co_* attribute, or 0 when it has none of that name. New reference. */
    static long attribute(Interp in, long co, String name) {
        Object payload = in.os.payload(co);
        if (payload instanceof Exec.Source s) {
            return switch (name) {
                case "co_name", "co_qualname" -> in.newStr("<module>");
                case "co_filename" -> in.newStr(s.filename());
                case "co_firstlineno" -> in.newInt(1);
                case "co_argcount", "co_posonlyargcount", "co_kwonlyargcount", "co_nlocals" -> in.newInt(0);
                case "co_varnames", "co_cellvars", "co_freevars" -> in.m.newTuple(new long[0]);
                default -> 0;
            };
        }
        Code c = (Code) payload;
        return switch (name) {
            case "co_name" -> in.newStr(c.name);
            case "co_qualname" -> in.newStr(c.qualname);
            case "co_filename" -> in.newStr(c.filename);
            case "co_firstlineno" -> in.newInt(c.firstLine);
            case "co_argcount" -> in.newInt(c.posCount);
            case "co_posonlyargcount" -> in.newInt(c.posOnlyCount);
            case "co_kwonlyargcount" -> in.newInt(c.kwOnlyCount);
            case "co_nlocals" -> in.newInt(c.localNames.length);
            case "co_varnames" -> {
                long[] names = new long[c.localNames.length];
                for (int i = 0; i < names.length; i++) {
                    names[i] = in.internStr(c.localNames[i]);
                }
                yield in.m.newTuple(names);
            }
            default -> 0;
        };
    }

    /** repr(code), as CPython's code_repr writes it. */
    static String repr(Interp in, long co) {
        Object payload = in.os.payload(co);
        String name = payload instanceof Code c ? c.name : "<module>";
        String file = payload instanceof Code c ? c.filename : ((Exec.Source) payload).filename();
        int line = payload instanceof Code c ? c.firstLine : 1;
        return "<code object " + name + " at " + Interp.hexAddress(co) + ", file \"" + file + "\", line " + line + ">";
    }
}
