# instances with __eq__/__hash__ as dict keys and set members
class V:
    def __init__(self, a):
        self.a = a
    def __eq__(self, o):
        return isinstance(o, V) and self.a == o.a
    def __hash__(self):
        return hash(self.a)
print({V(1): "x"}.get(V(1)), V(2) in {V(2)}, len({V(3), V(3)}))
