raise RuntimeError("outer") from KeyError("never raised")
