"""Extract, format and print stack traces and exceptions. The text of an exception and of a traceback is
the interpreter's own, the one an uncaught exception prints (with the profile's version's caret lines);
stack entries (extract_stack, format_list) are written here, without caret lines."""
import sys
import linecache
import _pymemtb

__all__ = ["extract_stack", "extract_tb", "format_exception", "format_exception_only", "format_list",
           "format_stack", "format_tb", "print_exc", "format_exc", "print_exception", "print_last",
           "print_stack", "print_tb", "print_list", "clear_frames", "FrameSummary", "StackSummary",
           "TracebackException", "walk_stack", "walk_tb"]

_sentinel = object()
_RECURSIVE_CUTOFF = 3


_CHAIN_MESSAGES = ("The above exception was the direct cause of the following exception:\n",
                   "During handling of the above exception, another exception occurred:\n")


def _chunks(text):
    """The printer's text cut as traceback.py returns it: one string per frame entry (its File line and the
    source and caret lines under it), one per chaining message with its blank lines, one per other line."""
    out = []
    for line in text.splitlines(keepends=True):
        if out and line.startswith("    ") and out[-1].startswith("  File "):
            out[-1] += line
        elif line == "\n" and len(out) >= 2 and out[-1] in _CHAIN_MESSAGES and out[-2] == "\n":
            out[-2:] = ["\n" + out[-1] + "\n"]
        else:
            out.append(line)
    return out


def _value_of(exc, value, tb):
    if (value is _sentinel) != (tb is _sentinel):
        raise ValueError("Both or neither of value and tb must be given")
    if value is _sentinel:
        if exc is not None and not isinstance(exc, BaseException):
            raise TypeError(f"Exception expected for value, {type(exc).__name__} found")
        return exc, exc.__traceback__ if exc is not None else None
    return value, tb


def _format(value, tb, limit, chain):
    if value is None:
        return ["NoneType: None\n"]
    saved = value.__traceback__
    if tb is not saved:
        value.__traceback__ = tb
    try:
        return _chunks(_pymemtb.format_exception(value, chain, limit))
    finally:
        if tb is not saved:
            value.__traceback__ = saved


def format_exception(exc, /, value=_sentinel, tb=_sentinel, limit=None, chain=True):
    value, tb = _value_of(exc, value, tb)
    return _format(value, tb, limit, chain)


def print_exception(exc, /, value=_sentinel, tb=_sentinel, limit=None, file=None, chain=True):
    value, tb = _value_of(exc, value, tb)
    if file is None:
        file = sys.stderr
    for line in _format(value, tb, limit, chain):
        print(line, file=file, end="")


def format_exception_only(exc, /, value=_sentinel):
    if value is _sentinel:
        value = exc
    if value is None:
        return ["NoneType: None\n"]
    return _chunks(_pymemtb.format_exception_only(value))


def format_exc(limit=None, chain=True):
    return "".join(format_exception(sys.exception(), limit=limit, chain=chain))


def print_exc(limit=None, file=None, chain=True):
    print_exception(sys.exception(), limit=limit, file=file, chain=chain)


def print_last(limit=None, file=None, chain=True):
    last = getattr(sys, "last_exc", None) or getattr(sys, "last_value", None)
    if last is None:
        raise ValueError("no last exception")
    print_exception(last, limit=limit, file=file, chain=chain)


def format_tb(tb, limit=None):
    return _chunks(_pymemtb.format_tb(tb, limit)) if tb is not None else []


def print_tb(tb, limit=None, file=None):
    if file is None:
        file = sys.stderr
    for line in format_tb(tb, limit):
        print(line, file=file, end="")


def walk_tb(tb):
    while tb is not None:
        yield tb.tb_frame, tb.tb_lineno
        tb = tb.tb_next


def walk_stack(f):
    if f is None:
        f = sys._getframe(2)
    while f is not None:
        yield f, f.f_lineno
        f = f.f_back


def extract_tb(tb, limit=None):
    return StackSummary.extract(walk_tb(tb), limit=limit)


def extract_stack(f=None, limit=None):
    if f is None:
        f = sys._getframe(1)
    stack = StackSummary.extract(walk_stack(f), limit=limit)
    stack.reverse()
    return stack


def format_stack(f=None, limit=None):
    if f is None:
        f = sys._getframe(1)
    return format_list(extract_stack(f, limit=limit))


def print_stack(f=None, limit=None, file=None):
    if f is None:
        f = sys._getframe(1)
    print_list(extract_stack(f, limit=limit), file=file)


def format_list(extracted_list):
    return StackSummary.from_list(extracted_list).format()


def print_list(extracted_list, file=None):
    if file is None:
        file = sys.stderr
    for item in StackSummary.from_list(extracted_list).format():
        print(item, file=file, end="")


def clear_frames(tb):
    while tb is not None:
        try:
            tb.tb_frame.clear()
        except RuntimeError:
            pass
        tb = tb.tb_next


class FrameSummary:
    """One entry of a stack: where (file, line, function) and the source line, without the frame."""

    __slots__ = ("filename", "lineno", "end_lineno", "colno", "end_colno", "name", "_line", "locals")

    def __init__(self, filename, lineno, name, *, lookup_line=True, locals=None, line=None,
                 end_lineno=None, colno=None, end_colno=None):
        self.filename = filename
        self.lineno = lineno
        self.end_lineno = lineno if end_lineno is None else end_lineno
        self.colno = colno
        self.end_colno = end_colno
        self.name = name
        self._line = line
        if lookup_line:
            self.line
        self.locals = {k: repr(v) for k, v in locals.items()} if locals else None

    def __eq__(self, other):
        if isinstance(other, FrameSummary):
            return (self.filename == other.filename and self.lineno == other.lineno and
                    self.name == other.name and self.locals == other.locals)
        if isinstance(other, tuple):
            return (self.filename, self.lineno, self.name, self.line) == other
        return NotImplemented

    def __getitem__(self, pos):
        return (self.filename, self.lineno, self.name, self.line)[pos]

    def __iter__(self):
        return iter([self.filename, self.lineno, self.name, self.line])

    def __repr__(self):
        return "<FrameSummary file {filename}, line {lineno} in {name}>".format(
            filename=self.filename, lineno=self.lineno, name=self.name)

    def __len__(self):
        return 4

    @property
    def line(self):
        if self._line is None:
            if self.lineno is None:
                return None
            self._line = linecache.getline(self.filename, self.lineno)
        return self._line.strip()


class StackSummary(list):
    """A list of FrameSummary objects, outermost first, that formats itself."""

    @classmethod
    def extract(klass, frame_gen, *, limit=None, lookup_lines=True, capture_locals=False):
        entries = []
        for f, lineno in frame_gen:
            if limit is not None and limit >= 0 and len(entries) >= limit:
                break
            entries.append(FrameSummary(f.f_code.co_filename, lineno, f.f_code.co_name, lookup_line=lookup_lines,
                                        locals=f.f_locals if capture_locals else None))
        if limit is not None and limit < 0:
            entries = entries[limit:]
        return klass(entries)

    @classmethod
    def from_list(klass, a_list):
        result = klass()
        for frame in a_list:
            if isinstance(frame, FrameSummary):
                result.append(frame)
            else:
                filename, lineno, name, line = frame
                result.append(FrameSummary(filename, lineno, name, line=line))
        return result

    def format_frame_summary(self, frame_summary):
        row = ['  File "{}", line {}, in {}\n'.format(frame_summary.filename, frame_summary.lineno,
                                                       frame_summary.name)]
        if frame_summary.line:
            row.append("    {}\n".format(frame_summary.line))
        if frame_summary.locals:
            for name, value in sorted(frame_summary.locals.items()):
                row.append("    {name} = {value}\n".format(name=name, value=value))
        return "".join(row)

    def format(self):
        result = []
        last_file = last_line = last_name = None
        count = 0
        for frame_summary in self:
            same = (last_file == frame_summary.filename and last_line == frame_summary.lineno and
                    last_name == frame_summary.name)
            if not same:
                if count > _RECURSIVE_CUTOFF:
                    count -= _RECURSIVE_CUTOFF
                    result.append(f"  [Previous line repeated {count} more time{'s' if count > 1 else ''}]\n")
                last_file, last_line, last_name = frame_summary.filename, frame_summary.lineno, frame_summary.name
                count = 0
            count += 1
            if count > _RECURSIVE_CUTOFF:
                continue
            result.append(self.format_frame_summary(frame_summary))
        if count > _RECURSIVE_CUTOFF:
            count -= _RECURSIVE_CUTOFF
            result.append(f"  [Previous line repeated {count} more time{'s' if count > 1 else ''}]\n")
        return result


class TracebackException:
    """An exception ready to be formatted later, holding neither the exception nor its frames: its text is
    written when it is made, its stack kept as FrameSummary entries."""

    def __init__(self, exc_type, exc_value, exc_traceback, *, limit=None, lookup_lines=True,
                 capture_locals=False, compact=False, max_group_width=15, max_group_depth=10, _seen=None):
        if _seen is None:
            _seen = set()
        _seen.add(id(exc_value))
        self.exc_type = exc_type
        self.stack = StackSummary.extract(walk_tb(exc_traceback), limit=limit, lookup_lines=lookup_lines,
                                          capture_locals=capture_locals)
        self._str = "None" if exc_value is None else str(exc_value)
        self.__notes__ = getattr(exc_value, "__notes__", None)
        self.__suppress_context__ = exc_value.__suppress_context__ if exc_value is not None else False
        self.__cause__ = self.__context__ = None
        if exc_value is not None:
            cause, context = exc_value.__cause__, exc_value.__context__
            if cause is not None and id(cause) not in _seen:
                self.__cause__ = TracebackException(type(cause), cause, cause.__traceback__, limit=limit,
                                                    lookup_lines=lookup_lines, capture_locals=capture_locals,
                                                    _seen=_seen)
            if context is not None and id(context) not in _seen:
                self.__context__ = TracebackException(type(context), context, context.__traceback__, limit=limit,
                                                      lookup_lines=lookup_lines, capture_locals=capture_locals,
                                                      _seen=_seen)
        self._chained = _format(exc_value, exc_traceback, limit, True)
        self._alone = _format(exc_value, exc_traceback, limit, False)
        self._only = format_exception_only(exc_value)

    @classmethod
    def from_exception(cls, exc, *args, **kwargs):
        return cls(type(exc), exc, exc.__traceback__, *args, **kwargs)

    def __eq__(self, other):
        if isinstance(other, TracebackException):
            return self.__dict__ == other.__dict__
        return NotImplemented

    def __str__(self):
        return self._str

    def format_exception_only(self, *, show_group=False):
        yield from self._only

    def format(self, *, chain=True):
        yield from self._chained if chain else self._alone

    def print(self, *, file=None, chain=True):
        if file is None:
            file = sys.stderr
        for line in self.format(chain=chain):
            print(line, file=file, end="")
