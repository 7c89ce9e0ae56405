package org.pymemlab.frontend.interp;

import static org.pymemlab.frontend.interp.Interp.*;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.pymemlab.frontend.interp.Interp.PyClass;
import org.pymemlab.runtime.Mutator;

/**
 * PEP 654 and PEP 678 as CPython 3.11+ has them: {@code BaseExceptionGroup}/{@code ExceptionGroup} (construction,
 * {@code message}, {@code exceptions}, {@code derive}, {@code split}, {@code subgroup}), {@code add_note}, and what
 * the interpreter needs for {@code except*}: the match of one clause and the group re-raised at the end. A group keeps
 * its message and exceptions tuple in its struct's fields ({@link ExceptionObjects}).
 */
final class ExceptionGroups {

    private ExceptionGroups() {
    }

    // ---- construction ----

    /** Whether an object is an exception group (its class derives from BaseExceptionGroup). */
    static boolean isGroup(Interp in, long exc) {
        return in.classOf(exc).exceptionGroup;
    }

    /** BaseExceptionGroup.__new__(cls, message, exceptions), positional args borrowed. New reference. */
    static long newGroup(Interp in, long cls, long[] args) {
        Mutator m = in.m;
        if (args.length != 2) {
            throw in.typeError("BaseExceptionGroup.__new__() takes exactly 2 arguments (" + args.length + " given)");
        }
        long message = args[0];
        if (in.kind(message) != K_STR) {
            throw in.typeError("BaseExceptionGroup.__new__() argument 1 must be str, not " + in.classOf(message).name);
        }
        if (!isSequence(in, args[1])) {
            throw in.typeError("second argument (exceptions) must be a sequence");
        }
        List<Long> items = in.toList(args[1]);
        long excs = m.newTuple(Interp.toArray(items));
        in.release(Interp.toArray(items));
        try {
            long n = m.len(excs);
            if (n == 0) {
                throw in.error("ValueError", "second argument (exceptions) must be a non-empty sequence");
            }
            boolean nestsBaseExceptions = false;
            PyClass exception = in.classOfType(in.exceptions.get("Exception"));
            for (int i = 0; i < n; i++) {
                PyClass ic = in.classOf(m.tupleGet(excs, i));
                if (!ic.exception || ic.kind != K_INSTANCE) {
                    throw in.error("ValueError", "Item " + i + " of second argument (exceptions) is not an exception");
                }
                nestsBaseExceptions |= !in.isSubclass(ic, exception);
            }
            PyClass c = in.classOfType(cls);
            if (c == in.exceptionGroup) {
                if (nestsBaseExceptions) {
                    throw in.typeError("Cannot nest BaseExceptions in an ExceptionGroup");
                }
            } else if (c == in.baseExceptionGroup) {
                if (!nestsBaseExceptions) {
                    cls = in.exceptionGroup.address;
                }
            } else if (nestsBaseExceptions && in.isSubclass(c, exception)) {
                throw in.typeError("Cannot nest BaseExceptions in '" + c.name + "'");
            }
            long inst = in.instantiateException(cls, args);
            m.setAttr(inst, "message", message);
            m.setAttr(inst, "exceptions", excs);
            return inst;
        } finally {
            m.decref(excs);
        }
    }

    /** PySequence_Check: the built-in sequences, or an instance whose class has __getitem__ (not a mapping). */
    private static boolean isSequence(Interp in, long v) {
        PyClass c = in.classOf(v);
        return switch (c.kind) {
            case K_LIST, K_TUPLE, K_STR, K_BYTES, K_RANGE -> true;
            case K_INSTANCE -> in.lookup(c, in.internStr("__getitem__")) != 0;
            default -> false;
        };
    }

    /** A group's exceptions tuple, borrowed; 0 when the field is empty (a group a __new__ of the program's made). */
    static long members(Interp in, long group) {
        long excs = in.m.getAttr(group, "exceptions");
        return excs != 0 && in.kind(excs) == K_TUPLE ? excs : 0;
    }

    static int memberCount(Interp in, long group) {
        long excs = members(in, group);
        return excs == 0 ? 0 : (int) in.m.len(excs);
    }

    /** A group's message, borrowed, or 0 when the field is empty. */
    private static long message(Interp in, long group) {
        long message = in.m.getAttr(group, "message");
        return message != 0 && in.kind(message) == K_STR ? message : 0;
    }

    /** str() of a group: "message (N sub-exceptions)". */
    static String str(Interp in, long group) {
        long message = message(in, group);
        int n = memberCount(in, group);
        return (message == 0 ? "" : in.m.strValue(message)) + " (" + n + " sub-exception" + (n > 1 ? "s" : "") + ")";
    }

    // ---- methods ----

    /** BaseException.add_note(note): appends to __notes__, made a list on first use. */
    static long addNote(Interp in, long exc, long note) {
        Mutator m = in.m;
        if (in.kind(note) != K_STR) {
            throw in.typeError("note must be a str, not '" + in.classOf(note).name + "'");
        }
        long notes = m.getAttr(exc, "__notes__");
        if (notes == 0) {
            notes = m.newList();
            m.setAttr(exc, "__notes__", notes);
            m.decref(notes);
        } else if (in.kind(notes) != K_LIST) {
            throw in.typeError("Cannot add note: __notes__ is not a list");
        }
        m.listAppend(notes, note);
        return in.incref(in.none);
    }

    /** derive(excs): a BaseExceptionGroup with this group's message (its class decided by the exceptions). */
    static long derive(Interp in, long group, long excs) {
        long message = message(in, group);
        return newGroup(in, in.baseExceptionGroup.address, new long[] {message != 0 ? message : in.none, excs});
    }

    // ---- split and subgroup ----

    /** What split() matches leaves against: exception classes, a predicate, or (for except*) leaf identities. */
    private record Matcher(long types, long predicate, Set<Long> leaves) {
        boolean matches(Interp in, long exc) {
            if (leaves != null) {
                return !isGroup(in, exc) && leaves.contains(exc);
            }
            if (types != 0) {
                return in.exceptionMatches(exc, types);
            }
            long r = in.call(predicate, new long[] {in.incref(exc)}, null);
            try {
                return in.truthy(r);
            } finally {
                in.m.decref(r);
            }
        }
    }

    private static Matcher matcher(Interp in, long condition) {
        int k = in.kind(condition);
        if (k != K_TYPE && in.isCallable(condition)) {
            return new Matcher(0, condition, null);
        }
        if (isExceptionClass(in, condition)) {
            return new Matcher(condition, 0, null);
        }
        if (k == K_TUPLE) {
            boolean all = true;
            for (int i = 0; i < in.m.len(condition); i++) {
                all &= isExceptionClass(in, in.m.tupleGet(condition, i));
            }
            if (all) {
                return new Matcher(condition, 0, null);
            }
        }
        throw in.typeError(in.minor >= 13
                ? "expected an exception type, a tuple of exception types, or a callable (other than a class)"
                : "expected a function, exception type or tuple of exception types");
    }

    private static boolean isExceptionClass(Interp in, long v) {
        if (in.kind(v) != K_TYPE) {
            return false;
        }
        PyClass c = in.classOfType(v);
        return c != null && c.exception;
    }

    static long split(Interp in, long group, long condition) {
        long[] parts = splitRecursive(in, group, matcher(in, condition), true);
        long match = parts[0] != 0 ? parts[0] : in.incref(in.none);
        long rest = parts[1] != 0 ? parts[1] : in.incref(in.none);
        long t = in.m.newTuple(match, rest);
        in.m.decref(match);
        in.m.decref(rest);
        return t;
    }

    static long subgroup(Interp in, long group, long condition) {
        long match = splitRecursive(in, group, matcher(in, condition), false)[0];
        return match != 0 ? match : in.incref(in.none);
    }

    /** {match, rest}, each a new reference or 0: the whole exception when it matches, else its parts' subsets. */
    private static long[] splitRecursive(Interp in, long exc, Matcher matcher, boolean withRest) {
        if (matcher.matches(in, exc)) {
            return new long[] {in.incref(exc), 0};
        }
        if (!isGroup(in, exc)) {
            return new long[] {0, withRest ? in.incref(exc) : 0};
        }
        Mutator m = in.m;
        long excs = members(in, exc);
        List<Long> matched = new ArrayList<>();
        List<Long> rest = new ArrayList<>();
        try {
            int n = memberCount(in, exc);
            for (int i = 0; i < n; i++) {
                long[] part = splitRecursive(in, m.tupleGet(excs, i), matcher, withRest);
                if (part[0] != 0) {
                    matched.add(part[0]);
                }
                if (part[1] != 0) {
                    rest.add(part[1]);
                }
            }
            long match = subset(in, exc, matched);
            long restGroup;
            try {
                restGroup = withRest ? subset(in, exc, rest) : 0;
            } catch (RuntimeException e) {
                if (match != 0) {
                    m.decref(match);
                }
                throw e;
            }
            return new long[] {match, restGroup};
        } finally {
            in.release(Interp.toArray(matched));
            in.release(Interp.toArray(rest));
        }
    }

    /** orig.derive(excs) carrying orig's traceback, cause, context and a copy of its notes; 0 for no excs. */
    private static long subset(Interp in, long orig, List<Long> excs) {
        if (excs.isEmpty()) {
            return 0;
        }
        Mutator m = in.m;
        long list = m.newList(Interp.toArray(excs));
        long derived;
        try {
            long derive = in.getattr(orig, "derive");
            try {
                derived = in.call(derive, new long[] {in.incref(list)}, null);
            } finally {
                m.decref(derive);
            }
        } finally {
            m.decref(list);
        }
        if (!isGroup(in, derived)) {
            m.decref(derived);
            throw in.typeError("derive must return an instance of BaseExceptionGroup");
        }
        long tb = m.getAttr(orig, "__traceback__");
        if (tb != 0) {
            m.setAttr(derived, "__traceback__", tb);
        }
        ExceptionObjects.setField(in, derived, "__context__", m.getAttr(orig, "__context__"));
        // setting the cause (PyException_SetCause) always suppresses the context
        ExceptionObjects.setCause(in, derived, m.getAttr(orig, "__cause__"));
        long notes = m.getAttr(orig, "__notes__");
        if (notes != 0 && isSequence(in, notes)) {
            List<Long> items = in.toList(notes);
            long copy = m.newList(Interp.toArray(items));
            in.release(Interp.toArray(items));
            m.setAttr(derived, "__notes__", copy);
            m.decref(copy);
        }
        return derived;
    }

    // ---- except* ----

    /**
     * One except* clause's match against what is left of the exception being handled (CHECK_EG_MATCH):
     * {match, rest}, new references or 0; exc is 0 once everything is matched (the clause's classes are still
     * checked). A naked exception that matches is wrapped in ExceptionGroup("", (exc,)), which has no traceback.
     */
    static long[] exceptStarMatch(Interp in, long exc, long type) {
        checkExceptStarType(in, type);
        if (exc == 0) {
            return new long[] {0, 0};
        }
        if (in.exceptionMatches(exc, type)) {
            if (isGroup(in, exc)) {
                return new long[] {in.incref(exc), 0};
            }
            long empty = in.newStr("");
            long one = in.m.newTuple(exc);
            try {
                return new long[] {newGroup(in, in.baseExceptionGroup.address, new long[] {empty, one}), 0};
            } finally {
                in.m.decref(empty);
                in.m.decref(one);
            }
        }
        if (isGroup(in, exc)) {
            return splitRecursive(in, exc, new Matcher(type, 0, null), true);
        }
        return new long[] {0, in.incref(exc)};
    }

    private static void checkExceptStarType(Interp in, long type) {
        int k = in.kind(type);
        if (k == K_TUPLE) {
            for (int i = 0; i < in.m.len(type); i++) {
                checkExceptStarType(in, in.m.tupleGet(type, i));
            }
            return;
        }
        if (!isExceptionClass(in, type)) {
            throw in.typeError("catching classes that do not inherit from BaseException is not allowed");
        }
        if (in.classOfType(type).exceptionGroup) {
            throw in.typeError("catching ExceptionGroup with except* is not allowed. Use except instead.");
        }
    }

    /**
     * What a try/except* raises at its end (_PyExc_PrepReraiseStar): the exceptions raised in its clauses
     * as siblings of the re-raised (and unhandled) part of orig, which keeps orig's nesting. raised is
     * borrowed. New reference, or 0 for nothing to raise.
     */
    static long reraiseStar(Interp in, long orig, List<Long> raised) {
        if (raised.isEmpty()) {
            return 0;
        }
        if (!isGroup(in, orig)) {
            return in.incref(raised.get(0));
        }
        List<Long> fresh = new ArrayList<>();
        Set<Long> reraisedLeaves = new HashSet<>();
        for (long e : raised) {
            if (sameMetadata(in, e, orig)) {
                collectLeaves(in, e, reraisedLeaves);
            } else {
                fresh.add(e);
            }
        }
        long kept = reraisedLeaves.isEmpty() ? 0
                : splitRecursive(in, orig, new Matcher(0, 0, reraisedLeaves), false)[0];
        if (fresh.isEmpty()) {
            return kept;
        }
        if (kept != 0) {
            fresh.add(kept);
        }
        try {
            if (fresh.size() == 1) {
                return in.incref(fresh.get(0));
            }
            long list = in.m.newList(Interp.toArray(fresh));
            long empty = in.newStr("");
            try {
                return newGroup(in, in.baseExceptionGroup.address, new long[] {empty, list});
            } finally {
                in.m.decref(list);
                in.m.decref(empty);
            }
        } finally {
            if (kept != 0) {
                in.m.decref(kept);
            }
        }
    }

    /** Whether e is (a part of) orig re-raised: same notes, traceback, cause and context objects. */
    private static boolean sameMetadata(Interp in, long e, long orig) {
        for (String attr : new String[] {"__notes__", "__traceback__", "__cause__", "__context__"}) {
            long a = in.m.getAttr(e, attr);
            long b = in.m.getAttr(orig, attr);
            if ((a == 0 ? in.none : a) != (b == 0 ? in.none : b)) {
                return false;
            }
        }
        return true;
    }

    private static void collectLeaves(Interp in, long exc, Set<Long> leaves) {
        if (!isGroup(in, exc)) {
            leaves.add(exc);
            return;
        }
        long excs = members(in, exc);
        for (int i = 0; i < memberCount(in, exc); i++) {
            collectLeaves(in, in.m.tupleGet(excs, i), leaves);
        }
    }
}
