/**
 * The model file container (magic, version, named sections, checksum; layout in {@link org.textclf.io.ModelFile}),
 * atomic file writes ({@link org.textclf.io.AtomicFiles}) and temp files deleted at JVM exit
 * ({@link org.textclf.io.TempFiles}), and the share of the heap a large buffer may take by default
 * ({@link org.textclf.io.HeapShare}). The container knows nothing of what its sections hold, so it uses only the
 * JDK.
 */
package org.textclf.io;
