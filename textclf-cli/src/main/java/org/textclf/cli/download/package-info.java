/**
 * {@code textclf download}: the catalog of corpora that can be fetched ({@link org.textclf.cli.download.Corpora},
 * each archive's published size and SHA-256), the resumable HTTP fetch into a {@code .part} file, the guarded
 * tar.gz unpacking, and the conversion into the layout {@code org.textclf.data.Datasets} reads ({@code
 * train.csv.gz}, {@code test.csv.gz}, {@code classes.txt}). Uses no core package: what it writes is plain files.
 */
package org.textclf.cli.download;
