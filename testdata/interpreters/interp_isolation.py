# Interpreters share no modules, globals or objects.
import sys
try:
    from concurrent import interpreters
except ImportError:
    from test.support import interpreters

shared_name = "main's value"
sys.marker = "main"
a = interpreters.create()
b = interpreters.create()
a.exec("import sys\nsys.marker = 'a'\nshared_name = 'a value'")
b.exec("import sys\nprint('b sees marker:', getattr(sys, 'marker', None), flush=True)")
b.exec("print('b sees shared_name:', 'shared_name' in globals(), flush=True)")
a.exec("print('a sees:', sys.marker, shared_name, flush=True)")
print("main sees:", sys.marker, shared_name, flush=True)

# A module mutated in one interpreter is pristine in the others.
a.exec("import json\njson.dumps = None")
b.exec("import json\nprint('b json.dumps callable:', callable(json.dumps), flush=True)")
import json
print("main json.dumps callable:", callable(json.dumps), flush=True)

# Each interpreter has its own __main__ and its own builtins.
a.exec("import builtins\nbuiltins.spam = 'a-spam'")
b.exec("import builtins\nprint('b has spam:', hasattr(builtins, 'spam'), flush=True)")
import builtins
print("main has spam:", hasattr(builtins, "spam"), flush=True)

# Values passed in are copies: changing them there changes nothing here.
data = (1, "two", (3,))
a.prepare_main(data=data)
a.exec("data = data + (4,)\nprint('a data:', data, flush=True)")
print("main data:", data, flush=True)
a.close()
b.close()
