package org.textclf.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

/** That the module's test JVM can run a local[2] Spark session at all (the add-opens, the provided jars). */
class LocalSparkTest {
    @Test
    void localSessionCountsAndReduces() {
        SparkSession spark = SparkSession.builder().master("local[2]").appName("textclf-test")
                .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "2").getOrCreate();
        try {
            Dataset<String> words = spark.createDataset(List.of("a", "bb", "ccc", "dddd"), Encoders.STRING());
            assertThat(words.javaRDD().map(String::length).reduce(Integer::sum)).isEqualTo(10);
        } finally {
            spark.stop();
        }
    }
}
