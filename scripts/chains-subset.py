#!/usr/bin/env python3
"""Writes the shipped subset of the recorded Deribit chains (src/data/options/README.md says why).

Usage: scripts/chains-subset.py SOURCE.csv.gz OUT_DIR
Keeps rows with time_to_maturity x 365.25 <= 65 days and 0.8 <= strike / underlying <= 1.25, in the
source's format and order, one gzip CSV per currency (deribit_{btc,eth}_options_....csv.gz).
"""
import csv
import gzip
import sys

MAX_DAYS = 65.0
MIN_MONEYNESS = 0.8
MAX_MONEYNESS = 1.25


def main(source, out_dir):
    outs = {}
    with gzip.open(source, "rt", newline="") as f:
        rows = csv.reader(f)
        header = next(rows)
        t, k, fwd, cur = (header.index(c) for c in ("time_to_maturity", "strike", "underlying", "currency"))
        for row in rows:
            days = float(row[t]) * 365.25
            moneyness = float(row[k]) / float(row[fwd])
            if days <= MAX_DAYS and MIN_MONEYNESS <= moneyness <= MAX_MONEYNESS:
                currency = row[cur].lower()
                if currency not in outs:
                    name = f"{out_dir}/deribit_{currency}_options_daily_2025-12-30_to_2026-06-30.csv.gz"
                    # mtime=0: the same input gives byte-identical files.
                    outs[currency] = gzip.GzipFile(name, "wb", compresslevel=9, mtime=0)
                    outs[currency].write((",".join(header) + "\n").encode())
                outs[currency].write((",".join(row) + "\n").encode())
    for g in outs.values():
        g.close()


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
