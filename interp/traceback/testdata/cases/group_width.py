raise ExceptionGroup("wide", [ExceptionGroup("sixteen", [ValueError(i) for i in range(16)])] + [KeyError(i) for i in range(20)])
