/**
 * The model file (magic, version, named sections, checksum; layout in {@link org.textclf.io.ModelFile}) and
 * atomic file writes ({@link org.textclf.io.AtomicFiles}) that checkpoints and plots reuse. The container knows
 * nothing of what its sections hold, so it uses only the JDK; the classes that fill the sections (text, nn) use it.
 */
package org.textclf.io;
