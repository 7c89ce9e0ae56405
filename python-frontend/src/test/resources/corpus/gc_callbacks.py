# gc.callbacks receive the phase and an info dict
import gc
events = []
def cb(phase, info):
    events.append((phase, info["generation"], info["collected"]))
gc.collect()
gc.callbacks.append(cb)
class A:
    pass
a = A()
a.self = a
del a
gc.collect()
gc.callbacks.remove(cb)
print(events)
