computed = []


def __getattr__(name):
    if name.startswith("lazy_"):
        computed.append(name)
        return name.upper()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
