#!/usr/bin/python3
"""The text-classification guide's n-gram pipeline in scikit-learn: the peer that bench/peers times textclf against.

    /usr/bin/python3 bench/sklearn/guide_pipeline.py --model logreg TRAIN.csv[.gz] TEST.csv[.gz]
    /usr/bin/python3 bench/sklearn/guide_pipeline.py --model mlp    TRAIN.csv[.gz] TEST.csv[.gz]

Needs `apt-get install -y python3-sklearn` and the system python (/usr/bin/python3), not a pyenv one.

Input: the shared data's CSV (no header, class id first, then one or more text fields, which are joined with a
space, as textclf does for AG News' title and description). Steps, as in the guide's `ngram_vectorize`:
TfidfVectorizer(ngram_range=(1, 2), strip_accents='unicode', decode_error='replace', analyzer='word', min_df=2,
dtype=float32) fitted on the training texts, SelectKBest(f_classif, k=min(20000, n_features)) fitted on the
training matrix, then
  logreg: LogisticRegression (lbfgs, C=1, max_iter=1000) on the whole training split;
  mlp:    the guide's `mlp_model` (layers=2, units=64, Adam lr=1e-3, batch 128, EarlyStopping patience 2) as
          MLPClassifier(hidden_layer_sizes=(64,), early_stopping=True, validation_fraction=0.2, ...).
          MLPClassifier has no dropout (the guide uses 0.2): its default L2 penalty alpha=1e-4 stands in for it.
          Its early stopping watches validation accuracy, not validation loss, and keeps the best weights.
          The 20% it holds out is drawn from the already-vectorized training matrix, so unlike the guide the
          vectorizer has seen those texts (it never sees the test split).

Prints ONE JSON object on stdout, with the keys textclf's `train --json` prints (test_accuracy, test_loss,
best_epoch, seconds) and a few more; `seconds` runs from opening the training CSV to the test accuracy.
"""
import argparse
import csv
import gzip
import json
import sys
import time
import warnings

START = time.perf_counter()  # before the sklearn imports: the clock covers everything but interpreter start-up

import numpy as np  # noqa: E402
import sklearn  # noqa: E402
from sklearn.exceptions import ConvergenceWarning  # noqa: E402
from sklearn.feature_extraction.text import TfidfVectorizer  # noqa: E402
from sklearn.feature_selection import SelectKBest, f_classif  # noqa: E402
from sklearn.linear_model import LogisticRegression  # noqa: E402
from sklearn.metrics import accuracy_score, log_loss  # noqa: E402
from sklearn.neural_network import MLPClassifier  # noqa: E402

TOP_K = 20000
SEED = 0


def read_csv(path):
    """Returns (texts, labels) from a header-less CSV whose first field is the class id."""
    opener = gzip.open if path.endswith(".gz") else open
    texts, labels = [], []
    with opener(path, "rt", encoding="utf-8", newline="") as f:
        for line, row in enumerate(csv.reader(f), start=1):
            if len(row) < 2:
                sys.exit(f"{path}:{line}: too few fields; expected a class id and a text, found {len(row)} field(s)")
            try:
                labels.append(int(row[0]))
            except ValueError:
                sys.exit(f"{path}:{line}: class id is not an integer; expected e.g. 1, found {row[0]!r}")
            texts.append(" ".join(row[1:]))
    return texts, np.asarray(labels)


def build_model(name):
    if name == "logreg":
        return LogisticRegression(C=1.0, solver="lbfgs", max_iter=1000, random_state=SEED)
    # The guide's mlp_model(layers=2, units=64, dropout_rate=0.2) trained with Adam(1e-3), batch_size=128,
    # epochs=1000 and EarlyStopping(patience=2), as far as MLPClassifier can express it (see module docstring).
    return MLPClassifier(hidden_layer_sizes=(64,), activation="relu", solver="adam", learning_rate_init=1e-3,
                         batch_size=128, max_iter=1000, early_stopping=True, validation_fraction=0.2,
                         n_iter_no_change=2, alpha=1e-4, shuffle=True, random_state=SEED)


def best_epoch(model):
    if isinstance(model, MLPClassifier):
        return int(np.argmax(model.validation_scores_)) + 1
    return int(np.max(model.n_iter_))  # lbfgs iterations: the nearest thing a linear model has


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--model", choices=["logreg", "mlp"], required=True)
    parser.add_argument("train")
    parser.add_argument("test")
    args = parser.parse_args()

    train_texts, train_labels = read_csv(args.train)
    test_texts, test_labels = read_csv(args.test)
    read_seconds = time.perf_counter() - START

    vectorizer = TfidfVectorizer(ngram_range=(1, 2), strip_accents="unicode", decode_error="replace",
                                 analyzer="word", min_df=2, dtype=np.float32)
    x_train = vectorizer.fit_transform(train_texts)
    selector = SelectKBest(f_classif, k=min(TOP_K, x_train.shape[1]))
    x_train = selector.fit_transform(x_train, train_labels)
    x_test = selector.transform(vectorizer.transform(test_texts))
    vectorize_seconds = time.perf_counter() - START - read_seconds

    model = build_model(args.model)
    with warnings.catch_warnings():
        # Reported in the JSON (converged=false) rather than as a warning lost in stderr.
        warnings.simplefilter("ignore", ConvergenceWarning)
        model.fit(x_train, train_labels)
    probabilities = model.predict_proba(x_test)
    predicted = model.classes_[np.argmax(probabilities, axis=1)]
    accuracy = accuracy_score(test_labels, predicted)
    loss = log_loss(test_labels, probabilities, labels=model.classes_)
    seconds = time.perf_counter() - START
    iterations = int(np.max(model.n_iter_))
    print(json.dumps({
        "tool": f"scikit-learn {sklearn.__version__} {args.model}",
        "test_accuracy": round(float(accuracy), 6),
        "test_loss": round(float(loss), 6),
        "best_epoch": best_epoch(model),
        "epochs": iterations,
        "converged": iterations < model.max_iter,
        "seconds": round(seconds, 3),
        "read_seconds": round(read_seconds, 3),
        "vectorize_seconds": round(vectorize_seconds, 3),
        "train_examples": int(x_train.shape[0]),
        "test_examples": int(x_test.shape[0]),
        "features": int(x_train.shape[1]),
    }))


if __name__ == "__main__":
    main()
