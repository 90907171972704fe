class Parser:
    def __init__(self, text):
        self.text = text
    def parse(self):
        return [self.item(x) for x in self.text.split(',')]
    def item(self, x):
        return int(x) * 2
def main():
    p = Parser('1,2,x3')
    print(p.parse())
print(Parser('4,5').parse())
main()
