"""The time module's calendar half for PyMem Lab, added to time when it is first imported: struct_time (a tuple
subclass here, CPython's is a C struct sequence), localtime, gmtime, mktime, asctime, ctime, strftime and the
zone variables, over the Java module's _fields, _mktime and _zone."""
import time

_FIELDS = ('tm_year', 'tm_mon', 'tm_mday', 'tm_hour', 'tm_min', 'tm_sec', 'tm_wday', 'tm_yday', 'tm_isdst')
_DAYS = ('Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday')
_MONTHS = ('January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October',
           'November', 'December')


class struct_time(tuple):
    n_sequence_fields = 9
    n_fields = 11
    n_unnamed_fields = 0

    def __new__(cls, sequence):
        values = tuple(sequence)
        if not 9 <= len(values) <= 11:
            raise TypeError("time.struct_time() takes an at least 9-sequence (%d-sequence given)" % len(values))
        self = tuple.__new__(cls, values[:9])
        self._extra = values[9:] + (None,) * (11 - len(values))
        return self

    tm_zone = property(lambda self: self._extra[0])
    tm_gmtoff = property(lambda self: self._extra[1])

    def __repr__(self):
        return 'time.struct_time(' + ', '.join('%s=%r' % (f, v) for f, v in zip(_FIELDS, self)) + ')'

    def __reduce__(self):
        return (struct_time, (tuple(self) + self._extra,))


for _index, _field in enumerate(_FIELDS):
    setattr(struct_time, _field, property(lambda self, index=_index: self[index]))
struct_time.__module__ = 'time'


def localtime(secs=None):
    return struct_time(time._fields(secs, False))


def gmtime(secs=None):
    return struct_time(time._fields(secs, True))


def _checked(t):
    if t is None:
        return localtime()
    return t if isinstance(t, struct_time) else struct_time(t)


def mktime(t):
    t = _checked(t)
    return time._mktime(*t[:6])


def asctime(t=None):
    t = _checked(t)
    return '%s %s %2d %02d:%02d:%02d %d' % (_DAYS[t[6]][:3], _MONTHS[t[1] - 1][:3], t[2], t[3], t[4], t[5], t[0])


def ctime(secs=None):
    return asctime(localtime(secs))


def _directive(d, t):
    year, mon, mday, hour, minute, sec, wday, yday, isdst = t
    sunday_wday = (wday + 1) % 7
    if d == 'a':
        return _DAYS[wday][:3]
    if d == 'A':
        return _DAYS[wday]
    if d in 'bh':
        return _MONTHS[mon - 1][:3]
    if d == 'B':
        return _MONTHS[mon - 1]
    if d == 'c':
        return asctime(t)
    if d == 'C':
        return '%02d' % (year // 100)
    if d == 'd':
        return '%02d' % mday
    if d == 'D':
        return '%02d/%02d/%02d' % (mon, mday, year % 100)
    if d == 'e':
        return '%2d' % mday
    if d == 'F':
        return '%d-%02d-%02d' % (year, mon, mday)
    if d == 'H':
        return '%02d' % hour
    if d == 'I':
        return '%02d' % (hour % 12 or 12)
    if d == 'j':
        return '%03d' % yday
    if d == 'm':
        return '%02d' % mon
    if d == 'M':
        return '%02d' % minute
    if d == 'n':
        return '\n'
    if d == 'p':
        return 'AM' if hour < 12 else 'PM'
    if d == 'R':
        return '%02d:%02d' % (hour, minute)
    if d == 'S':
        return '%02d' % sec
    if d == 't':
        return '\t'
    if d in 'TX':
        return '%02d:%02d:%02d' % (hour, minute, sec)
    if d == 'u':
        return str(wday + 1)
    if d == 'U':
        return '%02d' % ((yday - 1 + 7 - sunday_wday) // 7)
    if d == 'w':
        return str(sunday_wday)
    if d == 'W':
        return '%02d' % ((yday - 1 + 7 - wday) // 7)
    if d == 'x':
        return '%02d/%02d/%02d' % (mon, mday, year % 100)
    if d == 'y':
        return '%02d' % (year % 100)
    if d == 'Y':
        return str(year)
    if d == 'Z':
        zone = getattr(t, 'tm_zone', None)
        return zone if zone is not None else time.tzname[1 if isdst > 0 else 0]
    if d == 'z':
        offset = getattr(t, 'tm_gmtoff', None)
        if offset is None:
            offset = -(time.altzone if isdst > 0 else time.timezone)
        sign = '-' if offset < 0 else '+'
        offset = abs(offset) // 60
        return '%s%02d%02d' % (sign, offset // 60, offset % 60)
    if d == '%':
        return '%'
    return '%' + d  # a directive the C library does not know stays as it is


def strftime(format, t=None):
    if not isinstance(format, str):
        raise TypeError("strftime() argument 1 must be str, not %s" % type(format).__name__)
    t = _checked(t)
    out = []
    i = 0
    while i < len(format):
        c = format[i]
        if c == '%' and i + 1 < len(format):
            out.append(_directive(format[i + 1], t))
            i += 2
        else:
            out.append(c)
            i += 1
    return ''.join(out)


time.timezone, time.altzone, time.daylight, _std, _dst = time._zone()
time.tzname = (_std, _dst)
for _name in ('struct_time', 'localtime', 'gmtime', 'mktime', 'asctime', 'ctime', 'strftime'):
    setattr(time, _name, globals()[_name])
