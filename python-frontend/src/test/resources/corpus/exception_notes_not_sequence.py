# compare-stderr
# A __notes__ that is not a sequence is printed by its repr: 3.11 writes no line break after it, so what is
# printed next (here the chained exception's header) follows on the same line.
try:
    try:
        e = ValueError('first')
        e.__notes__ = 42
        raise e
    except ValueError:
        g = ExceptionGroup('group', [KeyError('k')])
        g.exceptions[0].__notes__ = {'a': 1}
        raise g
except ExceptionGroup as caught:
    print('caught', caught)
    final = caught
raise final
