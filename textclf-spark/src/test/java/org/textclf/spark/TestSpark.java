package org.textclf.spark;

import org.apache.spark.sql.SparkSession;

/** The tests' one local Spark session shape: two threads, no UI, two shuffle partitions. One per test class. */
public final class TestSpark {
    private TestSpark() {
    }

    public static SparkSession session() {
        return SparkSession.builder().master("local[2]").appName("textclf-test")
                .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "2")
                .config("spark.driver.memory", "512m").getOrCreate();
    }
}
