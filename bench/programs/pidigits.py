"""Pi digits: a streaming spigot over ever-growing big integers (multiply, add, floor division)."""

DIGITS = 6000


def pi_digits(count):
    # State is the linear fractional transform (q*x + r) / t; each step
    # composes in the next term of the series, and a digit is produced when
    # x = 3 and x = 4 give the same integer part.
    q, r, t = 1, 0, 1
    k = 0
    produced = 0
    while produced < count:
        k += 1
        m = 2 * k + 1
        r = (2 * q + r) * m
        q *= k
        t *= m
        if q > r:
            continue
        d, rem = divmod(3 * q + r, t)
        if rem + q < t:
            yield d
            produced += 1
            q *= 10
            r = 10 * (r - d * t)


def main():
    line = []
    lines = []
    for i, d in enumerate(pi_digits(DIGITS), 1):
        line.append(str(d))
        if i % 10 == 0:
            lines.append("%s\t:%d" % ("".join(line), i))
            line = []
    if line:
        lines.append("%-10s\t:%d" % ("".join(line), DIGITS))
    for text in lines[:3] + lines[-3:]:
        print(text)
    print("digit sum:", sum(int(c) for text in lines for c in text.split("\t")[0] if c != " "))


main()
