#!/usr/bin/env python3
"""How much of one `scale query --dump` run's answers another run returns.

    bench/scale/overlap.py REFERENCE.ids VARIANT.ids

For searches and matches separately: the mean share of the reference's top 10 that the variant
also returns (in any order), the share of answers whose first hit is the same, and how many
answers are identical. Both runs must have used the same --n, --queries and --matches.
"""
import sys


def load(path):
    answers = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            parts = line.split()
            answers[(parts[0], int(parts[1]))] = [int(x) for x in parts[2:]]
    return answers


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    ref, var = load(sys.argv[1]), load(sys.argv[2])
    print("| what | n | top-10 kept | same first hit | identical |")
    print("|---|---|---|---|---|")
    for what in ("search", "match"):
        keys = [k for k in ref if k[0] == what and k in var]
        if not keys:
            continue
        kept = same_first = identical = 0.0
        for k in keys:
            r, v = ref[k][:10], var[k][:10]
            kept += len(set(r) & set(v)) / len(r) if r else (1.0 if not v else 0.0)
            same_first += 1 if r[:1] == v[:1] else 0
            identical += 1 if r == v else 0
        n = len(keys)
        print(f"| {what} | {n} | {kept / n:.3f} | {same_first / n:.3f} | {int(identical)} |")


if __name__ == "__main__":
    main()
