class A:
    def run(self, x):
        return self.helper(x)

    def helper(self, x):
        return x.upper()


A().run(5)
