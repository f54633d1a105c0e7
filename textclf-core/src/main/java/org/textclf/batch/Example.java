package org.textclf.batch;

/**
 * One vectorized sample: its class id and its features as (index, value) pairs, or a token sequence as indices
 * alone (values null). The unit the example cache stores and reshuffles.
 */
public record Example(int label, int[] indices, float[] values) {

    public Example {
        if (values != null && values.length != indices.length) {
            throw new IllegalArgumentException("expected as many values as indices, found " + values.length + " and "
                    + indices.length);
        }
    }
}
