package org.textclf.spark.fit;

import java.io.PrintWriter;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.textclf.config.TrainOptions;
import org.textclf.data.Labels;
import org.textclf.progress.ProgressListener;

/**
 * What {@link SparkFit#fit} trains from: a DataFrame of training rows (and, optionally, one of validation rows), the
 * text and label columns, the classes, core's train options, the training scheme and where progress goes. Built by
 * {@link #builder}; immutable.
 */
public final class SparkFitRequest {
    /** Steps between two averagings in {@link TrainingScheme#PARAMETER_AVERAGING} unless said otherwise. */
    public static final int DEFAULT_AVERAGING_STEPS = 8;

    private final Dataset<Row> train;
    private final Dataset<Row> validation;
    private final List<String> textColumns;
    private final String labelColumn;
    private final Labels labels;
    private final TrainOptions options;
    private final TrainingScheme scheme;
    private final int averagingSteps;
    private final ProgressListener progress;

    private SparkFitRequest(Builder b) {
        this.train = b.train;
        this.validation = b.validation;
        this.textColumns = b.textColumns;
        this.labelColumn = b.labelColumn;
        this.labels = b.labels;
        this.options = b.options;
        this.scheme = b.scheme;
        this.averagingSteps = b.averagingSteps;
        this.progress = b.progress;
    }

    /** A request to train on {@code train}, its text in column {@code text} and its label in {@code label}. */
    public static Builder builder(Dataset<Row> train) {
        return new Builder(train);
    }

    public Dataset<Row> train() {
        return train;
    }

    /**
     * Validation rows; when empty, {@code options().fit().validationFraction()} of each class of {@link #train()}
     * is held out, by the seeded hash of the text, exactly as the local fit holds it out.
     */
    public Optional<Dataset<Row>> validation() {
        return Optional.ofNullable(validation);
    }

    /** The columns whose values, joined with a space, are a row's text (AG News: title and description). */
    public List<String> textColumns() {
        return textColumns;
    }

    /** The column of the labels: strings or integers. */
    public String labelColumn() {
        return labelColumn;
    }

    /** The classes (their order and names); when empty, collected from the training rows and sorted as locally. */
    public Optional<Labels> labels() {
        return Optional.ofNullable(labels);
    }

    public TrainOptions options() {
        return options;
    }

    public TrainingScheme scheme() {
        return scheme;
    }

    /** See {@link TrainingScheme#PARAMETER_AVERAGING}. */
    public int averagingSteps() {
        return averagingSteps;
    }

    /** Where the passes', epochs' and stage times' lines go, at the options' verbosity. */
    public ProgressListener progress() {
        return progress;
    }

    /** Sets the parts of a {@link SparkFitRequest}; only the training rows are required. */
    public static final class Builder {
        private final Dataset<Row> train;
        private Dataset<Row> validation;
        private List<String> textColumns = List.of("text");
        private String labelColumn = "label";
        private Labels labels;
        private TrainOptions options = TrainOptions.DEFAULTS;
        private TrainingScheme scheme = TrainingScheme.DEFAULT;
        private int averagingSteps = DEFAULT_AVERAGING_STEPS;
        private ProgressListener progress = ProgressListener.lines(new PrintWriter(System.err, true));

        private Builder(Dataset<Row> train) {
            this.train = Objects.requireNonNull(train, "train");
        }

        public Builder validation(Dataset<Row> validation) {
            this.validation = Objects.requireNonNull(validation, "validation");
            return this;
        }

        public Builder textColumns(List<String> columns) {
            if (columns.isEmpty()) {
                throw new IllegalArgumentException("expected at least one text column, found none");
            }
            this.textColumns = List.copyOf(columns);
            return this;
        }

        public Builder textColumn(String column) {
            return textColumns(List.of(column));
        }

        public Builder labelColumn(String column) {
            this.labelColumn = Objects.requireNonNull(column, "labelColumn");
            return this;
        }

        public Builder labels(Labels labels) {
            this.labels = Objects.requireNonNull(labels, "labels");
            return this;
        }

        public Builder options(TrainOptions options) {
            this.options = Objects.requireNonNull(options, "options");
            return this;
        }

        public Builder scheme(TrainingScheme scheme) {
            this.scheme = Objects.requireNonNull(scheme, "scheme");
            return this;
        }

        public Builder averagingSteps(int steps) {
            if (steps < 1) {
                throw new IllegalArgumentException("averagingSteps must be at least 1, found " + steps);
            }
            this.averagingSteps = steps;
            return this;
        }

        public Builder progress(ProgressListener progress) {
            this.progress = Objects.requireNonNull(progress, "progress");
            return this;
        }

        public SparkFitRequest build() {
            return new SparkFitRequest(this);
        }
    }
}
