try:
    pass
except* (A, B) as e.x:
    pass
