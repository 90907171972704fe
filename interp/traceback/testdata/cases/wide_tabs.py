def f(x):
	値 = x
	return 値 @ 値


f(1)
