# Interned strings: 3.11 and 3.13 keep sys.intern's strings mortal (the intern table's references are not
# counted, and a string leaves the table when its last user drops it); 3.12 makes every interned string
# immortal; 3.12 and 3.13 make every identifier of the program immortal. Constants are shared by the module's
# code objects, each of which counts its own reference.
import sys

def rc(x):
    return sys.getrefcount(x) - 1   # without this function's argument

# sys.intern of a string made at run time: the caller's references only
s = sys.intern("runtime " + str(1) + "x")
print("interned runtime str", rc(s))
t = s
print("one more name", rc(s))
del t

# a string that dies leaves the table: an equal string interned later becomes the canonical one
a = sys.intern("made " + str(2))
del a
b = "made " + str(2)
print("new string canonical after the old one died", sys.intern(b) is b)

# the canonical one stays while it lives
c = "kept " + str(3)
d = sys.intern(c)
e = "kept " + str(3)
print("equal string finds the live one", sys.intern(e) is c, d is c)
del d, e

# identifier-like constants are interned by the code object; one reference per code object using them
value = "some_identifier_constant"
def f():
    return "some_identifier_constant"
def g():
    return "some_identifier_constant"
print("constant in three code objects", rc(value))
x = 2.5
def h():
    return 2.5
print("float constant in two code objects", rc(x))
# functions that load the same constants in the same order share one co_consts tuple (the compiler merges them)
same = 12345.5
def p1():
    return 12345.5
def p2():
    return 12345.5
print("two functions, one tuple", rc(same))
other = 54321.5
def q1():
    return 54321.5
def q2():
    y = 7.25
    return 54321.5
print("two functions, two tuples", rc(other))
spaced = "not an identifier"
print("non-identifier constant", rc(spaced))

# a str that spells an identifier of the program: immortal from 3.12 on (3.11's count depends on its parser)
def k(parameter_name_here):
    local_name_here = parameter_name_here
    return local_name_here
if sys.version_info >= (3, 12):
    print("spells a parameter", rc("parameter_name_here") > 1_000_000)
    print("spells a local", rc("local_name_here") > 1_000_000)
else:
    print("spells a parameter", True)
    print("spells a local", True)

# a dict key that goes into an instance's shared keys is held once, by the keys
class O:
    pass
o = O()
o.first = 1
key = "second_" + str(4)
before = rc(key)
o.__dict__[key] = 1
print("key added to a split dict", rc(key) - before)
del o
print("after the instance is gone, the class's keys keep it", rc(key) - before)
