#!/usr/bin/python3
"""Rewrites the README's peers tables from a table that `bench/peers --save` wrote.

    /usr/bin/python3 bench/peers_readme.py RESULTS_FILE [README]     (README: the repository's README.md)

The README holds two blocks, each between a line starting `<!-- peers-table:start` (or `peers-accuracy:start`) and
one starting `<!-- peers-table:end` (`peers-accuracy:end`): the whole table (every tool on every dataset, under
descriptive names, each dataset's best accuracy in bold, textclf's time and peak RSS over each peer's) and the
accuracy summary (textclf's defaults against the best peer of each dataset). What lies between the markers is
replaced; the rest of the README is kept. The results file must hold one run of every tool of bench/peers' default set
(opennlp-gis, run only when named, is left out) on every dataset with no failed run: the README's figures come from one run. Exit 1 with one line `peers_readme: FILE: what is wrong` if not.
"""
import os
import re
import sys

DATASETS = {"imdb": "IMDB", "ag_news": "AG News (12,000 training rows)", "sst2": "SST-2 (dev)"}
TOOLS = {
    "textclf": "textclf, defaults (`auto`)",
    "textclf-linear": "textclf `--model linear`",
    "fasttext": "fastText `-wordNgrams 2 -epoch 5`",
    "fasttext-best": "fastText `-wordNgrams 2 -epoch 5 -lr 0.5 -dim 10 -bucket 2000000`",
    "sklearn-logreg": "scikit-learn, guide's pipeline + logistic regression",
    "sklearn-mlp": "scikit-learn, guide's pipeline + MLP",
    "opennlp": "OpenNLP doccat, bag of words + bigrams, maxent (L-BFGS)",
    "tribuo": "Tribuo, bigram tf-idf + LibLinear logistic regression",
}


class Problem(Exception):
    pass


def read_results(path):
    """The run's date, commit, load averages and its rows {(dataset, tool): (wall, rss, accuracy)}."""
    with open(path, encoding="utf-8") as f:
        text = f.read()
    date = re.search(r"^# textclf vs peers, (\S+)", text, re.M)
    load = re.search(r"load average ([\d. ]+) before, ([\d. ]+) after", text)
    commit = re.search(r"^Versions: textclf (\S+),", text, re.M)
    if not (date and load and commit):
        raise Problem(f"{path}: not a table of bench/peers --save (no '# textclf vs peers', load or Versions line)")
    rows = {}
    for line in text.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) >= 5 and cells[0] in DATASETS and cells[1] in TOOLS:
            if cells[4] == "failed":
                raise Problem(f"{path}: {cells[0]} / {cells[1]} failed; the README's tables need a run without failures")
            rows[(cells[0], cells[1])] = (float(cells[2]), float(cells[3]), float(cells[4]))
    missing = [f"{d} / {t}" for d in DATASETS for t in TOOLS if (d, t) not in rows]
    if missing:
        raise Problem(f"{path}: no row for {', '.join(missing)}; the README's tables are one run of every tool on "
                      "every dataset (bench/peers --save with no --tools and no dataset)")
    return date.group(1), commit.group(1), load.group(1).strip(), load.group(2).strip(), rows


def full_table(rows, link, date, commit, before, after):
    lines = [f"Measured {date} by `bench/peers --save` (every tool on every dataset, one after another; textclf "
             f"{commit}; load average {before} before, {after} after; [`{os.path.basename(link)}`]({link})):", "",
             "| dataset | tool | wall s | peak RSS MB | test accuracy | textclf time / peer's | textclf RSS / peer's |",
             "|---|---|---:|---:|---:|---:|---:|"]
    for d, dname in DATASETS.items():
        best = max(rows[(d, t)][2] for t in TOOLS)
        t_wall, t_rss, _ = rows[(d, "textclf")]
        for t, tname in TOOLS.items():
            wall, rss, acc = rows[(d, t)]
            a = f"{acc:.4f}"
            if acc == best:
                a = f"**{a}**"
            ratios = ("–", "–") if t == "textclf" else (f"{t_wall / wall:.2f}", f"{t_rss / rss:.2f}")
            lines.append(f"| {dname} | {tname} | {wall:g} | {rss:g} | {a} | {ratios[0]} | {ratios[1]} |")
    return lines


def accuracy_table(rows, date):
    lines = [f"From the same run ({date}): textclf's defaults against the most accurate peer of each dataset.", "",
             "| dataset | textclf, defaults | best peer | its accuracy | textclf − best peer, points | "
             "textclf time / its time |",
             "|---|---:|---|---:|---:|---:|"]
    for d, dname in DATASETS.items():
        peers = [t for t in TOOLS if not t.startswith("textclf")]
        best = max(peers, key=lambda t: rows[(d, t)][2])
        wall, _, acc = rows[(d, "textclf")]
        b_wall, _, b_acc = rows[(d, best)]
        lines.append(f"| {dname} | {acc:.4f} | {TOOLS[best]} | {b_acc:.4f} | {100 * (acc - b_acc):+.2f} | "
                     f"{wall / b_wall:.2f} |")
    return lines


def replace_block(readme_lines, name, block, readme):
    start = next((i for i, l in enumerate(readme_lines) if l.startswith(f"<!-- {name}:start")), None)
    end = next((i for i, l in enumerate(readme_lines) if l.startswith(f"<!-- {name}:end")), None)
    if start is None or end is None or end < start:
        raise Problem(f"{readme}: no '<!-- {name}:start ...' line followed by a '<!-- {name}:end ...' line")
    return readme_lines[:start + 1] + block + readme_lines[end:]


def main(argv):
    if len(argv) not in (2, 3):
        print("usage: peers_readme.py RESULTS_FILE [README]", file=sys.stderr)
        return 2
    results = argv[1]
    readme = argv[2] if len(argv) == 3 else os.path.join(os.path.dirname(os.path.abspath(__file__)), "..",
                                                           "README.md")
    try:
        date, commit, before, after, rows = read_results(results)
        with open(readme, encoding="utf-8") as f:
            lines = f.read().split("\n")
        link = os.path.relpath(os.path.abspath(results), os.path.dirname(os.path.abspath(readme)))
        lines = replace_block(lines, "peers-table", full_table(rows, link, date, commit, before, after), readme)
        lines = replace_block(lines, "peers-accuracy", accuracy_table(rows, date), readme)
    except OSError as e:
        print(f"peers_readme: {e.filename}: {e.strerror}", file=sys.stderr)
        return 1
    except Problem as e:
        print(f"peers_readme: {e}", file=sys.stderr)
        return 1
    tmp = readme + ".tmp"
    with open(tmp, "w", encoding="utf-8") as f:
        f.write("\n".join(lines))
    os.replace(tmp, readme)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
