package org.textclf.spark.fit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * A small labelled corpus the tests build: each class has its own words among shared ones, so that a model learns
 * it in an epoch or two, and as a CSV for the local fit to compare with.
 */
final class Corpus {
    static final StructType SCHEMA = new StructType().add("label", DataTypes.StringType)
            .add("text", DataTypes.StringType);

    final List<String[]> rows = new ArrayList<>();

    /** {@code perClass} documents of each of {@code classes} classes, interleaved, from {@code seed}. */
    static Corpus of(int classes, int perClass, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        Corpus c = new Corpus();
        for (int i = 0; i < perClass; i++) {
            for (int k = 0; k < classes; k++) {
                StringBuilder text = new StringBuilder();
                int words = 8 + r.nextInt(20);
                for (int w = 0; w < words; w++) {
                    if (w > 0) {
                        text.append(' ');
                    }
                    // a third of the words tell the class, the rest are shared by all classes
                    text.append(r.nextInt(3) == 0 ? "c" + k + "w" + r.nextInt(30) : "s" + r.nextInt(200));
                }
                c.rows.add(new String[] {"class" + k, text.toString()});
            }
        }
        return c;
    }

    /**
     * Texts of one word (three in five) to three: a median of one word, so that {@code auto}'s S/W is the training
     * samples' count and picks the sequence model above 1,500.
     */
    static Corpus shortTexts(int classes, int perClass, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        Corpus c = new Corpus();
        for (int i = 0; i < perClass; i++) {
            for (int k = 0; k < classes; k++) {
                int words = r.nextInt(5) < 3 ? 1 : 2 + r.nextInt(2);
                StringBuilder text = new StringBuilder();
                for (int w = 0; w < words; w++) {
                    text.append(w > 0 ? " " : "").append(r.nextInt(2) == 0 ? "c" + k + "w" + r.nextInt(20)
                            : "s" + r.nextInt(50));
                }
                c.rows.add(new String[] {"class" + k, text.toString()});
            }
        }
        return c;
    }

    /** A frame of {@code (label, text)} rows: {@code null} for either is a null value. */
    static Dataset<Row> frame(SparkSession spark, List<String[]> rows, int partitions) {
        Corpus c = new Corpus();
        c.rows.addAll(rows);
        return c.frame(spark, partitions);
    }

    Dataset<Row> frame(SparkSession spark, int partitions) {
        List<Row> list = new ArrayList<>();
        for (String[] r : rows) {
            list.add(RowFactory.create(r[0], r[1]));
        }
        return spark.createDataFrame(JavaSparkContext.fromSparkContext(spark.sparkContext()).parallelize(list,
                partitions), SCHEMA);
    }

    /** The rows in order as a CSV with a {@code label,text} header. */
    Path csv(Path folder, String name) throws IOException {
        StringBuilder out = new StringBuilder("label,text\n");
        for (String[] r : rows) {
            out.append(r[0]).append(',').append(r[1]).append('\n');
        }
        return Files.writeString(folder.resolve(name), out, StandardCharsets.UTF_8);
    }

    static SparkSession session(String master) {
        return SparkSession.builder().master(master).appName("textclf-spark-fit-test")
                .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "2")
                .config("spark.driver.memory", "512m").getOrCreate();
    }
}
