#!/usr/bin/env python3
"""Rewrites the CBOE quotedata.csv export of the SPY chain as the CBOE delayed-quotes JSON
(https://cdn.cboe.com/api/global/delayed_quotes/options/SPY.json) would carry it. See README.md beside this file.

Numbers are copied as the CSV writes them (so both files decode to bit-identical doubles); volume and open
interest are written as floats ("63.0"), as the real JSON does. Fields the CSV does not have (bid_size, theo,
vega, ...) are left out rather than invented.

usage: python3 derive_delayed_quotes_json.py ../spy_quotedata_2025-09-25.csv > spy_delayed_quotes_2025-09-25.json
"""
import csv
import sys

FIELDS = [  # (CSV column inside a call/put block, JSON field, integral)
    ("Bid", "bid", False), ("Ask", "ask", False), ("IV", "iv", False),
    ("Open Interest", "open_interest", True), ("Volume", "volume", True),
    ("Delta", "delta", False), ("Gamma", "gamma", False),
    ("Net", "change", False), ("Last Sale", "last_trade_price", False),
]


def number(text, integral):
    text = text.strip()
    return text + ".0" if integral and "." not in text else text


def main(path):
    with open(path, newline="", encoding="utf-8") as f:
        rows = [r for r in csv.reader(f) if any(c.strip() for c in r)]
    head, date, header, data = rows[0], rows[1], rows[2], rows[3:]
    spot = head[1].split(":", 1)[1].strip()
    change = head[2].split(":", 1)[1].strip()
    bid = date[1].split(":", 1)[1].strip()
    ask = date[2].split(":", 1)[1].strip()
    volume = date[4].split(":", 1)[1].strip().replace(",", "")
    calls, strike, puts = header.index("Calls"), header.index("Strike"), header.index("Puts")
    call_cols = {name: i for i, name in enumerate(header) if calls < i < strike}
    put_cols = {name: i for i, name in enumerate(header) if i > puts}
    options = []
    for r in data:
        for symbol_col, cols in ((calls, call_cols), (puts, put_cols)):
            fields = ['"option": "%s"' % r[symbol_col]]
            for column, name, integral in FIELDS:
                fields.append('"%s": %s' % (name, number(r[cols[column]], integral)))
            options.append("{" + ", ".join(fields) + "}")
    # 2025-09-25 21:05 EDT (the export's "Date:" line) is 2025-09-26 01:05 UTC
    sys.stdout.write('{"timestamp": "2025-09-26 01:05:00", "data": {"options": [' + ", ".join(options)
                     + '], "symbol": "SPY", "current_price": %s, "price_change": %s, "bid": %s, "ask": %s, '
                       '"volume": %s.0}}\n' % (spot, change, bid, ask, volume))


if __name__ == "__main__":
    main(sys.argv[1])
