if x:
	y = (
