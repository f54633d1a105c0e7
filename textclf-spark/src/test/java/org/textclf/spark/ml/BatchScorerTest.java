package org.textclf.spark.ml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.junit.jupiter.api.Test;
import org.textclf.api.Prediction;
import org.textclf.api.Predictor;
import org.textclf.model.ModelInfo;

class BatchScorerTest {

    /** Predicts class 1 for texts containing "b", records every call's size. */
    private static final class CountingPredictor implements Predictor {
        final List<Integer> calls = new ArrayList<>();

        @Override
        public List<Prediction> predict(List<String> texts) {
            calls.add(texts.size());
            List<Prediction> out = new ArrayList<>();
            for (String t : texts) {
                boolean b = t.contains("b");
                out.add(new Prediction(b ? 1 : 0, b ? "B" : "A", new float[] {b ? 0.25f : 0.75f, b ? 0.75f : 0.25f},
                        List.of("A", "B")));
            }
            return out;
        }

        @Override
        public List<String> classNames() {
            return List.of("A", "B");
        }

        @Override
        public ModelInfo info() {
            throw new UnsupportedOperationException();
        }
    }

    /** An iterator over {@code n} rows (id, text) that counts how many were pulled. */
    private static final class Rows implements Iterator<Row> {
        final int n;
        int pulled;

        Rows(int n) {
            this.n = n;
        }

        @Override
        public boolean hasNext() {
            return pulled < n;
        }

        @Override
        public Row next() {
            pulled++;
            return RowFactory.create(pulled, pulled % 2 == 0 ? "b text" : "a text", "tail");
        }
    }

    @Test
    void partition_isScoredInBatchesOfBatchSize_lazily() {
        CountingPredictor p = new CountingPredictor();
        Rows rows = new Rows(10);
        BatchScorer scorer = new BatchScorer(rows, p, new int[] {1}, new String[] {"text"}, 4, new double[] {0, 1});
        Row first = scorer.next();
        assertThat(rows.pulled).isEqualTo(4);
        assertThat(p.calls).containsExactly(4);
        int n = 1;
        while (scorer.hasNext()) {
            scorer.next();
            n++;
        }
        assertThat(n).isEqualTo(10);
        assertThat(p.calls).containsExactly(4, 4, 2);
        assertThat(first.length()).isEqualTo(6);
        assertThat(first.getInt(0)).isEqualTo(1);
        assertThat(first.getDouble(3)).isEqualTo(0.0);
        assertThat(((Vector) first.get(4)).toArray()).containsExactly(0.75, 0.25);
        assertThat(first.getString(5)).isEqualTo("A");
    }

    @Test
    void severalTextColumns_areJoinedWithASpace() {
        CountingPredictor p = new CountingPredictor();
        List<Row> in = List.of(RowFactory.create("x", "b"));
        Row out = new BatchScorer(in.iterator(), p, new int[] {0, 1}, new String[] {"t", "d"}, 8,
                new double[] {7, 9}).next();
        assertThat(out.getString(4)).isEqualTo("B");
        assertThat(out.getDouble(2)).isEqualTo(9.0);
    }

    @Test
    void nullText_failsNamingTheColumn() {
        List<Row> in = List.of(RowFactory.create(1, null));
        BatchScorer scorer = new BatchScorer(in.iterator(), new CountingPredictor(), new int[] {1},
                new String[] {"review"}, 8, new double[] {0, 1});
        assertThatThrownBy(scorer::next).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("text column 'review' is null in a row; filter or fill nulls before scoring"
                        + " (e.g. df.na().fill(\"\"))");
    }

    @Test
    void predictionValues_areTheLabelsWhenAllAreNumbers_elseTheClassIndex() {
        assertThat(BatchScorer.predictionValues(List.of("1", "2", "4"))).containsExactly(1, 2, 4);
        assertThat(BatchScorer.predictionValues(List.of("0", "1"))).containsExactly(0, 1);
        assertThat(BatchScorer.predictionValues(List.of("neg", "pos"))).containsExactly(0, 1);
        assertThat(BatchScorer.predictionValues(List.of("1", "x"))).containsExactly(0, 1);
    }
}
