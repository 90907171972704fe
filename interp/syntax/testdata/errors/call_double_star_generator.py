f(**k for k in y)
