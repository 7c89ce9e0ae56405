"""tracemalloc for the PyMem Lab interpreter: the blocks the runtime's allocator hands out for Python objects,
each with its size and the source line that asked for it. The tables live in the runtime (_tracemalloc); this
module gives them CPython's Python-level shape: snapshots, statistics, differences, tracebacks and filters."""

from _tracemalloc import (start, stop, is_tracing, clear_traces, reset_peak, get_traced_memory,
                          get_traceback_limit, get_tracemalloc_memory, _get_traces, _get_object_traceback,
                          _getline)

_UNITS = ('B', 'KiB', 'MiB', 'GiB', 'TiB')


def _format_size(size, sign):
    # three significant digits with a unit, as CPython prints sizes: "8056 B", "97.7 KiB", "+1024 KiB"
    plus = '+' if sign else ''
    for unit in _UNITS:
        if unit != 'B' and abs(size) < 100:
            return ('%' + plus + '.1f %s') % (size, unit)
        if unit == 'TiB' or abs(size) < 10 * 1024:
            return ('%' + plus + '.0f %s') % (size, unit)
        size /= 1024


class Frame:
    """One frame of a traceback: a file name and a line number."""

    __slots__ = ('_frame',)

    def __init__(self, frame):
        self._frame = frame

    @property
    def filename(self):
        return self._frame[0]

    @property
    def lineno(self):
        return self._frame[1]

    def __eq__(self, other):
        if not isinstance(other, Frame):
            return NotImplemented
        return self._frame == other._frame

    def __lt__(self, other):
        if not isinstance(other, Frame):
            return NotImplemented
        return self._frame < other._frame

    def __le__(self, other):
        if not isinstance(other, Frame):
            return NotImplemented
        return self._frame <= other._frame

    def __gt__(self, other):
        if not isinstance(other, Frame):
            return NotImplemented
        return self._frame > other._frame

    def __ge__(self, other):
        if not isinstance(other, Frame):
            return NotImplemented
        return self._frame >= other._frame

    def __hash__(self):
        return hash(self._frame)

    def __str__(self):
        return '%s:%s' % (self._frame[0], self._frame[1])

    def __repr__(self):
        return '<Frame filename=%r lineno=%r>' % (self._frame[0], self._frame[1])


class Traceback:
    """The frames where a block was allocated, oldest first (the runtime keeps them most recent first)."""

    __slots__ = ('_frames', '_total_nframe')

    def __init__(self, frames, total_nframe=None):
        self._frames = tuple(reversed(frames))
        self._total_nframe = total_nframe

    @property
    def total_nframe(self):
        return self._total_nframe

    def __len__(self):
        return len(self._frames)

    def __getitem__(self, index):
        if isinstance(index, int):
            return Frame(self._frames[index])
        return tuple([Frame(f) for f in self._frames[index]])

    def __iter__(self):
        for f in self._frames:
            yield Frame(f)

    def __contains__(self, frame):
        return frame._frame in self._frames

    def __eq__(self, other):
        if not isinstance(other, Traceback):
            return NotImplemented
        return self._frames == other._frames

    def __lt__(self, other):
        if not isinstance(other, Traceback):
            return NotImplemented
        return self._frames < other._frames

    def __le__(self, other):
        if not isinstance(other, Traceback):
            return NotImplemented
        return self._frames <= other._frames

    def __gt__(self, other):
        if not isinstance(other, Traceback):
            return NotImplemented
        return self._frames > other._frames

    def __ge__(self, other):
        if not isinstance(other, Traceback):
            return NotImplemented
        return self._frames >= other._frames

    def __hash__(self):
        return hash(self._frames)

    def __str__(self):
        return str(self[0])

    def __repr__(self):
        text = '<Traceback %r' % (tuple(self),)
        if self._total_nframe is None:
            return text + '>'
        return text + ' total_nframe=%s>' % self._total_nframe

    def format(self, limit=None, most_recent_first=False):
        frames = list(self)
        if limit is not None:
            frames = frames[-limit:] if limit > 0 else frames[:limit]
        if most_recent_first:
            frames.reverse()
        lines = []
        for f in frames:
            lines.append('  File "%s", line %s' % (f.filename, f.lineno))
            source = _getline(f.filename, f.lineno).strip()
            if source:
                lines.append('    %s' % source)
        return lines


class Statistic:
    """What a group of traces adds up to: their traceback, total size and number of blocks."""

    __slots__ = ('traceback', 'size', 'count')

    def __init__(self, traceback, size, count):
        self.traceback = traceback
        self.size = size
        self.count = count

    def __hash__(self):
        return hash((self.traceback, self.size, self.count))

    def __eq__(self, other):
        if not isinstance(other, Statistic):
            return NotImplemented
        return self.traceback == other.traceback and self.size == other.size and self.count == other.count

    def __str__(self):
        text = '%s: size=%s, count=%i' % (self.traceback, _format_size(self.size, False), self.count)
        if self.count:
            text += ', average=%s' % _format_size(self.size / self.count, False)
        return text

    def __repr__(self):
        return '<Statistic traceback=%r size=%i count=%i>' % (self.traceback, self.size, self.count)

    def _sort_key(self):
        # the traceback compares as its frames do
        return (self.size, self.count, self.traceback._frames)


class StatisticDiff:
    """A group's figures in a new snapshot and how they changed since an old one."""

    __slots__ = ('traceback', 'size', 'size_diff', 'count', 'count_diff')

    def __init__(self, traceback, size, size_diff, count, count_diff):
        self.traceback = traceback
        self.size = size
        self.size_diff = size_diff
        self.count = count
        self.count_diff = count_diff

    def __hash__(self):
        return hash((self.traceback, self.size, self.size_diff, self.count, self.count_diff))

    def __eq__(self, other):
        if not isinstance(other, StatisticDiff):
            return NotImplemented
        return (self.traceback == other.traceback and self.size == other.size
                and self.size_diff == other.size_diff and self.count == other.count
                and self.count_diff == other.count_diff)

    def __str__(self):
        text = '%s: size=%s (%s), count=%i (%+i)' % (
            self.traceback, _format_size(self.size, False), _format_size(self.size_diff, True),
            self.count, self.count_diff)
        if self.count:
            text += ', average=%s' % _format_size(self.size / self.count, False)
        return text

    def __repr__(self):
        return '<StatisticDiff traceback=%r size=%i (%+i) count=%i (%+i)>' % (
            self.traceback, self.size, self.size_diff, self.count, self.count_diff)

    def _sort_key(self):
        return (abs(self.size_diff), self.size, abs(self.count_diff), self.count, self.traceback._frames)


class Trace:
    """One traced block: its domain, size and traceback."""

    __slots__ = ('_trace',)

    def __init__(self, trace):
        self._trace = trace

    @property
    def domain(self):
        return self._trace[0]

    @property
    def size(self):
        return self._trace[1]

    @property
    def traceback(self):
        return Traceback(self._trace[2], self._trace[3])

    def __eq__(self, other):
        if not isinstance(other, Trace):
            return NotImplemented
        return self._trace == other._trace

    def __hash__(self):
        return hash(self._trace)

    def __str__(self):
        return '%s: %s' % (self.traceback, _format_size(self.size, False))

    def __repr__(self):
        return '<Trace domain=%s size=%s, traceback=%r>' % (
            self.domain, _format_size(self.size, False), self.traceback)


class _Traces:
    """The traces of a snapshot, as a sequence of Trace."""

    def __init__(self, traces):
        self._traces = traces

    def __len__(self):
        return len(self._traces)

    def __getitem__(self, index):
        if isinstance(index, int):
            return Trace(self._traces[index])
        return tuple([Trace(t) for t in self._traces[index]])

    def __iter__(self):
        for t in self._traces:
            yield Trace(t)

    def __contains__(self, trace):
        return trace._trace in self._traces

    def __eq__(self, other):
        if not isinstance(other, _Traces):
            return NotImplemented
        return self._traces == other._traces

    def __repr__(self):
        return '<Traces len=%s>' % len(self)


def _normalize_filename(filename):
    if filename.endswith('.pyc'):
        return filename[:-1]
    return filename


def _match_class(pattern, i, c):
    # a [...] set at pattern[i] ('[' included): (matched, index after the set), or (None, i) when unclosed
    j = i + 1
    negate = j < len(pattern) and pattern[j] == '!'
    if negate:
        j += 1
    start = j
    matched = False
    while j < len(pattern) and (pattern[j] != ']' or j == start):
        if j + 2 < len(pattern) and pattern[j + 1] == '-' and pattern[j + 2] != ']':
            if pattern[j] <= c <= pattern[j + 2]:
                matched = True
            j += 3
        else:
            if pattern[j] == c:
                matched = True
            j += 1
    if j >= len(pattern):
        return None, i
    return matched != negate, j + 1


def _fnmatch(name, pattern):
    # shell-style matching as fnmatch does it: * any run, ? one character, [seq] and [!seq] sets
    n = 0
    p = 0
    star_p = -1
    star_n = 0
    while n < len(name):
        if p < len(pattern):
            ch = pattern[p]
            if ch == '*':
                star_p = p
                star_n = n
                p += 1
                continue
            if ch == '?':
                n += 1
                p += 1
                continue
            if ch == '[':
                matched, after = _match_class(pattern, p, name[n])
                if matched is None:
                    if name[n] == '[':
                        n += 1
                        p += 1
                        continue
                elif matched:
                    n += 1
                    p = after
                    continue
            elif ch == name[n]:
                n += 1
                p += 1
                continue
        if star_p < 0:
            return False
        star_n += 1
        n = star_n
        p = star_p + 1
    while p < len(pattern) and pattern[p] == '*':
        p += 1
    return p == len(pattern)


class BaseFilter:
    def __init__(self, inclusive):
        self.inclusive = inclusive

    def _match(self, trace):
        raise NotImplementedError


class Filter(BaseFilter):
    """Keeps (inclusive) or drops the traces whose file name matches a pattern, and line if given."""

    def __init__(self, inclusive, filename_pattern, lineno=None, all_frames=False, domain=None):
        BaseFilter.__init__(self, inclusive)
        self._filename_pattern = _normalize_filename(filename_pattern)
        self.lineno = lineno
        self.all_frames = all_frames
        self.domain = domain

    @property
    def filename_pattern(self):
        return self._filename_pattern

    def _match_frame_impl(self, filename, lineno):
        if not _fnmatch(_normalize_filename(filename), self._filename_pattern):
            return False
        return self.lineno is None or lineno == self.lineno

    def _match_frame(self, filename, lineno):
        return self._match_frame_impl(filename, lineno) != (not self.inclusive)

    def _match_traceback(self, frames):
        if self.all_frames:
            for filename, lineno in frames:
                if self._match_frame_impl(filename, lineno):
                    return self.inclusive
            return not self.inclusive
        filename, lineno = frames[0]
        return self._match_frame(filename, lineno)

    def _match(self, trace):
        matched = self._match_traceback(trace[2])
        if self.domain is None:
            return matched
        if self.inclusive:
            return matched and trace[0] == self.domain
        return matched or trace[0] != self.domain


class DomainFilter(BaseFilter):
    """Keeps (inclusive) or drops the traces of one allocation domain."""

    def __init__(self, inclusive, domain):
        BaseFilter.__init__(self, inclusive)
        self._domain = domain

    @property
    def domain(self):
        return self._domain

    def _match(self, trace):
        return (trace[0] == self._domain) != (not self.inclusive)


def _group_key(key_type, frames):
    if key_type == 'traceback':
        return frames
    if key_type == 'lineno':
        return frames[:1]
    return ((frames[0][0], 0),)


class Snapshot:
    """The traces of the blocks alive when it was taken."""

    def __init__(self, traces, traceback_limit):
        self.traces = _Traces(traces)
        self.traceback_limit = traceback_limit

    def _keeps(self, includes, excludes, trace):
        if includes:
            kept = False
            for f in includes:
                if f._match(trace):
                    kept = True
                    break
            if not kept:
                return False
        for f in excludes:
            if not f._match(trace):
                return False
        return True

    def filter_traces(self, filters):
        """A new Snapshot with the traces the filters keep (a copy of all of them for an empty list)."""
        try:
            iter(filters)
        except TypeError:
            raise TypeError('filters must be a list of filters, not %s' % type(filters).__name__)
        includes = [f for f in filters if f.inclusive]
        excludes = [f for f in filters if not f.inclusive]
        if includes or excludes:
            kept = [t for t in self.traces._traces if self._keeps(includes, excludes, t)]
        else:
            kept = self.traces._traces.copy()
        return Snapshot(kept, self.traceback_limit)

    def _group_by(self, key_type, cumulative):
        # {frames of the group, most recent first: Statistic}
        if key_type not in ('traceback', 'filename', 'lineno'):
            raise ValueError('unknown key_type: %r' % (key_type,))
        if cumulative and key_type not in ('lineno', 'filename'):
            raise ValueError('cumulative mode cannot by used with key type %r' % key_type)
        sums = {}
        for trace in self.traces._traces:
            size = trace[1]
            if cumulative:
                keys = [_group_key(key_type, (f,)) for f in trace[2]]
            else:
                keys = [_group_key(key_type, trace[2])]
            for key in keys:
                total = sums.get(key)
                if total is None:
                    sums[key] = [size, 1]
                else:
                    total[0] += size
                    total[1] += 1
        return {key: Statistic(Traceback(key), total[0], total[1]) for key, total in sums.items()}

    def statistics(self, key_type, cumulative=False):
        """Statistic per group ('traceback', 'filename' or 'lineno'), biggest first."""
        stats = list(self._group_by(key_type, cumulative).values())
        stats.sort(reverse=True, key=Statistic._sort_key)
        return stats

    def compare_to(self, old_snapshot, key_type, cumulative=False):
        """StatisticDiff per group against an older snapshot, biggest change first."""
        new = self._group_by(key_type, cumulative)
        old = old_snapshot._group_by(key_type, cumulative)
        diffs = []
        for key, stat in new.items():
            before = old.pop(key, None)
            if before is None:
                diffs.append(StatisticDiff(stat.traceback, stat.size, stat.size, stat.count, stat.count))
            else:
                diffs.append(StatisticDiff(stat.traceback, stat.size, stat.size - before.size,
                                           stat.count, stat.count - before.count))
        for key, stat in old.items():
            diffs.append(StatisticDiff(stat.traceback, 0, -stat.size, 0, -stat.count))
        diffs.sort(reverse=True, key=StatisticDiff._sort_key)
        return diffs


def take_snapshot():
    """A Snapshot of the blocks traced now."""
    if not is_tracing():
        raise RuntimeError('the tracemalloc module must be tracing memory allocations to take a snapshot')
    traces = _get_traces()
    return Snapshot(traces, get_traceback_limit())


def get_object_traceback(obj):
    """Where the block holding obj was allocated, or None (not tracing, or allocated before tracing began)."""
    frames = _get_object_traceback(obj)
    if frames is None:
        return None
    return Traceback(frames)
