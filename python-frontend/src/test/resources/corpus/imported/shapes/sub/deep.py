from ..square import SIDES
from .. import circle
VALUE = (SIDES, circle.Circle.__name__)
