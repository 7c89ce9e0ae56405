# compare-stderr
# logging: the root logger's default configuration on first use (WARNING and up, to stderr, in
# BASIC_FORMAT), named loggers in a dotted hierarchy passing records to their parents' handlers, levels and
# effective levels, the three format styles with their fields (funcName, lineno, module), exceptions with
# their traceback, filters (objects or callables), LoggerAdapter's extra fields, disable(), and the
# last-resort handler of a logger nobody configured.
import io, logging, sys

quiet = logging.getLogger("quiet.child")
quiet.warning("last resort: the message alone, to stderr")
quiet.info("below WARNING: nothing")

logging.warning("plain %s", "warning")
logging.info("not shown")
log = logging.getLogger("app.db")
log.error("db error %d", 42)

out = logging.StreamHandler(sys.stdout)
out.setFormatter(logging.Formatter("%(levelname)s|%(name)s|%(funcName)s|%(lineno)d|%(module)s|%(message)s"))
out.addFilter(lambda record: not record.exc_info)  # tracebacks only to stderr, where paths are compared
app = logging.getLogger("app")
app.addHandler(out)
app.setLevel(logging.DEBUG)

def work():
    log.debug("debug from %s", "work")
    try:
        1 / 0
    except ZeroDivisionError:
        log.exception("failed")
work()
print(log.getEffectiveLevel(), app.level, logging.getLevelName(15), logging.getLevelName("INFO"))
print(log.parent is app, app.parent is logging.root, logging.getLogger() is logging.root)

adapter = logging.LoggerAdapter(log, {"user": "bob"})
out.setFormatter(logging.Formatter("{levelname}:{user}:{message}", style="{", defaults={"user": "-"}))
adapter.warning("adapted")
log.warning("not adapted")
out.setFormatter(logging.Formatter("$levelname/$name/$message", style="$"))

class NoSecrets(logging.Filter):
    def filter(self, record):
        return "secret" not in record.getMessage()
out.addFilter(NoSecrets())
out.addFilter(lambda record: record.levelno != logging.INFO)
log.warning("a secret")
log.info("an info")
log.warning("public")
print(repr(log), repr(logging.root), repr(out) == "<StreamHandler <stdout> (NOTSET)>")

logging.disable(logging.ERROR)
log.error("disabled")
logging.disable(logging.NOTSET)
log.error("enabled")
print(sorted(logging.Logger.manager.loggerDict))

buffer = io.StringIO()
mem = logging.StreamHandler(buffer)
mem.setFormatter(logging.Formatter("%(message)s: %(count)d"))
log.addHandler(mem)
log.propagate = False
log.warning("extra fields", extra={"count": 3})
print(repr(buffer.getvalue()))
record = logging.makeLogRecord({"msg": "made %s", "args": ("by hand",), "levelno": 30})
print(record.getMessage(), logging.getLevelName(record.levelno))
