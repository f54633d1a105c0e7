#!/usr/bin/python3
"""Converts the shared data's CSV to fastText's supervised format: `__label__ID text`, one example per line.

    /usr/bin/python3 bench/fasttext/csv_to_fasttext.py IN.csv[.gz] OUT.txt

The text fields of a row are joined with a space, then normalised as fastText's own classification examples do
(`normalize_text` in fastText's classification-example.sh, which prepares its AG News, DBpedia and other Zhang CSVs
for `fasttext supervised`): lowercase; `'` becomes ` ' `; `"` is removed; `.` `,` `(` `)` `!` `?` are split off as
tokens of their own; `<br />`, `;` and `:` become spaces; runs of whitespace (line breaks and tabs included) become
one space. fastText's tokenizer splits on whitespace only, so without this `great.`, `Great` and `great` would be
three different words to it. (The script also shuffles the training lines; the shared training files are already
in random class order.) bench/peers runs this before its clock starts.
"""
import csv
import gzip
import sys

# The sed substitutions of fastText's normalize_text, in its order (the input is already lowercased).
SUBSTITUTIONS = [("'", " ' "), ('"', ""), (".", " . "), ("<br />", " "), (",", " , "), ("(", " ( "),
                 (")", " ) "), ("!", " ! "), ("?", " ? "), (";", " "), (":", " ")]


def normalize(text):
    text = text.lower()
    for old, new in SUBSTITUTIONS:
        text = text.replace(old, new)
    return " ".join(text.split())


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
            out.write(f"__label__{row[0].strip()} {normalize(' '.join(row[1:]))}\n")
            count += 1
    print(f"{source}: {count} examples -> {target}", file=sys.stderr)


if __name__ == "__main__":
    main()
