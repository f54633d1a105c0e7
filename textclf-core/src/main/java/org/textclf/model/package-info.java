/**
 * A classifier's model file: its sections through each branch's codec ({@link org.textclf.model.ModelCodec}) and
 * its provenance ({@link org.textclf.model.ModelInfo}), and what a file holds for a reader ({@link
 * org.textclf.model.ModelSummary}: settings, sizes, bytes per section). Knows no classifier, only a branch's fitted
 * model. Uses branch, config, io and data.
 */
package org.textclf.model;
