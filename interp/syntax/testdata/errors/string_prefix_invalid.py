x = bb'abc'
