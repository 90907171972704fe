source = "x = (1 2)\n"
compile(source, "snippet.py", "exec")
