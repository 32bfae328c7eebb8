# Expected values for RealizedVolTest.estimatorsAgreeOnAverageOnBitcoinDaily: the mean, over bars
# 30 .. n-1 of src/data/btc_usd_daily.csv, of the 30-bar close-to-close and Parkinson vols
# (365 bars a year), each window computed directly with numpy (no running sums).
# Run from the repository root: python3 greeks/src/test/resources/reference/realized_btc_daily.py
import numpy as np
d = np.genfromtxt("src/data/btc_usd_daily.csv", delimiter=",", names=True, dtype=None, encoding="utf-8")
o, h, l, c = (np.log(d[name].astype(float)) for name in ("open", "high", "low", "close"))
N, P, n = 30, 365, len(c)
r = np.diff(c)
cc = [np.sqrt(np.var(r[i - N:i], ddof=1) * P) for i in range(N, n)]
pk = [np.sqrt(np.mean((h - l)[i - N + 1:i + 1] ** 2) / (4 * np.log(2)) * P) for i in range(N, n)]
print("close-to-close", repr(float(np.mean(cc))), "parkinson", repr(float(np.mean(pk))))
# The ratios to close-to-close quoted in the test's comment.
gk = [np.sqrt(np.mean(0.5 * (h - l)[i - N + 1:i + 1] ** 2 - (2 * np.log(2) - 1) * (c - o)[i - N + 1:i + 1] ** 2) * P)
      for i in range(N, n)]
rst = (h - c) * (h - o) + (l - c) * (l - o)
rs = [np.sqrt(np.mean(rst[i - N + 1:i + 1]) * P) for i in range(N, n)]
k = 0.34 / (1.34 + (N + 1) / (N - 1))
on, oc = o[1:] - c[:-1], c[1:] - o[1:]
yz = [np.sqrt((np.var(on[i - N:i], ddof=1) + k * np.var(oc[i - N:i], ddof=1) + (1 - k) * np.mean(rst[i - N + 1:i + 1])) * P)
      for i in range(N, n)]
print("ratios pk gk rs yz", *(round(float(np.mean(x) / np.mean(cc)), 3) for x in (pk, gk, rs, yz)))
