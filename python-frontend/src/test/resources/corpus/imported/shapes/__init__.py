print("shapes runs:", __name__, __package__, [p.split("/")[-1] for p in __path__])
from .circle import Circle
from . import square
