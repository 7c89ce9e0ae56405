# compare-stderr
# An uncaught AttributeError's traceback suggests the closest of dir(obj).
class Config:
    def __init__(self):
        self.timeout = 5
        self.retries = 3
Config().timout
