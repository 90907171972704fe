def f(x):
    return "🐍🐍" * x + "ＡＢ" + x


f(2)
