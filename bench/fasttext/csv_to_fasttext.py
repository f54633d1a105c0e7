#!/usr/bin/python3
"""Converts the shared data's CSV to fastText's supervised format: `__label__ID text`, one example per line.

    /usr/bin/python3 bench/fasttext/csv_to_fasttext.py IN.csv[.gz] OUT.txt

The text is kept as it is (no lowercasing, no punctuation splitting: fastText's own tokenizer splits on
whitespace only); the text fields of a row are joined with a space, and line breaks and tabs inside a field become
spaces, because fastText reads one example per line. bench/peers runs this before its clock starts.
"""
import csv
import gzip
import sys


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: csv_to_fasttext.py IN.csv[.gz] OUT.txt")
    source, target = sys.argv[1], sys.argv[2]
    opener = gzip.open if source.endswith(".gz") else open
    count = 0
    with opener(source, "rt", encoding="utf-8", newline="") as f, open(target, "w", encoding="utf-8") as out:
        for line, row in enumerate(csv.reader(f), start=1):
            if len(row) < 2 or not row[0].strip().isdigit():
                sys.exit(f"{source}:{line}: bad record; expected a class id then text fields, found {row[:2]!r}")
            text = " ".join(" ".join(row[1:]).split())
            out.write(f"__label__{row[0].strip()} {text}\n")
            count += 1
    print(f"{source}: {count} examples -> {target}", file=sys.stderr)


if __name__ == "__main__":
    main()
