#!/usr/bin/python3
"""Regenerates the golden IMDB feature selection that NgramVectorizerIT compares against.

Run from the repository root (needs scikit-learn: `apt-get install -y python3-sklearn`, then the system python):

    TEXTCLF_DATA=/work/shared/data /usr/bin/python3 bench/sklearn/golden_imdb_features.py

It fits the guide's `ngram_vectorize` on IMDB train: TfidfVectorizer(ngram_range=(1, 2), strip_accents='unicode',
decode_error='replace', analyzer='word', min_df=2, dtype=float32), then SelectKBest(f_classif, k=min(20000,
n_features)) on the training tf-idf matrix and labels, and writes the selected feature names, sorted, one per line,
gzip-compressed, to textclf-core/src/test/resources/golden/imdb_train_top20000.txt.gz. Timings and counts go to
stderr (the fit time is the number to compare with ours).
"""
import csv
import gzip
import os
import sys
import time

import numpy as np
import sklearn
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.feature_selection import SelectKBest, f_classif

TOP_K = 20000
OUT = "textclf-core/src/test/resources/golden/imdb_train_top20000.txt.gz"


def main():
    data = os.environ.get("TEXTCLF_DATA")
    if not data:
        sys.exit("set TEXTCLF_DATA to the folder holding imdb/train.csv.gz")
    path = os.path.join(data, "imdb", "train.csv.gz")
    texts, labels = [], []
    with gzip.open(path, "rt", encoding="utf-8", newline="") as f:
        for row in csv.reader(f):
            labels.append(int(row[0]))
            texts.append(row[1])

    start = time.perf_counter()
    vectorizer = TfidfVectorizer(ngram_range=(1, 2), strip_accents="unicode", decode_error="replace",
                                 analyzer="word", min_df=2, dtype=np.float32)
    x = vectorizer.fit_transform(texts)
    selector = SelectKBest(f_classif, k=min(TOP_K, x.shape[1]))
    selector.fit(x, labels)
    seconds = time.perf_counter() - start

    names = vectorizer.get_feature_names_out()[selector.get_support()]
    scores = selector.scores_[selector.get_support()]
    # mtime=0 so that regenerating an unchanged selection gives a byte-identical file.
    with open(OUT, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as out:
        out.write("".join(name + "\n" for name in sorted(names)).encode("utf-8"))
    print(f"scikit-learn {sklearn.__version__}: {len(texts)} documents, "
          f"{len(vectorizer.vocabulary_) + len(vectorizer.stop_words_)} distinct n-grams, "
          f"{x.shape[1]} with df >= 2, selected {len(names)} (lowest F {scores.min():.6g}); "
          f"fit {seconds:.1f} s; wrote {OUT}", file=sys.stderr)


if __name__ == "__main__":
    main()
