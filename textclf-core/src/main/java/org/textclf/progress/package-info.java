/** Progress bars and log lines of the passes over the data before and between epochs. Uses data. */
package org.textclf.progress;
