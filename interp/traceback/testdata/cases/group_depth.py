eg = ExceptionGroup("level 0", [ValueError("leaf")])
for i in range(1, 13):
    try:
        raise eg
    except ExceptionGroup as e:
        eg = ExceptionGroup(f"level {i}", [e, TypeError(i)] if i % 3 == 0 else [e])
raise eg
