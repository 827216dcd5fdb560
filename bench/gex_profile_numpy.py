#!/usr/bin/env python3
"""Plain-numpy GEX profile and zero-gamma level, the same convention as the Java implementation
(docs/analytics-conventions.md, "Options: zero-gamma level": 60 levels 0.8S..1.2S, Black-Scholes gamma with r = q = 0,
T = weekdays(as-of -> expiry) / 262 floored at 1/262, expired or IV = 0 contracts contribute 0,
net = sum calls - sum puts of gamma(L) x OI x 100 x L^2 x 0.01).

usage: gex_profile_numpy.py QUOTEDATA.csv [repetitions]
Prints one JSON object: median/min milliseconds of the profile computation (parsing excluded),
the zero-gamma level and the profile.
"""
import csv
import datetime as dt
import json
import re
import sys
import time

import numpy as np


def load(path):
    with open(path, newline="") as f:
        rows = [r for r in csv.reader(f) if r]
    spot = float(next(c for c in rows[0] if c.strip().startswith("Last:")).split(":", 1)[1].replace(",", ""))
    date_text = next(c for c in rows[1] if c.strip().startswith("Date:"))
    m = re.search(r"([A-Za-z]+)\s+(\d{1,2}),?\s+(\d{4})", date_text) or re.search(
        r"(\d{1,2})\s+([A-Za-z]+),?\s+(\d{4})", date_text)
    parts = m.groups()
    if parts[0].isdigit():
        parts = (parts[1], parts[0], parts[2])
    as_of = dt.datetime.strptime(f"{parts[0][:3]} {parts[1]} {parts[2]}", "%b %d %Y").date()
    header = [h.strip() for h in rows[2]]
    strike_col = header.index("Strike")
    calls, puts = header.index("Calls"), header.index("Puts")
    c_iv = calls + header[calls:strike_col].index("IV")
    c_oi = calls + header[calls:strike_col].index("Open Interest")
    p_iv = puts + header[puts:].index("IV")
    p_oi = puts + header[puts:].index("Open Interest")
    strikes, ivs, ois, signs, expiries = [], [], [], [], []
    for r in rows[3:]:
        expiry = dt.datetime.strptime(r[0].strip(), "%a %b %d %Y").date()
        k = float(r[strike_col])
        for iv_col, oi_col, sign in ((c_iv, c_oi, 1.0), (p_iv, p_oi, -1.0)):
            strikes.append(k)
            ivs.append(float(r[iv_col] or 0))
            ois.append(float(r[oi_col] or 0))
            signs.append(sign)
            expiries.append(expiry)
    expiries = np.array(expiries, dtype="datetime64[D]")
    return spot, as_of, np.array(strikes), np.array(ivs), np.array(ois), np.array(signs), expiries


def profile(spot, as_of, k, iv, oi, sign, expiry):
    levels = np.linspace(0.8 * spot, 1.2 * spot, 60)
    live = (expiry >= np.datetime64(as_of)) & (iv > 0) & (oi > 0)
    k, iv, oi, sign, expiry = k[live], iv[live], oi[live], sign[live], expiry[live]
    t = np.maximum(np.busday_count(np.datetime64(as_of), expiry), 1) / 262.0
    sd = iv * np.sqrt(t)
    d1 = (np.log(levels[None, :] / k[:, None]) + 0.5 * (iv * iv * t)[:, None]) / sd[:, None]
    gamma = np.exp(-0.5 * d1 * d1) / np.sqrt(2 * np.pi) / (levels[None, :] * sd[:, None])
    net = (sign[:, None] * gamma * oi[:, None]).sum(axis=0) * 100 * levels * levels * 0.01
    return levels, net


def zero_gamma(levels, net):
    for i in range(len(levels) - 1):
        if net[i] == 0:
            return float(levels[i])
        if np.sign(net[i]) * np.sign(net[i + 1]) < 0:
            return float(levels[i] - net[i] * (levels[i + 1] - levels[i]) / (net[i + 1] - net[i]))
    return None


def main():
    path = sys.argv[1]
    repetitions = int(sys.argv[2]) if len(sys.argv) > 2 else 20
    data = load(path)
    profile(*data)  # warm-up
    times = []
    for _ in range(repetitions):
        start = time.perf_counter()
        levels, net = profile(*data)
        times.append((time.perf_counter() - start) * 1000)
    times.sort()
    print(json.dumps({
        "implementation": f"numpy {np.__version__}",
        "contracts": int(len(data[2])),
        "repetitions": repetitions,
        "median_ms": times[len(times) // 2],
        "min_ms": times[0],
        "zero_gamma": zero_gamma(levels, net),
        "levels": levels.tolist(),
        "net_gex": net.tolist(),
    }))


if __name__ == "__main__":
    main()
