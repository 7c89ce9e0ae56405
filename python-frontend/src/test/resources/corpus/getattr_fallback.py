# __getattr__ fallback and str.format with keywords
class A:
    def __getattr__(self, n):
        if n == "z": return 42
        raise AttributeError(n)
a = A()
print(a.z, hasattr(a, "q"), "{x}-{0}".format(1, x=2))
