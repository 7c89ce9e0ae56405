# immortality per profile: 3.12+ reports the immortal refcount
import sys
v = sys.version_info
big = sys.getrefcount(None) > 1000000
print(big, sys.getrefcount(True) > 1000000)
if v >= (3, 12):
    print(sys.getrefcount(None), sys.getrefcount(5), sys.getrefcount(()))
x = 12345678
print(sys.getrefcount(x))
