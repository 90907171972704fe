import statistics as st

nd = st.NormalDist(mu=100, sigma=15)
print(nd, nd.mean, nd.stdev, nd.variance)
print(round(nd.cdf(130), 10), round(nd.pdf(100), 10), round(nd.inv_cdf(0.975), 8))
print([round(q, 6) for q in nd.quantiles(4)])
print(round(nd.overlap(st.NormalDist(110, 15)), 10), round(nd.zscore(85), 10))
a = st.NormalDist(10, 2)
b = st.NormalDist(5, 1)
print(a + b, a - 3, a * 2, round((a + b).stdev, 10))
fit = st.NormalDist.from_samples([2.5, 3.1, 2.1, 2.4, 2.7, 3.5])
print(round(fit.mean, 10), round(fit.stdev, 10))
print(st.quantiles([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], n=4))
print(st.quantiles(range(1, 11), n=10, method="inclusive"))
x = [1, 2, 3, 4, 5]
y = [2, 4, 5, 4, 5]
print(round(st.correlation(x, y), 10), st.covariance(x, y))
lr = st.linear_regression(x, y)
print(lr, round(lr.slope * 6 + lr.intercept, 6))
print(st.linear_regression(x, [2 * v for v in x], proportional=True))
try:
    st.NormalDist(0, -1)
except st.StatisticsError as e:
    print("StatisticsError:", e)
try:
    st.correlation([1, 1, 1], [1, 2, 3])
except st.StatisticsError as e:
    print("StatisticsError:", e)
