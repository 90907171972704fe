del [a, b()]
