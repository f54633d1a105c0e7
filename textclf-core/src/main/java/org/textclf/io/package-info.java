/**
 * The model file container (magic, version, named sections, checksum; layout in {@link org.textclf.io.ModelFile}),
 * atomic file writes ({@link org.textclf.io.AtomicFiles}), temp files deleted at JVM exit or, after a kill, by a
 * later run ({@link org.textclf.io.TempFiles}), streams whose failures name their file
 * ({@link org.textclf.io.NamedOutputStream}), a folder held by one run at a time
 * ({@link org.textclf.io.FolderLock}) and the share of the heap a large buffer may take by default
 * ({@link org.textclf.io.HeapShare}). The container knows nothing of what its sections hold, so it uses only the
 * JDK.
 */
package org.textclf.io;
