import statistics as st
from fractions import Fraction
from decimal import Decimal

data = [2, 4, 4, 4, 5, 5, 7, 9]
print(st.mean(data), st.fmean(data), st.median(data), st.mode(data), st.multimode([1, 1, 2, 2, 3]))
print(st.pstdev(data), st.stdev(data), st.pvariance(data), round(st.variance(data), 6))
print(st.median_low([1, 3, 5, 7]), st.median_high([1, 3, 5, 7]), st.median_grouped([52, 52, 53, 54]))
print(st.harmonic_mean([40, 60]), round(st.geometric_mean([54, 24, 36]), 9))
print(st.mean([Fraction(1, 3), Fraction(1, 6)]), st.mean([Decimal("0.5"), Decimal("0.75")]), st.mean([1.5, 2]))
print(st.variance([Fraction(1), Fraction(2), Fraction(4)]), st.median(["b", "a", "c"]))
print(st.fmean([1, 2, 3], weights=[3, 2, 1]), st.mode("abracadabra"))
for f, arg in [(st.mean, []), (st.stdev, [1]), (st.mode, []), (st.harmonic_mean, [-1])]:
    try:
        f(arg)
    except st.StatisticsError as e:
        print(f.__name__, "StatisticsError:", e)
scores = {"ann": [88, 92, 79], "bob": [75, 85, 95], "cy": [90, 90, 90]}
for name, s in sorted(scores.items(), key=lambda kv: -st.mean(kv[1])):
    print(f"{name:4} mean={st.mean(s):6.2f} sd={st.pstdev(s):5.2f}")
