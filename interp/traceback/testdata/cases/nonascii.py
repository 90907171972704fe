def greet(name):
    return "héllo wörld, " + name + "!"


greet(3)
