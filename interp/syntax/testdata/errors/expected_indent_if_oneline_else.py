if x: pass
else:
