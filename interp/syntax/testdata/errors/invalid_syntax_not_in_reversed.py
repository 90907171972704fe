x = a in not b
