package org.textclf.cli.download;

/** How a corpus' downloaded files become our layout ({@link Convert}). */
public enum Layout {
    /** Zhang et al.'s {@code NAME_csv.tgz}: one folder with {@code train.csv}, {@code test.csv}, maybe classes.txt. */
    ZHANG_ARCHIVE,
    /** Zhang et al.'s {@code train.csv} and {@code test.csv} as plain files. */
    ZHANG_FILES,
    /** Maas et al.'s {@code aclImdb_v1.tar.gz}: a folder per split and class, one review per file. */
    ACL_IMDB
}
