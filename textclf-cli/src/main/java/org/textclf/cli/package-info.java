/**
 * The {@code textclf} command line: {@link org.textclf.cli.Main} and one picocli command per file, the shared
 * {@link org.textclf.cli.DataOptions} mixin, the allowed range of every numeric option ({@link
 * org.textclf.cli.Ranges}, checked while parsing), one-line error reporting. Uses every core package; nothing in core uses
 * it.
 */
package org.textclf.cli;
