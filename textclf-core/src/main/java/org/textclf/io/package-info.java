/**
 * The model file (magic, version, sections, checksum) and atomic file writes. Uses text, nn, data.
 */
package org.textclf.io;
