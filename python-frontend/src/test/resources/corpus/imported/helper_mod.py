print("helper_mod runs:", __name__, repr(__package__))
X = 42

def f():
    return "from helper_mod"

class K:
    pass
