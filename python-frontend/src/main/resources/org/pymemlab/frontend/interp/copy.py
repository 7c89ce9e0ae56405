"""copy for PyMem Lab: shallow and deep copies, made as CPython's copy module makes them.

The same dispatch (immutable objects are their own copy, list/dict/set copy themselves, a class's __copy__
and __deepcopy__ come first), the same memo (which keeps every copied original alive until the deepcopy
returns) and the same reconstruction of an instance from object.__reduce_ex__(4)'s parts: a bare instance
from cls.__new__(cls), whose __dict__ is updated from the original's and whose slots are set, the slot names
cached on the class as __slotnames__, as copyreg does.
"""
import sys
import types
import weakref


class Error(Exception):
    pass


error = Error


def _copy_immutable(x):
    return x


_IMMUTABLE = (type(None), int, float, bool, str, tuple, bytes, frozenset, type, range, slice, property,
              types.BuiltinFunctionType, type(Ellipsis), type(NotImplemented), types.FunctionType, weakref.ref)

_copy_dispatch = {t: _copy_immutable for t in _IMMUTABLE}
_copy_dispatch[list] = list.copy
_copy_dispatch[dict] = dict.copy
_copy_dispatch[set] = set.copy


def copy(x):
    """A shallow copy of x."""
    cls = type(x)
    copier = _copy_dispatch.get(cls)
    if copier:
        return copier(x)
    if issubclass(cls, type):
        return _copy_immutable(x)
    copier = getattr(cls, "__copy__", None)
    if copier is not None:
        return copier(x)
    return _reconstruct(x, None, *_reduce(x))


def _deepcopy_atomic(x, memo):
    return x


def _deepcopy_list(x, memo, deepcopy=None):
    y = []
    memo[id(x)] = y
    append = y.append
    for a in x:
        append(_deep(a, memo))
    return y


def _deepcopy_tuple(x, memo, deepcopy=None):
    y = [_deep(a, memo) for a in x]
    # a tuple that refers to itself was copied while its items were
    try:
        return memo[id(x)]
    except KeyError:
        pass
    for k, j in zip(x, y):
        if k is not j:
            return tuple(y)
    return x


def _deepcopy_dict(x, memo, deepcopy=None):
    y = {}
    memo[id(x)] = y
    for key, value in x.items():
        y[_deep(key, memo)] = _deep(value, memo)
    return y


def _deepcopy_method(x, memo):
    return type(x)(x.__func__, _deep(x.__self__, memo))


_deepcopy_dispatch = {t: _deepcopy_atomic for t in _IMMUTABLE if t not in (tuple, frozenset, slice)}
_deepcopy_dispatch[list] = _deepcopy_list
_deepcopy_dispatch[tuple] = _deepcopy_tuple
_deepcopy_dispatch[dict] = _deepcopy_dict
_deepcopy_dispatch[types.MethodType] = _deepcopy_method


def deepcopy(x, memo=None, _nil=[]):
    """A deep copy of x; memo maps the ids of originals already copied to their copies."""
    if memo is None:
        memo = {}
    d = id(x)
    y = memo.get(d, _nil)
    if y is not _nil:
        return y
    cls = type(x)
    copier = _deepcopy_dispatch.get(cls)
    if copier is not None:
        y = copier(x, memo)
    elif issubclass(cls, type):
        y = _deepcopy_atomic(x, memo)
    else:
        copier = getattr(x, "__deepcopy__", None)
        if copier is not None:
            y = copier(memo)
        else:
            y = _reconstruct(x, memo, *_reduce(x))
    # an object that is its own copy is not remembered
    if y is not x:
        memo[d] = y
        _keep_alive(x, memo)
    return y


_deep = deepcopy


def _keep_alive(x, memo):
    """Keeps x alive until the deepcopy ends: the memo holds it, in a list under the memo's own id."""
    try:
        memo[id(memo)].append(x)
    except KeyError:
        memo[id(memo)] = [x]


def _slotnames(cls):
    """copyreg._slotnames: every slot name of the class and its bases (private ones mangled), cached on the class."""
    names = cls.__dict__.get("__slotnames__")
    if names is not None:
        return names
    names = []
    if hasattr(cls, "__slots__"):
        for c in cls.__mro__:
            own = c.__dict__ if c.__module__ != "builtins" else {}  # the built-ins declare no __slots__
            if "__slots__" in own:
                slots = own["__slots__"]
                if isinstance(slots, str):
                    slots = (slots,)
                for name in slots:
                    if name in ("__dict__", "__weakref__"):
                        continue
                    elif name.startswith("__") and not name.endswith("__"):
                        stripped = c.__name__.lstrip("_")
                        names.append("_%s%s" % (stripped, name) if stripped else name)
                    else:
                        names.append(name)
    try:
        cls.__slotnames__ = names
    except Exception:
        pass
    return names


def _newobj(cls, *args):
    """copyreg.__newobj__: a bare instance, made by the class's __new__."""
    return cls.__new__(cls, *args)


def _instance_state(x):
    """object.__getstate__: the instance's __dict__ (None when empty), with its slots' values beside it."""
    d = getattr(x, "__dict__", None)
    state = d if d else None
    slots = {}
    for name in _slotnames(type(x)):
        try:
            slots[name] = getattr(x, name)
        except AttributeError:
            pass
    return (state, slots) if slots else state


_VALUE_BASES = (int, float, str, bytes, tuple)


def _reduce(x):
    """What x.__reduce_ex__(4) gives: how to make a new object like x, and the state to put into it."""
    cls = type(x)
    if isinstance(x, (set, frozenset)):
        d = getattr(x, "__dict__", None)
        return cls, (list(x),), d if d else None
    if cls is slice:
        return slice, (x.start, x.stop, x.step)
    if cls is types.MethodType:
        return getattr, (x.__self__, x.__func__.__name__)
    if cls.__module__ == "builtins":
        raise TypeError("cannot pickle '%s' object" % cls.__name__)
    args = (cls,)
    for base in _VALUE_BASES:
        if isinstance(x, base):
            args = (cls, base(x))  # __getnewargs__: the built-in value
            break
    listitems = iter(x) if isinstance(x, list) else None
    dictitems = iter(x.items()) if isinstance(x, dict) else None
    return _newobj, args, _instance_state(x), listitems, dictitems


def _reconstruct(x, memo, func, args, state=None, listiter=None, dictiter=None):
    deep = memo is not None
    if deep and args:
        args = deepcopy(args, memo)
    y = func(*args)
    if deep:
        memo[id(x)] = y
    if state is not None:
        if deep:
            state = deepcopy(state, memo)
        if hasattr(y, "__setstate__"):
            y.__setstate__(state)
        else:
            if isinstance(state, tuple) and len(state) == 2:
                state, slotstate = state
            else:
                slotstate = None
            if state is not None:
                y.__dict__.update(state)
            if slotstate is not None:
                for key, value in slotstate.items():
                    setattr(y, key, value)
    if listiter is not None:
        if deep:
            for item in listiter:
                y.append(deepcopy(item, memo))
        else:
            for item in listiter:
                y.append(item)
    if dictiter is not None:
        if deep:
            for key, value in dictiter:
                y[deepcopy(key, memo)] = deepcopy(value, memo)
        else:
            for key, value in dictiter:
                y[key] = value
    return y


if sys.version_info >= (3, 13):
    def replace(obj, /, **changes):
        """A new object of obj's type with the fields changed, made by its __replace__."""
        cls = obj.__class__
        func = getattr(cls, "__replace__", None)
        if func is None:
            raise TypeError(f"replace() does not support {cls.__name__} objects")
        return func(obj, **changes)

del sys
