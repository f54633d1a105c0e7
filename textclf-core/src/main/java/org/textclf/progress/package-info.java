/**
 * Progress of a run as events, not drawings: {@link org.textclf.progress.ProgressListener} hears passes begin,
 * advance and end, and log lines; {@link org.textclf.progress.PassProgress} sends the passes over the data at Keras'
 * verbosity, with a total for every pass that can have one. The default listener prints plain lines; the command
 * line draws bars. Uses data.
 */
package org.textclf.progress;
