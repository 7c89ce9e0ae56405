"""3.13's FrameLocalsProxy (PEP 667): a function frame's f_locals as a live mapping over its locals. It reads
and writes the locals where they are and holds none of them (only the frame). Names that are not locals of the
code cannot be added here (CPython keeps them in a dict of the frame's)."""
import _pymemframe

_MISSING = object()
_repr_running = set()


class FrameLocalsProxy:
    __slots__ = ("_frame",)

    def __init__(self, frame):
        self._frame = frame

    def __getitem__(self, key):
        value = _pymemframe.get(self._frame, key, _MISSING) if isinstance(key, str) else _MISSING
        if value is _MISSING:
            raise KeyError(f"local variable '{key!r}' is not defined")
        return value

    def __setitem__(self, key, value):
        if not isinstance(key, str) or not _pymemframe.set(self._frame, key, value):
            raise KeyError(f"cannot add variable {key!r} to FrameLocalsProxy here")

    def __delitem__(self, key):
        raise TypeError("cannot remove variables from FrameLocalsProxy")

    def __contains__(self, key):
        return isinstance(key, str) and _pymemframe.get(self._frame, key, _MISSING) is not _MISSING

    def __iter__(self):
        return iter(_pymemframe.names(self._frame))

    def __len__(self):
        return len(_pymemframe.names(self._frame))

    def keys(self):
        return _pymemframe.names(self._frame)

    def values(self):
        return [self[k] for k in _pymemframe.names(self._frame)]

    def items(self):
        return [(k, self[k]) for k in _pymemframe.names(self._frame)]

    def get(self, key, default=None):
        value = _pymemframe.get(self._frame, key, _MISSING) if isinstance(key, str) else _MISSING
        return default if value is _MISSING else value

    def copy(self):
        return dict(self.items())

    def __eq__(self, other):
        if isinstance(other, FrameLocalsProxy):
            return self.copy() == other.copy()
        if isinstance(other, dict):
            return self.copy() == other
        return NotImplemented

    __hash__ = None

    def __or__(self, other):
        return self.copy() | dict(other)

    def __repr__(self):
        # Py_ReprEnter: a proxy among its own frame's locals shows as {...}
        if id(self) in _repr_running:
            return "{...}"
        _repr_running.add(id(self))
        try:
            return repr(self.copy())
        finally:
            _repr_running.discard(id(self))

    def update(self, other=(), **kwargs):
        for k, v in dict(other, **kwargs).items():
            self[k] = v

    def setdefault(self, key, default=None):
        if key not in self:
            self[key] = default
        return self[key]

    def pop(self, key, *default):
        raise TypeError("cannot remove variables from FrameLocalsProxy")


FrameLocalsProxy.__module__ = "builtins"
