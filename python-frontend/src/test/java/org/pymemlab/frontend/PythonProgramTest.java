package org.pymemlab.frontend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pymemlab.runtime.LeakReport;
import org.pymemlab.runtime.PyRuntime;
import org.pymemlab.runtime.config.ConfigLayers;

/** The entry point: output, exit status, tracebacks, syntax errors, and no leaked references. */
class PythonProgramTest {

    record Run(int status, String out, String err, LeakReport leaks) {
    }

    static Run run(String profile, String source, String filename) {
        var config = ConfigLayers.builder(PythonProgramTest.class.getClassLoader())
                .set("pymem.profile", profile).build().config();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try (PyRuntime rt = PyRuntime.create(config);
             PrintStream o = new PrintStream(out, false, StandardCharsets.UTF_8);
             PrintStream e = new PrintStream(err, false, StandardCharsets.UTF_8)) {
            int status = PythonProgram.run(rt.mutator(), source, filename, List.of(filename), o, e);
            o.flush();
            e.flush();
            return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8), rt.leaks());
        }
    }

    /** As {@code python3 -c} prints it (CPython 3.11.7 and 3.13.0): 3.11's traceback.c shows no source for <string>. */
    @Test
    void commandLineProgramShowsSourceOnlyOn313() {
        String program = "x = 1\ny = x / 0\n";
        assertEquals("""
                Traceback (most recent call last):
                  File "<string>", line 2, in <module>
                ZeroDivisionError: division by zero
                """, run("cpython-3.11", program, "<string>").err());
        assertEquals("""
                Traceback (most recent call last):
                  File "<string>", line 2, in <module>
                    y = x / 0
                        ~~^~~
                ZeroDivisionError: division by zero
                """, run("cpython-3.13", program, "<string>").err());
    }

    @Test
    void uncaughtExceptionPrintsTracebackAndExitsOne() {
        Run r = run("cpython-3.12", """
                def f(n):
                    if n == 0:
                        raise ValueError("bad %d" % n)
                    return f(n - 1)
                print("start")
                f(1)
                """, "t.py");
        assertEquals(1, r.status());
        assertEquals("start\n", r.out());
        assertEquals("""
                Traceback (most recent call last):
                  File "t.py", line 6, in <module>
                    f(1)
                  File "t.py", line 4, in f
                    return f(n - 1)
                           ^^^^^^^^
                  File "t.py", line 3, in f
                    raise ValueError("bad %d" % n)
                ValueError: bad 0
                """, r.err());
    }

    @Test
    void nameErrorMessageIsCpythons() {
        Run r = run("cpython-3.13", "print(x)\n", "n.py");
        assertEquals(1, r.status());
        assertTrue(r.err().endsWith("NameError: name 'x' is not defined\n"), r.err());
    }

    @Test
    void systemExitGivesItsCode() {
        assertEquals(3, run("cpython-3.13", "import sys\nprint('x')\nsys.exit(3)\n", "e.py").status());
        assertEquals(0, run("cpython-3.13", "raise SystemExit\n", "e.py").status());
    }

    @Test
    void syntaxErrorNamesFileLineAndColumn() {
        Run r = run("cpython-3.13", "x = (1,\nprint(x)\n", "s.py");
        assertEquals(1, r.status());
        assertEquals("""
                  File "s.py", line 1
                    x = (1,
                        ^
                SyntaxError: '(' was never closed
                """, r.err());
    }

    @Test
    void deepRecursionIsRecursionErrorNotAJavaStackOverflow() {
        Run r = run("cpython-3.13", """
                def down(n):
                    return down(n + 1)
                try:
                    down(0)
                except RecursionError as e:
                    print("caught", e)
                def count(n):
                    return 0 if n == 0 else 1 + count(n - 1)
                print(count(900))
                """, "r.py");
        assertEquals(0, r.status(), r.err());
        assertEquals("caught maximum recursion depth exceeded\n900\n", r.out());
    }

    @Test
    void referencesAreBalancedAfterARun() {
        Run r = run("cpython-3.13", """
                import gc
                class Node:
                    def __init__(self, v):
                        self.v = v
                        self.next = None
                def ring(n):
                    first = Node(0)
                    cur = first
                    for i in range(1, n):
                        cur.next = Node(i)
                        cur = cur.next
                    cur.next = first
                    return first
                rings = [ring(10) for _ in range(5)]
                del rings
                print(gc.collect())
                d = {str(i): [i, (i,), {i}] for i in range(50)}
                s = sum(len(v) for v in d.values())
                print(s)
                """, "b.py");
        assertEquals("50\n150\n", r.out(), r.err());
        assertEquals(0, r.leaks().objects(), r.leaks().toString());
    }

    /**
     * re: compiled patterns (and their cache), matches, scanners, sub/split/findall results, templates and re.error
     * are ordinary heap objects, every one freed by the end.
     */
    @Test
    void reLeavesNoObjectsBehind() {
        for (String profile : List.of("cpython-3.11", "cpython-3.13")) {
            Run r = run(profile, """
                    import re
                    p = re.compile(r'(?P<k>\\w+)=(\\d+)?', re.I)
                    m = p.search('  ab=12 cd=')
                    out = [m.group(0, 1, 'k'), m.groups(), m.groupdict(), m.span(2), m.regs, m.lastgroup, repr(m), repr(p), dict(p.groupindex)]
                    out.append([x.groups('-') for x in p.finditer('a=1 b= c=33')])
                    out.append(p.findall('a=1 b= c=33') + re.findall(r'\\d', '1a2') + re.findall('(a)(b)', 'abab'))
                    out.append(p.sub(r'\\2:\\g<k>', 'a=1 b=') + re.sub('a', lambda m: m.group().upper(), 'banana'))
                    out.append(re.split(r'(,)|;', 'a,b;c') + re.split(b'x', b'axb'))
                    out.append(re.subn(r'(?m)^', '> ', 'a\\nb') + (re.escape('a.b'), re.I | re.M, ~re.I))
                    s = re.compile('a*').scanner('aab')
                    out.append([s.match(), s.search(), s.search()])
                    for bad in ['(a', '[z-a]', '\\q']:
                        try:
                            re.compile(bad)
                        except re.error as e:
                            out.append((e.msg, e.pos, str(e)))
                    try:
                        re.sub('(a)', r'\\g<x>', 'a')
                    except IndexError as e:
                        out.append(str(e))
                    re.purge()
                    print(len(out), 'done')
                    """, "r.py");
            assertEquals("19 done\n", r.out(), r.err());
            assertEquals(0, r.leaks().objects(), profile + ": " + r.leaks());
        }
    }

    /** except* splits, wraps, re-raises and builds groups: every object it made is freed by the end. */
    @Test
    void exceptStarLeavesNoObjectsBehind() {
        Run r = run("cpython-3.11", """
                def work(n):
                    try:
                        raise ExceptionGroup("g", [ValueError(n), TypeError(n), ExceptionGroup("in", [OSError(n)])])
                    except* ValueError as v:
                        v.add_note("seen")
                    except* OSError:
                        raise KeyError(n)
                for n in range(50):
                    try:
                        work(n)
                    except* (TypeError, KeyError) as rest:
                        parts = rest.split(KeyError)
                    try:
                        raise ValueError(n)
                    except* ValueError:
                        pass
                print("done")
                """, "prog.py");
        assertEquals("done\n", r.out(), r.err());
        assertEquals(0, r.leaks().objects(), r.leaks().toString());
    }

    /** A group's message and exceptions are fields of its struct: entries of its __dict__ so named change nothing. */
    @Test
    void groupFieldsAreNotItsDict() {
        Run r = run("cpython-3.13", """
                eg = ExceptionGroup("m", [ValueError()])
                eg.__dict__["exceptions"] = 5
                eg.__dict__["message"] = 7
                print(eg.message, eg.exceptions, eg.__dict__)
                raise eg
                """, "prog.py");
        assertEquals(1, r.status());
        assertEquals("m (ValueError(),) {'exceptions': 5, 'message': 7}\n", r.out());
        assertTrue(r.err().contains("| ExceptionGroup: m (1 sub-exception)\n"), r.err());
    }
}
