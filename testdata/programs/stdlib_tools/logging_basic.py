import logging
import sys

logging.basicConfig(level=logging.DEBUG, stream=sys.stdout, format="%(levelname)-8s %(name)s: %(message)s")
log = logging.getLogger("app")
log.debug("debug %d", 1)
log.info("info with %s and %r", "args", "repr")
log.warning("warned")
log.error("error: %(key)s", {"key": "mapping arg"})
log.critical("critical")
db = logging.getLogger("app.db")
db.setLevel(logging.WARNING)
db.info("hidden")
db.warning("db warning propagates")
print(db.parent.name, db.getEffectiveLevel(), log.getEffectiveLevel(), db.isEnabledFor(logging.INFO))
print(logging.getLevelName(logging.WARNING), logging.getLevelName(25), logging.getLevelName("ERROR"))
logging.addLevelName(25, "NOTICE")
log.log(25, "custom level")
try:
    1 / 0
except ZeroDivisionError:
    log.exception("failed to divide")
logging.getLogger().info("root info")
logging.info("module-level info")
logging.disable(logging.INFO)
log.info("disabled")
log.warning("still shown")
logging.disable(logging.NOTSET)
log2 = logging.getLogger("app")
print(log2 is log, logging.getLogger("app.db.x").parent is db, logging.root.level)
