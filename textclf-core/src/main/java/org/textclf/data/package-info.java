/**
 * Reading labeled text as a stream: samples, sources for every supported format, labels and class names, named
 * datasets, bad-record handling. Uses nothing else in textclf.
 *
 * <p>Entry points: {@link org.textclf.data.Sources#open} (a file or folder in any {@link org.textclf.data.DataFormat},
 * detected or given in {@link org.textclf.data.SourceOptions}; {@link org.textclf.data.Sources#openOnce} and
 * {@link org.textclf.data.Sources#read} for one pass over a pipe or a stream, {@link org.textclf.data.Sources#lines}
 * for plain text), {@link org.textclf.data.Datasets#resolve} (dataset
 * names in {@code $TEXTCLF_DATA}) and {@link org.textclf.data.Labels}. Inside, every format reader extends
 * {@code RecordReader}, which applies the label rule ({@link org.textclf.data.Labels}' Javadoc, checked against the
 * {@code classes.txt} beside the file, {@code ClassesFile}) and the {@link org.textclf.data.BadRecordPolicy}, and
 * counts
 * {@link org.textclf.data.ReadStats}; bytes become text in {@code Utf8Input} (gzip by magic bytes, BOM, strict UTF-8
 * with the line of any undecodable byte), CSV is parsed by FastCSV with {@code QuoteCheck} watching for what
 * FastCSV accepts silently.
 */
package org.textclf.data;
