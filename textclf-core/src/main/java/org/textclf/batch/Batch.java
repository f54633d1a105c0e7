package org.textclf.batch;

/** What every mini-batch type shares: rows, each with a class id (-1 where the sample has no label). */
public interface Batch {

    int rows();

    int[] labels();
}
