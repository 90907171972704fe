first = input('prompt> ')
print('got', repr(first))
second = input('prompt2> ')
