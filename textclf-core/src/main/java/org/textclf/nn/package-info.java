/**
 * The numerical core: layers, losses, optimizers, per-thread workspaces, all on primitive arrays. Uses batch only for its input types.
 */
package org.textclf.nn;
