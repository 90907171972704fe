class C:
    def f(self):
        pass
   def g(self):
        pass
