# The descriptors of the built-in exception classes are objects in their __dict__, as CPython's getset and
# member descriptors are.
print(BaseException.args, BaseException.__traceback__, BaseException.__context__, BaseException.__cause__)
print(BaseException.__suppress_context__, BaseException.__dict__['__dict__'], StopIteration.value)
print(SystemExit.code, AttributeError.name, AttributeError.obj, NameError.name, ImportError.msg, ImportError.path)
print(BaseExceptionGroup.message, BaseExceptionGroup.exceptions, ExceptionGroup.message)
print(type(BaseException.args).__name__, type(StopIteration.value).__name__)
print('args' in BaseException.__dict__, 'args' in Exception.__dict__, 'value' in StopIteration.__dict__)
print(ValueError.args is BaseException.args, KeyError.__cause__ is BaseException.__cause__)


class Mine(StopIteration):
    __slots__ = ('extra',)


print(Mine.extra, Mine.value)
m = Mine(3)
print(m.value, m.args, m.__suppress_context__, m.__dict__)
try:
    m.extra
except AttributeError as e:
    print(e)
