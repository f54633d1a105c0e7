/**
 * The fit loop, callbacks (EarlyStopping, ModelCheckpoint, BackupAndRestore, CsvLogger, TerminateOnNaN), History,
 * metric keys, and the training Checkpoint that resumes a run. Uses nn, and progress for where the epochs' progress goes.
 */
package org.textclf.train;
