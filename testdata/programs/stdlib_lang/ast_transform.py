import ast

src = """
def area(r):
    return 3.14 * r ** 2
total = area(2) + area(3)
print('total', total)
"""
tree = ast.parse(src)
print(ast.dump(tree.body[0].body[0]))
print(ast.dump(ast.parse("x = 1 + 2", mode="exec"), indent=2))
print(ast.dump(ast.parse("a if b else c", mode="eval"), include_attributes=False))


class Counter(ast.NodeVisitor):
    def __init__(self):
        self.names = []
        self.calls = 0

    def visit_Name(self, node):
        self.names.append(node.id)
        self.generic_visit(node)

    def visit_Call(self, node):
        self.calls += 1
        self.generic_visit(node)


c = Counter()
c.visit(tree)
print(c.names, c.calls)


class ConstFold(ast.NodeTransformer):
    def visit_BinOp(self, node):
        self.generic_visit(node)
        if isinstance(node.left, ast.Constant) and isinstance(node.right, ast.Constant):
            ops = {ast.Add: lambda a, b: a + b, ast.Mult: lambda a, b: a * b, ast.Pow: lambda a, b: a ** b}
            fn = ops.get(type(node.op))
            if fn:
                return ast.copy_location(ast.Constant(fn(node.left.value, node.right.value)), node)
        return node


t2 = ast.fix_missing_locations(ConstFold().visit(ast.parse("y = 2 * 3 + x * (4 ** 2)")))
print(ast.unparse(t2))
print(ast.unparse(tree))
code = compile(tree, "<ast>", "exec")
ns = {}
exec(code, ns)
print(ast.literal_eval("{'a': [1, 2.5, (True, None)], 'b': -3j, 'c': {1, 2}}"))
for bad in ["__import__('os')", "1 +", "[x for x in y]"]:
    try:
        ast.literal_eval(bad)
    except (ValueError, SyntaxError) as e:
        print(type(e).__name__, e.args[0].split(":")[0] if isinstance(e, ValueError) else e.msg)
node = tree.body[1]
print(type(node).__name__, node.lineno, node.col_offset, node.end_lineno, node.end_col_offset)
print(ast.get_docstring(ast.parse('def f():\n    "doc"\n')), [type(n).__name__ for n in ast.walk(ast.parse("f(a)[0]"))])
print(ast.get_source_segment(src, tree.body[1].value))
