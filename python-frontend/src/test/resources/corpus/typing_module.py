# typing: the annotation names evaluate and print as CPython's (generic aliases, Optional/Union folding,
# forward references), TypeVar, Generic, cast; with a dataclass annotated through them.
from typing import List, Dict, Optional, Union, Iterable, Callable, Tuple, Any, TypeVar, Generic, cast
from dataclasses import dataclass, field
T = TypeVar('T')
print(List[int], Dict[str, int], Optional[str], Union[int, str], Union[int, None], Iterable[int], Tuple[int, ...], Tuple[()], Any, T)
print(Callable[[int, str], bool], Optional[List[int]], cast(int, '3'), List[int] == List[int], Union[int, int])
class Box(Generic[T]):
    def __init__(self, item: T) -> None:
        self.item = item
print(Box(3).item)
@dataclass
class Tree:
    value: int
    children: List['Tree'] = field(default_factory=list)
    parent: Optional['Tree'] = None
t = Tree(1, [Tree(2)])
print(t, Tree.__annotations__)
