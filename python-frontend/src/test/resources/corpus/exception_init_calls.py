# BaseException.__init__ and the built-in subclasses' __init__ called through the class or super(), and
# the subclass an OSError subclass stays.
e = ValueError(1)
BaseException.__init__(e, 5, 6)
print(e.args)
Exception.__init__(e, 7)
print(e.args)
s = StopIteration(1)
StopIteration.__init__(s, 9)
print(s.value, s.args)
class E(Exception):
    def __init__(self, a, b):
        super().__init__(a)
        self.b = b
x = E(1, 2)
print(x.args, x.b, x.__dict__, repr(x), str(x))
class N(NameError):
    def __init__(self):
        super().__init__('msg', name='nm')
print(N().name, N().args)
class O(OSError):
    pass
print(type(O(2, 'x')).__name__, O(2, 'x', 'f').filename)
try:
    raise KeyError('k') from None
except KeyError as k:
    print(k.__cause__, k.__suppress_context__, k.__context__)
try: BaseException.__init__()
except TypeError as e: print(e)
try: ValueError.__init__(3)
except TypeError as e: print(e)
