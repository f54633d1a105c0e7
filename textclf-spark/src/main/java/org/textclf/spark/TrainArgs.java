package org.textclf.spark;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.textclf.branch.Branches;
import org.textclf.spark.fit.TrainingScheme;
import org.textclf.spark.ml.TextClfClassifier;

/**
 * The driver's {@code train} command line: the data, the output and the train options, under the CLI's option
 * names ({@code textclf train --help}); an option not given keeps {@link TextClfClassifier}'s default.
 *
 * @param format {@code zhang} (headerless, class first), {@code csv} (a header names the columns) or {@code
 *     parquet}; empty: by the file's name and first line
 * @param textColumns empty: the format's own (zhang: every column after the first; csv, parquet: {@code text})
 * @param partitions 0: as Spark reads the files
 */
record TrainArgs(String train, Optional<String> validation, Optional<String> test, String output,
        Optional<String> format, List<String> textColumns, Optional<String> labelColumn, int partitions,
        TextClfClassifier estimator) {
    static final String USAGE = "usage: textclf-spark train --train PATH [--val PATH] [--test PATH] -o MODEL"
            + " [--format zhang|csv|parquet] [--text-column C]... [--label-column C] [--partitions N]"
            + " [--model auto|mlp|linear|sepcnn] [--epochs N] [--batch-size N] [--learning-rate X] [--patience N]"
            + " [--validation-fraction F] [--seed N] [--scheme gradient_averaging|parameter_averaging]"
            + " [--averaging-steps N] [--verbose 0|1|2]";

    /** Parses {@code train}'s arguments (the command word already taken). */
    static TrainArgs parse(List<String> args) throws UsageException {
        String train = null;
        String validation = null;
        String test = null;
        String output = null;
        String format = null;
        List<String> textColumns = new ArrayList<>();
        String labelColumn = null;
        int partitions = 0;
        TextClfClassifier estimator = new TextClfClassifier().setVerbose(2);
        for (int i = 0; i < args.size(); i++) {
            String option = args.get(i);
            if (option.equals("-h") || option.equals("--help")) {
                throw new UsageException("train on a Spark cluster, save a textclf model file");
            }
            if (i + 1 == args.size()) {
                throw new UsageException(option.startsWith("-") ? "option " + option + " needs a value"
                        : "unexpected argument '" + option + "'");
            }
            String value = args.get(++i);
            try {
                switch (option) {
                    case "--train" -> train = value;
                    case "--val" -> validation = value;
                    case "--test" -> test = value;
                    case "-o", "--output" -> output = value;
                    case "--format" -> format = oneOf(option, value, List.of("zhang", "csv", "parquet"));
                    case "--text-column" -> textColumns.add(value);
                    case "--label-column" -> labelColumn = value;
                    case "--partitions" -> partitions = atLeast(option, value, 1);
                    case "--model" -> estimator.setModel(oneOf(option, value, Branches.names()));
                    case "--epochs" -> estimator.setEpochs(atLeast(option, value, 1));
                    case "--batch-size" -> estimator.setBatchSize(atLeast(option, value, 0));
                    case "--learning-rate" -> estimator.setLearningRate(number(option, value));
                    case "--patience" -> estimator.setPatience(atLeast(option, value, 0));
                    case "--validation-fraction" -> estimator.setValidationFraction(number(option, value));
                    case "--seed" -> estimator.setSeed(longValue(option, value));
                    case "--scheme" -> estimator.setTrainingScheme(oneOf(option, value.toLowerCase(Locale.ROOT),
                            TrainingScheme.paramNames()));
                    case "--averaging-steps" -> estimator.setAveragingSteps(atLeast(option, value, 1));
                    case "--verbose" -> estimator.setVerbose(atLeast(option, value, 0));
                    default -> throw new UsageException("unknown option '" + option + "'");
                }
            } catch (IllegalArgumentException e) { // a param's validator: the value is out of its range
                throw new UsageException("invalid value for option '" + option + "': found " + value + "; "
                        + estimator.explainParam(estimator.getParam(paramName(option))));
            }
        }
        if (train == null) {
            throw new UsageException("missing --train PATH");
        }
        if (output == null) {
            throw new UsageException("missing -o MODEL (where the model file goes)");
        }
        return new TrainArgs(train, Optional.ofNullable(validation), Optional.ofNullable(test), output,
                Optional.ofNullable(format), List.copyOf(textColumns), Optional.ofNullable(labelColumn), partitions,
                estimator);
    }

    private static String paramName(String option) {
        return switch (option) {
            case "--scheme" -> "trainingScheme";
            case "--validation-fraction" -> "validationFraction";
            default -> {
                String[] words = option.substring(2).split("-");
                StringBuilder s = new StringBuilder(words[0]);
                for (int i = 1; i < words.length; i++) {
                    s.append(Character.toUpperCase(words[i].charAt(0))).append(words[i].substring(1));
                }
                yield s.toString();
            }
        };
    }

    private static String oneOf(String option, String value, List<String> allowed) throws UsageException {
        if (!allowed.contains(value)) {
            throw new UsageException("invalid value for option '" + option + "': expected one of "
                    + String.join(", ", allowed) + ", found " + value);
        }
        return value;
    }

    private static int atLeast(String option, String value, int min) throws UsageException {
        try {
            int n = Integer.parseInt(value);
            if (n >= min) {
                return n;
            }
        } catch (NumberFormatException e) {
            // the message below
        }
        throw new UsageException("invalid value for option '" + option + "': expected an integer of at least "
                + min + ", found " + value);
    }

    private static long longValue(String option, String value) throws UsageException {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new UsageException("invalid value for option '" + option + "': expected an integer, found "
                    + value);
        }
    }

    private static double number(String option, String value) throws UsageException {
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new UsageException("invalid value for option '" + option + "': expected a number, found " + value);
        }
    }
}
