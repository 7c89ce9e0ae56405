# the time module: clocks, CPU-time clocks, sleep and its argument checks
import time
t0 = time.perf_counter(); c0 = time.thread_time(); p0 = time.process_time()
time.sleep(0.05)
print(time.perf_counter() - t0 >= 0.05, time.thread_time() - c0 < 0.04, type(time.thread_time_ns()).__name__, type(time.process_time()).__name__)
try:
    time.sleep(-1)
except ValueError as e:
    print("ValueError", e)
try:
    time.sleep("x")
except TypeError as e:
    print("TypeError", e)
print(time.monotonic_ns() > 0, time.time_ns() > 0)
