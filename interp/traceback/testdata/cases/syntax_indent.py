try:
    compile("if x:\npass\n", "<indent>", "exec")
except SyntaxError as e:
    raise e
