raise ExceptionGroup("never raised children", [ValueError(), ExceptionGroup("", [TypeError("")])])
