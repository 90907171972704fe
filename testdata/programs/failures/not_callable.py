handlers = {'a': print, 'b': None}
handlers['a']('handler a')
handlers['b']('handler b')
