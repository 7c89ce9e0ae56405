# pprint of the collections types: OrderedDict as a list of pairs (on every version, though 3.12 changed its repr), defaultdict with its factory, Counter by count, deque with and without maxlen
import pprint
from collections import OrderedDict, defaultdict, Counter, deque
od = OrderedDict((("k%02d" % i, list(range(i))) for i in range(8)))
pprint.pprint(od)
pprint.pprint(OrderedDict())
dd = defaultdict(list, {("key%d" % i): ["v" * 10] * 3 for i in range(4)})
pprint.pprint(dd)
pprint.pprint(defaultdict(int))
c = Counter("the quick brown fox jumps over the lazy dog " * 3)
pprint.pprint(c)
pprint.pprint(deque(range(40)))
pprint.pprint(deque(range(40), maxlen=35))
pprint.pprint(deque())
pprint.pprint({"od": OrderedDict(a=1), "short": deque([1]), "c": Counter(a=1)})
