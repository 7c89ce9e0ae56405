# time's calendar functions: gmtime's struct_time (its fields, repr, tm_zone, tm_gmtoff), strftime's directives,
# asctime, and localtime/mktime/ctime through relations that hold in every time zone
import time
t = time.gmtime(1700000000)
print(t, t.tm_zone, t.tm_gmtoff, len(t), t[0], type(t).__module__, time.struct_time.n_fields, time.struct_time.n_sequence_fields, t.tm_yday, t.tm_wday)
print(time.strftime('%Y-%m-%d %H:%M:%S %a %A %b %B %j %U %W %w %y %p %I %% %e %T %D %F %c %x %X %Z %z', t))
print(time.asctime(t), time.mktime(time.localtime(1700000000)), time.ctime(1700000000) == time.asctime(time.localtime(1700000000)), time.gmtime(0)[:6])
print(type(time.timezone).__name__, len(time.tzname), time.daylight in (0, 1), time.localtime(1e9).tm_gmtoff % 60)
print(time.strftime('%d/%m', (2024, 2, 29, 0, 0, 0, 3, 60, 0)), time.gmtime(951782400.5), time.gmtime(1e9)[:3], tuple(time.struct_time((1,) * 11))[:3])
print(isinstance(time.localtime(), tuple), time.strftime('%Y') == str(time.localtime().tm_year), time.strftime('%A %Q', time.gmtime(0)))
for bad in ["time.struct_time((1, 2))", "time.strftime(5)"]:
    try:
        eval(bad)
    except TypeError as e:
        print(e)
