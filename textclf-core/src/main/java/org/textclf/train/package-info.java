/**
 * The fit loop, callbacks (EarlyStopping, ModelCheckpoint, CsvLogger, TerminateOnNaN), History and metric keys. Uses nn, batch, text, data.
 */
package org.textclf.train;
