computed = []


def __getattr__(name):
    if name.startswith("lazy_"):
        computed.append(name)
        return name.upper()
    raise AttributeError(f"lazy_names computes lazy_* names only, not {name!r}")
