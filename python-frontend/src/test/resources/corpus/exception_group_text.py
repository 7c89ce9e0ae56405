# compare-stderr
# Text in an uncaught exception group's boxes that spans lines or cannot be made: 3.13's traceback.py puts
# the margin before every line, 3.11/3.12's printer only before the first line of the exception line, and
# a note whose str() raises is printed as a placeholder.


class Unprintable:
    def __str__(self):
        raise ValueError("no str")


member = ValueError("a message\non two lines")
member.__notes__ = [Unprintable(), "a note\non two lines"]
raise ExceptionGroup("group message\nwith a second line", [member, KeyError("k")])
