/**
 * The fit loop, callbacks (EarlyStopping, ModelCheckpoint, BackupAndRestore, CsvLogger, TerminateOnNaN), History,
 * metric keys, and the training Checkpoint that resumes a run. Uses nn, batch, text, data.
 */
package org.textclf.train;
