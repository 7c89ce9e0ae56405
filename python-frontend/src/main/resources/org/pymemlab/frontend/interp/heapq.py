"""heapq for PyMem Lab: the binary min-heap on a list, with CPython's algorithm (so the same list order)."""


def heappush(heap, item):
    """Pushes item onto heap, keeping it a heap."""
    heap.append(item)
    _siftdown(heap, 0, len(heap) - 1)


def heappop(heap):
    """Pops the smallest item off heap, keeping it a heap."""
    lastelt = heap.pop()
    if heap:
        returnitem = heap[0]
        heap[0] = lastelt
        _siftup(heap, 0)
        return returnitem
    return lastelt


def heapreplace(heap, item):
    """Pops the smallest item, then pushes item."""
    returnitem = heap[0]
    heap[0] = item
    _siftup(heap, 0)
    return returnitem


def heappushpop(heap, item):
    """Pushes item, then pops the smallest item; faster than the two calls."""
    if heap and heap[0] < item:
        item, heap[0] = heap[0], item
        _siftup(heap, 0)
    return item


def heapify(x):
    """Makes the list x a heap, in place, in linear time."""
    n = len(x)
    for i in reversed(range(n // 2)):
        _siftup(x, i)


def _siftdown(heap, startpos, pos):
    # the item at pos moves up towards startpos while its parent is greater
    newitem = heap[pos]
    while pos > startpos:
        parentpos = (pos - 1) >> 1
        parent = heap[parentpos]
        if newitem < parent:
            heap[pos] = parent
            pos = parentpos
            continue
        break
    heap[pos] = newitem


def _siftup(heap, pos):
    # the smaller child moves up until a leaf is reached, then the item settles by _siftdown (Floyd's way)
    endpos = len(heap)
    startpos = pos
    newitem = heap[pos]
    childpos = 2 * pos + 1
    while childpos < endpos:
        rightpos = childpos + 1
        if rightpos < endpos and not heap[childpos] < heap[rightpos]:
            childpos = rightpos
        heap[pos] = heap[childpos]
        pos = childpos
        childpos = 2 * pos + 1
    heap[pos] = newitem
    _siftdown(heap, startpos, pos)


def nsmallest(n, iterable, key=None):
    """The n smallest items, smallest first (sorted(iterable, key=key)[:n])."""
    return sorted(iterable, key=key)[:n]


def nlargest(n, iterable, key=None):
    """The n largest items, largest first (sorted(iterable, key=key, reverse=True)[:n])."""
    return sorted(iterable, key=key, reverse=True)[:n]


def merge(*iterables, key=None, reverse=False):
    """The sorted iterables' items merged into one sorted stream (collected first here, not lazily)."""
    return iter(sorted([x for it in iterables for x in it], key=key, reverse=reverse))
