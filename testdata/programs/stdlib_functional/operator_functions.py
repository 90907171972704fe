import operator as op

print(op.add(2, 3), op.sub(2, 3), op.mul("ab", 3), op.truediv(7, 2), op.floordiv(7, 2), op.mod(-7, 3))
print(op.pow(2, 10), op.neg(5), op.pos(-5), op.abs(-3), op.invert(5), op.lshift(1, 4), op.rshift(256, 3))
print(op.and_(12, 10), op.or_(12, 10), op.xor(12, 10), op.not_(0), op.truth([]), op.is_(None, None), op.is_not(1, None))
print(op.lt(1, 2), op.le(2, 2), op.eq("a", "a"), op.ne(1, 1), op.ge(3, 4), op.gt(4, 3))
print(op.concat([1], [2]), op.contains("abc", "b"), op.countOf([1, 2, 1], 1), op.indexOf("abc", "c"))
print(op.index(7), op.matmul.__name__, op.length_hint(iter(range(5))), op.length_hint(object(), 42))
seq = [1, 2, 3, 4]
op.setitem(seq, 0, 10)
op.delitem(seq, 1)
print(seq, op.getitem(seq, -1), op.getitem("hello", slice(1, 3)))
x = [1]
y = op.iadd(x, [2])
print(x, y is x, op.iadd(5, 1), op.imul("ab", 2), op.ior({1}, {2}))
print(op.call(max, 3, 9, 2))
table = {"+": op.add, "-": op.sub, "*": op.mul, "/": op.truediv, "^": op.pow}


def rpn(expr):
    stack = []
    for tok in expr.split():
        if tok in table:
            b, a = stack.pop(), stack.pop()
            stack.append(table[tok](a, b))
        else:
            stack.append(float(tok) if "." in tok else int(tok))
    return stack.pop()


for e in ["3 4 + 2 *", "5 1 2 + 4 * + 3 -", "2 3 ^ 1.5 /"]:
    print(e, "=", rpn(e))
for f, args in [(op.truediv, (1, 0)), (op.index, (1.5,)), (op.concat, (1, 2))]:
    try:
        f(*args)
    except (ZeroDivisionError, TypeError) as e:
        print(type(e).__name__ + ":", e)
rpn("1 +")
