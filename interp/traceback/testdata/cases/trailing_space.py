def fail():
    1 / 0   


fail()   # trailing comment
