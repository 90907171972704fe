# Decimal contexts. The flags are read through bool(): the C decimal module
# stores True/False, its pure-Python twin (_pydecimal, which parallel runs)
# 1/0; both mean the same and the program checks the meaning.
import decimal
from decimal import Decimal, localcontext, getcontext, Context, InvalidOperation, DivisionByZero, Inexact, Rounded

ctx = getcontext()
print(ctx.prec, ctx.rounding, ctx.Emax, ctx.Emin, ctx.capitals)
print(Decimal(1) / Decimal(7))
with localcontext() as lc:
    lc.prec = 5
    print(Decimal(1) / Decimal(7), Decimal("123456789") + 0)
with localcontext(prec=50):
    print(Decimal(2).sqrt())
print(Decimal(1) / Decimal(7))
for expr in [lambda: Decimal(1) / 0, lambda: Decimal(0) / 0, lambda: Decimal("abc"), lambda: Decimal(-1).sqrt()]:
    try:
        expr()
    except (DivisionByZero, InvalidOperation) as e:
        print(type(e).__name__, issubclass(type(e), ArithmeticError))
with localcontext() as lc:
    lc.traps[DivisionByZero] = False
    lc.traps[InvalidOperation] = False
    print(Decimal(1) / 0, Decimal(-1) / 0, Decimal(0) / 0, Decimal("junk"))
    print(bool(lc.flags[DivisionByZero]), bool(lc.flags[InvalidOperation]))
c = Context(prec=3, rounding=decimal.ROUND_UP, traps=[Inexact])
try:
    c.divide(Decimal(1), Decimal(3))
except Inexact:
    print("Inexact trapped")
c.traps[Inexact] = False
print(c.add(Decimal("1.001"), Decimal(0)), c.power(2, 10), c.create_decimal("3.14159"))
c2 = Context(prec=4)
c2.clear_flags()
c2.multiply(Decimal("1.2345"), Decimal(1))
print(bool(c2.flags[Rounded]), bool(c2.flags[Inexact]), sorted(k.__name__ for k, v in c2.flags.items() if v))
print(Decimal("1.23456").quantize(Decimal("0.001"), context=Context(prec=2, traps=[])))
try:
    Decimal("1.23456").quantize(Decimal("0.001"), context=Context(prec=2))
except InvalidOperation as e:
    print("InvalidOperation on quantize")
print(decimal.MAX_PREC > 10**6, decimal.HAVE_CONTEXTVAR, decimal.Decimal.from_float(0.25))
