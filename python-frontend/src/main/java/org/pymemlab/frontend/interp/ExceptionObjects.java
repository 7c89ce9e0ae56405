package org.pymemlab.frontend.interp;

import static org.pymemlab.frontend.interp.Interp.*;

import java.util.List;
import org.pymemlab.frontend.interp.Interp.PyClass;
import org.pymemlab.runtime.ClassSpec;

/**
 * Exception objects laid out as CPython's {@code PyBaseExceptionObject} and the structs of its subclasses: a
 * {@code __dict__} pointer made on first use, then {@code args}, {@code notes}, {@code traceback},
 * {@code context}, {@code cause} and the {@code suppress_context} char, then a subclass's own fields (a group's
 * message and exceptions, StopIteration's value, SystemExit's code, AttributeError's name and obj, NameError's
 * name, ImportError's msg, name and path, OSError's errno, strerror, filename, filename2 and characters_written).
 * The runtime keeps the fields as an instance's slots, so the collector traverses and clears them; descriptors
 * in the classes' namespaces read them, and the setters here write them as BaseException's getset and member
 * descriptors do. {@code __notes__} lives in the {@code __dict__}, as in CPython.
 */
final class ExceptionObjects {

    private ExceptionObjects() {
    }

    /**
     * The built-in exception classes with fields of their own beyond BaseException's. A class belongs to the
     * family of its nearest such base (two never mix: their layouts conflict).
     */
    enum Family {
        NONE, STOP_ITERATION, SYSTEM_EXIT, ATTRIBUTE_ERROR, NAME_ERROR, IMPORT_ERROR, OS_ERROR, SYNTAX_ERROR,
        UNICODE_ERROR;

        /** The family a built-in exception class heads, or NONE. */
        static Family headedBy(String name) {
            return switch (name) {
                case "StopIteration" -> STOP_ITERATION;
                case "SystemExit" -> SYSTEM_EXIT;
                case "AttributeError" -> ATTRIBUTE_ERROR;
                case "NameError" -> NAME_ERROR;
                case "ImportError" -> IMPORT_ERROR;
                case "OSError" -> OS_ERROR;
                case "SyntaxError" -> SYNTAX_ERROR;
                case "UnicodeEncodeError", "UnicodeDecodeError", "UnicodeTranslateError" -> UNICODE_ERROR;
                default -> NONE;
            };
        }
    }

    /** PySyntaxErrorObject's fields, in its order. */
    static final List<String> SYNTAX_ERROR_FIELDS = List.of("msg", "filename", "lineno", "offset", "text", "end_lineno",
            "end_offset", "print_file_and_line");

    /** PyUnicodeErrorObject's fields, in its order. */
    static final List<String> UNICODE_ERROR_FIELDS = List.of("encoding", "object", "start", "end", "reason");

    /** Offset of the suppress_context char, after BaseException's six pointers. */
    private static final int SUPPRESS_CONTEXT = 64;
    /** Offset of OSError's Py_ssize_t written (characters_written), after its four pointers; −1 when unset. */
    private static final int OSERROR_WRITTEN = 104;

    /**
     * The struct of a built-in exception class with fields of its own (its tp_basicsize measured on CPython),
     * or null for one laid out as its base. "(notes)" is BaseException's notes pointer, which no attribute reads
     * (__notes__ lives in the __dict__).
     */
    static ClassSpec.Struct ownStruct(String name, int minor) {
        return switch (name) {
            // BaseException_traverse and _clear visit the cause before the context
            case "BaseException" -> new ClassSpec.Struct(
                    List.of("args", "(notes)", "__traceback__", "__context__", "__cause__"), 72,
                    List.of("args", "(notes)", "__traceback__", "__cause__", "__context__"));
            case "SystemExit" -> new ClassSpec.Struct(List.of("code"), 80);
            case "StopIteration" -> new ClassSpec.Struct(List.of("value"), 80);
            case "AttributeError" -> new ClassSpec.Struct(List.of("obj", "name"), 88);
            case "NameError" -> new ClassSpec.Struct(List.of("name"), 80);
            case "ImportError" -> minor >= 12
                    ? new ClassSpec.Struct(List.of("msg", "name", "path", "name_from"), 104)
                    : new ClassSpec.Struct(List.of("msg", "name", "path"), 96);
            // errno, strerror, filename, filename2, then the Py_ssize_t characters_written
            case "OSError" -> new ClassSpec.Struct(List.of("errno", "strerror", "filename", "filename2"), 112);
            case "BaseExceptionGroup" -> new ClassSpec.Struct(List.of("message", "exceptions"), 88);
            case "SyntaxError" -> new ClassSpec.Struct(SYNTAX_ERROR_FIELDS, 136);
            // PyUnicodeErrorObject: encoding, object, start, end, reason (start and end held as ints here)
            case "UnicodeEncodeError", "UnicodeDecodeError", "UnicodeTranslateError" ->
                    new ClassSpec.Struct(UNICODE_ERROR_FIELDS, 112);
            default -> null;
        };
    }

    // ---- construction ----

    /** A new instance of an exception class (OSError's written set to −1, as OSError_new does). New reference. */
    static long newInstance(Interp in, long cls) {
        long exc = in.m.newInstance(cls);
        if (in.classOfType(cls).family == Family.OS_ERROR) {
            in.os.setStructLong(exc, OSERROR_WRITTEN, -1);
        }
        return exc;
    }

    /**
     * The class OSError(errno, strerror, …) makes (errmap: the subclass for errno on Linux), or {@code c}'s own
     * for any other class or arguments. Positional args borrowed.
     */
    static long osErrorClassFor(Interp in, PyClass c, long[] args) {
        if (c != in.osError || args.length < 2 || args.length > 5 || in.kind(args[0]) != K_INT
                || !in.os.intFitsLong(args[0])) {
            return c.address;
        }
        String name = switch ((int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, in.os.intValue(args[0])))) {
            case 11, 114, 115 -> "BlockingIOError";
            case 10 -> "ChildProcessError";
            case 32, 108 -> "BrokenPipeError";
            case 103 -> "ConnectionAbortedError";
            case 111 -> "ConnectionRefusedError";
            case 104 -> "ConnectionResetError";
            case 17 -> "FileExistsError";
            case 2 -> "FileNotFoundError";
            case 21 -> "IsADirectoryError";
            case 20 -> "NotADirectoryError";
            case 4 -> "InterruptedError";
            case 1, 13 -> "PermissionError";
            case 3 -> "ProcessLookupError";
            case 110 -> "TimeoutError";
            default -> null;
        };
        return name == null ? c.address : in.exceptions.get(name);
    }

    /** BaseException.__new__/__init__'s args, then the subclass's __init__ fields. Positional args borrowed. */
    static void init(Interp in, long exc, long[] args) {
        init(in, exc, args, null);
    }

    /**
     * BaseException.__init__ or a subclass's (arguments borrowed, keyword values last): args, then the fields of
     * the subclass; keywords only where the class takes them (AttributeError's name and obj, NameError's name,
     * ImportError's name and path).
     */
    static void init(Interp in, long exc, long[] args, String[] kwnames) {
        int nkw = kwnames == null ? 0 : kwnames.length;
        checkKeywords(in, in.classOf(exc), kwnames);
        long t = in.m.newTuple(nkw == 0 ? args : java.util.Arrays.copyOf(args, args.length - nkw));
        in.m.setAttr(exc, "args", t);
        in.m.decref(t);
        initFields(in, exc, args, kwnames);
    }

    /**
     * A subclass's __init__ after BaseException.__new__ set args (arguments borrowed, keyword values last): the
     * keywords checked, then the fields.
     */
    static void initFields(Interp in, long exc, long[] args, String[] kwnames) {
        int nkw = kwnames == null ? 0 : kwnames.length;
        checkKeywords(in, in.classOf(exc), kwnames);
        initFields(in, exc, nkw == 0 ? args : java.util.Arrays.copyOf(args, args.length - nkw), in.m.getAttr(exc, "args"));
        setKeywordFields(in, exc, args, kwnames);
    }

    /** The keywords a class's __init__ takes (its owner's name for the error), or null for none. */
    private static String[] keywordFields(Interp in, PyClass c) {
        if (c.family == Family.ATTRIBUTE_ERROR) {
            return new String[] {"AttributeError", "name", "obj"};
        }
        if (c.family == Family.NAME_ERROR) {
            return new String[] {"NameError", "name"};
        }
        if (c.family == Family.IMPORT_ERROR) {
            return in.minor >= 12 ? new String[] {"ImportError", "name", "path", "name_from"}
                    : new String[] {"ImportError", "name", "path"};
        }
        return null;
    }

    /** Whether class c's built-in __init__ takes keywords (AttributeError's, NameError's, ImportError's). */
    static boolean takesKeywords(Interp in, PyClass c) {
        return keywordFields(in, c) != null;
    }

    /** The TypeError of a keyword the class's __init__ does not take. */
    static void checkKeywords(Interp in, PyClass c, String[] kwnames) {
        if (kwnames == null || kwnames.length == 0) {
            return;
        }
        String[] accepted = keywordFields(in, c);
        if (accepted == null) {
            throw in.typeError(c.name + "() takes no keyword arguments");
        }
        java.util.List<String> names = java.util.Arrays.asList(accepted).subList(1, accepted.length);
        for (String k : kwnames) {
            if (!names.contains(k)) {
                throw KeywordErrors.builtin(in, accepted[0], k, names);
            }
        }
    }

    /** The keyword fields: each given one set, the others emptied (a second __init__ resets them). */
    private static void setKeywordFields(Interp in, long exc, long[] args, String[] kwnames) {
        String[] accepted = keywordFields(in, in.classOf(exc));
        if (accepted == null) {
            return;
        }
        int nkw = kwnames == null ? 0 : kwnames.length;
        for (int f = 1; f < accepted.length; f++) {
            long value = 0;
            for (int i = 0; i < nkw; i++) {
                if (kwnames[i].equals(accepted[f])) {
                    value = args[args.length - nkw + i];
                }
            }
            if (value != 0) {
                in.m.setAttr(exc, accepted[f], value);
            } else {
                in.m.delAttr(exc, accepted[f]);
            }
        }
    }

    /**
     * oserror_parse_args and oserror_init: with 2 to 5 arguments, errno, strerror, filename (or, for a
     * BlockingIOError, a number of characters written) and filename2; a filename other than None leaves args
     * the first two.
     */
    private static void initOsError(Interp in, long exc, PyClass c, long[] args) {
        for (String f : new String[] {"errno", "strerror", "filename", "filename2"}) {
            in.m.delAttr(exc, f);
        }
        if (args.length < 2 || args.length > 5) {
            return;
        }
        in.m.setAttr(exc, "errno", args[0]);
        in.m.setAttr(exc, "strerror", args[1]);
        long filename = args.length >= 3 ? args[2] : in.none;
        if (filename == in.none) {
            return;
        }
        int fk = in.kind(filename);
        if (c.address == in.exceptions.get("BlockingIOError") && (fk == K_INT || fk == K_BOOL || fk == K_FLOAT)) {
            in.os.setStructLong(exc, OSERROR_WRITTEN, asSize(in, filename));
            return;
        }
        in.m.setAttr(exc, "filename", filename);
        if (args.length == 5) {
            in.m.setAttr(exc, "filename2", args[4]);
        }
        long two = in.m.newTuple(args[0], args[1]);
        in.m.setAttr(exc, "args", two);
        in.m.decref(two);
    }

    /** PyNumber_AsSsize_t of a number given for characters_written. */
    private static long asSize(Interp in, long v) {
        int k = in.kind(v);
        if (k != K_INT && k != K_BOOL) {
            throw in.typeError("'" + in.classOf(v).name + "' object cannot be interpreted as an integer");
        }
        if (!in.os.intFitsLong(v)) {
            throw in.error("OverflowError", "Python int too large to convert to C ssize_t");
        }
        return in.os.intValue(v);
    }

    /**
     * The str() of an exception whose class has its own __str__ in CPython (OSError's "[Errno …]" forms,
     * ImportError's msg), or null for BaseException's.
     */
    static String ownStr(Interp in, long exc, PyClass c) {
        if (c.family == Family.SYNTAX_ERROR) {
            return syntaxErrorStr(in, exc);
        }
        if (c.family == Family.UNICODE_ERROR) {
            return unicodeErrorStr(in, exc, c);
        }
        if (c.family == Family.IMPORT_ERROR) {
            long msg = in.m.getAttr(exc, "msg");
            return msg != 0 && in.classOf(msg).kind == K_STR && !in.classOf(msg).builtinSubclass ? in.m.strValue(msg) : null;
        }
        if (c.family != Family.OS_ERROR) {
            return null;
        }
        long errno = in.m.getAttr(exc, "errno");
        long strerror = in.m.getAttr(exc, "strerror");
        long filename = in.m.getAttr(exc, "filename");
        long filename2 = in.m.getAttr(exc, "filename2");
        String head = "[Errno " + in.str(errno == 0 ? in.none : errno) + "] " + in.str(strerror == 0 ? in.none : strerror);
        if (filename != 0) {
            return head + ": " + in.repr(filename) + (filename2 != 0 ? " -> " + in.repr(filename2) : "");
        }
        return errno != 0 && strerror != 0 ? head : null;
    }

    /** Sets a member field (any value, None included, as a T_OBJECT member stores it). */
    static void setMember(Interp in, long exc, String name, long value) {
        in.m.setAttr(exc, name, value);
    }

    /**
     * What StopIteration.__init__, SystemExit.__init__ and ImportError.__init__ add to BaseException's: value is
     * the first argument or None; code stays empty without arguments, is the argument, or the args tuple; msg
     * is the only argument.
     */
    static void initFields(Interp in, long exc, long[] args, long argsTuple) {
        PyClass c = in.classOf(exc);
        if (c.family == Family.OS_ERROR) {
            initOsError(in, exc, c, args);
        } else if (c.family == Family.IMPORT_ERROR) {
            if (args.length == 1) {
                in.m.setAttr(exc, "msg", args[0]);
            } else {
                in.m.delAttr(exc, "msg");
            }
        } else if (c.family == Family.SYNTAX_ERROR) {
            initSyntaxError(in, exc, args);
        } else if (c.family == Family.UNICODE_ERROR) {
            initUnicodeError(in, exc, c, args);
        } else if (c.family == Family.STOP_ITERATION) {
            in.m.setAttr(exc, "value", args.length > 0 ? args[0] : in.none);
        } else if (c.family == Family.SYSTEM_EXIT) {
            if (args.length == 1) {
                in.m.setAttr(exc, "code", args[0]);
            } else if (args.length > 1) {
                in.m.setAttr(exc, "code", argsTuple);
            } else {
                in.m.delAttr(exc, "code");
            }
        }
    }

    /** SyntaxError_init: msg, then (filename, lineno, offset, text[, end_lineno, end_offset]) when given two. */
    private static void initSyntaxError(Interp in, long exc, long[] args) {
        if (args.length >= 1) {
            in.m.setAttr(exc, "msg", args[0]);
        }
        if (args.length != 2) {
            return;
        }
        long[] info = Interp.toArray(in.toList(args[1]));
        try {
            if (info.length < 4 || info.length > 6) {
                throw in.typeError("function takes " + (info.length < 4 ? "at least 4" : "at most 6") + " arguments ("
                        + info.length + " given)");
            }
            for (int i = 0; i < 6; i++) {
                setField(in, exc, SYNTAX_ERROR_FIELDS.get(i + 1), i < info.length ? info[i] : 0);
            }
            if (info.length == 5) {
                throw in.error("ValueError", "end_offset must be provided when end_lineno is provided");
            }
        } finally {
            in.release(info);
        }
    }

    /**
     * UnicodeEncodeError_init and UnicodeDecodeError_init: (encoding, object, start, end, reason), the object a
     * str to encode or bytes to decode (UnicodeTranslateError: (object, start, end, reason)).
     */
    private static void initUnicodeError(Interp in, long exc, PyClass c, long[] args) {
        boolean translate = isUnder(in, c, "UnicodeTranslateError");
        int want = translate ? 4 : 5;
        if (args.length != want) {
            throw in.typeError("function takes exactly " + want + " arguments (" + args.length + " given)");
        }
        int at = translate ? -1 : 0;
        boolean decode = isUnder(in, c, "UnicodeDecodeError");
        if (!translate && in.kind(args[0]) != K_STR) {
            throw in.typeError("argument 1 must be str, not " + in.classOf(args[0]).name);
        }
        long object = args[at + 1];
        int objectKind = in.kind(object);
        if (decode ? objectKind != Interp.K_BYTES : objectKind != K_STR) {
            throw in.typeError("argument " + (at + 2) + " must be " + (decode ? "a bytes-like object" : "str") + ", not "
                    + in.classOf(object).name);
        }
        for (int k = 2; k <= 3; k++) {
            int kk = in.kind(args[at + k]);
            if (kk != K_INT && kk != Interp.K_BOOL) {
                throw in.typeError("'" + in.classOf(args[at + k]).name + "' object cannot be interpreted as an integer");
            }
        }
        if (in.kind(args[at + 4]) != K_STR) {
            throw in.typeError("argument " + (at + 5) + " must be str, not " + in.classOf(args[at + 4]).name);
        }
        for (int i = translate ? 1 : 0; i < 5; i++) {
            in.m.setAttr(exc, UNICODE_ERROR_FIELDS.get(i), args[at + i]);
        }
    }

    private static boolean isUnder(Interp in, PyClass c, String builtin) {
        return in.isSubclass(c, in.classOfType(in.exceptions.get(builtin)));
    }

    /**
     * UnicodeEncodeError_str and UnicodeDecodeError_str: the character or byte, or the range, that the codec
     * could not handle, and why; empty until the fields are set.
     */
    private static String unicodeErrorStr(Interp in, long exc, PyClass c) {
        long encoding = in.m.getAttr(exc, "encoding");
        long object = in.m.getAttr(exc, "object");
        long startObj = in.m.getAttr(exc, "start");
        long endObj = in.m.getAttr(exc, "end");
        long reason = in.m.getAttr(exc, "reason");
        boolean translate = isUnder(in, c, "UnicodeTranslateError");
        if (object == 0 || reason == 0 || startObj == 0 || endObj == 0 || !translate && encoding == 0) {
            return "";
        }
        long start = in.m.intValue(startObj);
        long end = in.m.intValue(endObj);
        String why = in.str(reason);
        String codec = translate ? "" : "'" + in.str(encoding) + "' codec ";
        if (isUnder(in, c, "UnicodeDecodeError")) {
            byte[] data = in.m.bytesValue(object);
            if (start >= 0 && start < data.length && end == start + 1) {
                return codec + "can't decode byte " + String.format("0x%02x", data[(int) start] & 0xff) + " in position "
                        + start + ": " + why;
            }
            return codec + "can't decode bytes in position " + start + "-" + (end - 1) + ": " + why;
        }
        int[] cps = in.m.strValue(object).codePoints().toArray();
        String verb = translate ? "can't translate" : "can't encode";
        if (start >= 0 && start < cps.length && end == start + 1) {
            StringBuilder shown = new StringBuilder();
            org.pymemlab.frontend.ast.AstDump.appendHexEscape(shown, cps[(int) start]);
            return codec + verb + " character '" + shown + "' in position " + start + ": " + why;
        }
        return codec + verb + " characters in position " + start + "-" + (end - 1) + ": " + why;
    }

    /** SyntaxError_str: the message, then the file's base name and the line where they are known. */
    private static String syntaxErrorStr(Interp in, long exc) {
        long msg = in.m.getAttr(exc, "msg");
        long filename = in.m.getAttr(exc, "filename");
        long lineno = in.m.getAttr(exc, "lineno");
        String text = in.str(msg == 0 ? in.none : msg);
        String file = filename != 0 && in.kind(filename) == K_STR ? in.m.strValue(filename) : null;
        if (file != null) {
            file = file.substring(file.lastIndexOf('/') + 1);
        }
        boolean hasLine = lineno != 0 && in.classOf(lineno) == in.classOfType(in.os.builtinType("int"));
        if (file != null && hasLine) {
            return text + " (" + file + ", line " + in.repr(lineno) + ")";
        }
        if (file != null) {
            return text + " (" + file + ")";
        }
        return hasLine ? text + " (line " + in.repr(lineno) + ")" : text;
    }

    // ---- the fields the interpreter reads and writes ----

    /** A pointer field, 0 when empty (None is stored as empty). Borrowed. */
    static long field(Interp in, long exc, String name) {
        return in.m.getAttr(exc, name);
    }

    /** Stores a pointer field; None (or 0) empties it, as BaseException's setters store NULL for None. */
    static void setField(Interp in, long exc, String name, long value) {
        if (value == 0 || value == in.none) {
            in.m.delAttr(exc, name);
        } else {
            in.m.setAttr(exc, name, value);
        }
    }

    static boolean suppressContext(Interp in, long exc) {
        return in.os.structByte(exc, SUPPRESS_CONTEXT) != 0;
    }

    static void setSuppressContext(Interp in, long exc, boolean value) {
        in.os.setStructByte(exc, SUPPRESS_CONTEXT, value ? 1 : 0);
    }

    /** PyException_SetCause: the cause (None empties it), and the context is suppressed from then on. */
    static void setCause(Interp in, long exc, long cause) {
        setField(in, exc, "__cause__", cause);
        setSuppressContext(in, exc, true);
    }

    // ---- attributes, as the descriptors of BaseException and its subclasses ----

    /**
     * Puts a built-in exception class's getset and member descriptors in its namespace {@code dict}, as
     * CPython's type objects have them ({@code BaseException.args}, {@code StopIteration.value} …).
     */
    static void installDescriptors(Interp in, PyClass c, long dict) {
        String[] getsets = c.name.equals("BaseException")
                ? new String[] {"__dict__", "args", "__traceback__", "__context__", "__cause__"} : new String[0];
        String[] members = switch (c.name) {
            case "BaseException" -> new String[] {"__suppress_context__"};
            case "SystemExit" -> new String[] {"code"};
            case "StopIteration" -> new String[] {"value"};
            case "AttributeError" -> new String[] {"name", "obj"};
            case "NameError" -> new String[] {"name"};
            case "ImportError" -> in.minor >= 12 ? new String[] {"msg", "name", "path", "name_from"}
                    : new String[] {"msg", "name", "path"};
            case "BaseExceptionGroup" -> new String[] {"message", "exceptions"};
            case "OSError" -> new String[] {"errno", "strerror", "filename", "filename2"};
            case "SyntaxError" -> SYNTAX_ERROR_FIELDS.toArray(String[]::new);
            case "UnicodeEncodeError", "UnicodeDecodeError", "UnicodeTranslateError" -> UNICODE_ERROR_FIELDS.toArray(String[]::new);
            default -> new String[0];
        };
        if (c.name.equals("OSError")) {
            getsets = new String[] {"characters_written"};
        }
        if (getsets.length + members.length > 0) {
            in.classesWithDescriptors.add(c.address);
        }
        for (String name : getsets) {
            Classes.putDescriptor(in, in.tGetSetDescriptor, c, name, dict);
        }
        for (String name : members) {
            Classes.putDescriptor(in, in.tMemberDescriptor, c, name, dict);
        }
    }

    /**
     * What a built-in exception class's descriptor {@code name} reads from an instance: its __dict__ (made on
     * first use), __suppress_context__'s bool, or the field, None when empty. New reference.
     */
    static long descriptorGet(Interp in, long exc, String name) {
        return switch (name) {
            case "__dict__" -> in.os.instanceDict(exc);
            case "__suppress_context__" -> in.incref(suppressContext(in, exc) ? in.trueObj : in.falseObj);
            case "characters_written" -> {
                long written = in.os.structLong(exc, OSERROR_WRITTEN);
                if (written == -1) {
                    throw in.error("AttributeError", "characters_written");
                }
                yield in.newInt(written);
            }
            default -> {
                long v = in.m.getAttr(exc, name);
                yield in.incref(v != 0 ? v : in.none);
            }
        };
    }

    /** Whether class c has the member field {@code name} of AttributeError, NameError or ImportError. */
    private static boolean hasMember(Interp in, PyClass c, String name) {
        return switch (name) {
            case "name" -> c.family == Family.ATTRIBUTE_ERROR || c.family == Family.NAME_ERROR
                    || c.family == Family.IMPORT_ERROR;
            case "obj" -> c.family == Family.ATTRIBUTE_ERROR;
            case "msg" -> c.family == Family.IMPORT_ERROR || c.family == Family.SYNTAX_ERROR;
            case "path" -> c.family == Family.IMPORT_ERROR;
            case "name_from" -> in.minor >= 12 && c.family == Family.IMPORT_ERROR;
            case "errno", "strerror", "filename2" -> c.family == Family.OS_ERROR;
            case "filename" -> c.family == Family.OS_ERROR || c.family == Family.SYNTAX_ERROR;
            case "lineno", "offset", "text", "end_lineno", "end_offset", "print_file_and_line" -> c.family == Family.SYNTAX_ERROR;
            case "encoding", "object", "start", "end", "reason" -> c.family == Family.UNICODE_ERROR;
            default -> false;
        };
    }

    /** Sets a descriptor attribute of an exception as CPython's setters do; false for any other name. */
    static boolean setAttr(Interp in, long exc, PyClass c, String name, long value) {
        switch (name) {
            case "args" -> {
                long t;
                if (in.classOf(value) == in.classOfType(in.os.builtinType("tuple"))) {
                    t = in.incref(value);
                } else {
                    long[] items = Interp.toArray(in.toList(value));
                    t = in.m.newTuple(items);
                    in.release(items);
                }
                in.m.setAttr(exc, "args", t);
                in.m.decref(t);
            }
            case "__traceback__" -> {
                if (value != in.none && in.kind(value) != K_TRACEBACK) {
                    throw in.typeError("__traceback__ must be a traceback or None");
                }
                setField(in, exc, name, value);
            }
            case "__context__", "__cause__" -> {
                if (value != in.none && !in.classOf(value).exception) {
                    throw in.typeError("exception " + name.substring(2, name.length() - 2)
                            + " must be None or derive from BaseException");
                }
                if (name.equals("__cause__")) {
                    setCause(in, exc, value);
                } else {
                    setField(in, exc, name, value);
                }
            }
            case "__suppress_context__" -> {
                if (in.kind(value) != K_BOOL) {
                    throw in.typeError("attribute value type must be bool");
                }
                setSuppressContext(in, exc, value == in.trueObj);
            }
            case "value", "code" -> {
                if (c.family != (name.equals("value") ? Family.STOP_ITERATION : Family.SYSTEM_EXIT)) {
                    return false;
                }
                in.m.setAttr(exc, name, value);
            }
            case "name", "obj", "msg", "path", "name_from", "errno", "strerror", "filename", "filename2" -> {
                if (!hasMember(in, c, name)) {
                    return false;
                }
                in.m.setAttr(exc, name, value);
            }
            case "characters_written" -> {
                if (c.family != Family.OS_ERROR) {
                    return false;
                }
                in.os.setStructLong(exc, OSERROR_WRITTEN, asSize(in, value));
            }
            case "__dict__" -> in.os.setStructDict(exc, in.requireDictForDunderDict(value));
            case "message", "exceptions" -> {
                if (!c.exceptionGroup) {
                    return false;
                }
                throw in.error("AttributeError", "readonly attribute");
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    /** Deletes a descriptor attribute of an exception as CPython's do (most refuse); false for any other name. */
    static boolean delAttr(Interp in, long exc, PyClass c, String name) {
        switch (name) {
            case "args", "__traceback__", "__context__", "__cause__" ->
                    throw in.typeError(name + " may not be deleted");
            case "__suppress_context__" -> throw in.typeError("can't delete numeric/char attribute");
            case "__dict__" -> throw in.typeError("cannot delete __dict__");
            case "value", "code" -> {
                if (c.family != (name.equals("value") ? Family.STOP_ITERATION : Family.SYSTEM_EXIT)) {
                    return false;
                }
                in.m.delAttr(exc, name); // a member's NULL, read back as None
                return true;
            }
            case "name", "obj", "msg", "path", "name_from", "errno", "strerror", "filename", "filename2" -> {
                if (!hasMember(in, c, name)) {
                    return false;
                }
                in.m.delAttr(exc, name);
                return true;
            }
            case "characters_written" -> {
                if (c.family != Family.OS_ERROR) {
                    return false;
                }
                if (in.os.structLong(exc, OSERROR_WRITTEN) == -1) {
                    throw in.error("AttributeError", "characters_written");
                }
                in.os.setStructLong(exc, OSERROR_WRITTEN, -1);
                return true;
            }
            case "message", "exceptions" -> {
                if (!c.exceptionGroup) {
                    return false;
                }
                throw in.error("AttributeError", "readonly attribute");
            }
            default -> {
                return false;
            }
        }
    }

    // ---- methods, found on the instances and on the classes ----

    /**
     * A method of BaseException (add_note, with_traceback) or BaseExceptionGroup (derive, split, subgroup) that
     * class {@code c} has, bound to {@code exc}, or unbound (taking the exception first) when exc is 0; 0 when
     * the class has no such method. New reference.
     */
    static long method(Interp in, long exc, PyClass c, String name) {
        PyClass owner = switch (name) {
            case "add_note", "with_traceback" -> in.classOfType(in.exceptions.get("BaseException"));
            case "derive", "split", "subgroup" -> c.exceptionGroup ? in.baseExceptionGroup : null;
            default -> null;
        };
        if (owner == null) {
            return 0;
        }
        if (exc != 0) {
            return in.newBuiltin(name, exc, (inn, self, a, kw) -> call(inn, name, self, a, kw));
        }
        return in.newBuiltin(name, 0, (inn, self, a, kw) -> {
            if (a.length == 0) {
                throw inn.typeError("unbound method " + owner.name + "." + name + "() needs an argument");
            }
            if (!inn.isSubclass(inn.classOf(a[0]), owner)) {
                throw inn.typeError("descriptor '" + name + "' for '" + owner.name + "' objects doesn't apply to a '"
                        + inn.classOf(a[0]).name + "' object");
            }
            return call(inn, name, a[0], java.util.Arrays.copyOfRange(a, 1, a.length), kw);
        });
    }

    private static long call(Interp in, String name, long self, long[] args, String[] kwnames) {
        long arg = oneArg(in, name, args, kwnames);
        return switch (name) {
            case "with_traceback" -> {
                setAttr(in, self, in.classOf(self), "__traceback__", arg);
                yield in.incref(self);
            }
            case "add_note" -> ExceptionGroups.addNote(in, self, arg);
            case "derive" -> ExceptionGroups.derive(in, self, arg);
            case "split" -> ExceptionGroups.split(in, self, arg);
            default -> ExceptionGroups.subgroup(in, self, arg);
        };
    }

    private static long oneArg(Interp in, String name, long[] args, String[] kwnames) {
        if (kwnames != null && kwnames.length > 0) {
            throw in.typeError(name + "() takes no keyword arguments");
        }
        if (args.length != 1) {
            throw in.typeError(name + "() takes exactly one argument (" + args.length + " given)");
        }
        return args[0];
    }
}
