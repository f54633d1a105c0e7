package org.textclf.spark.fit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.textclf.data.Labels;
import org.textclf.data.Sample;

/** Rows as samples: the text columns joined, the label canonical, the row's place for messages. */
class RowSamplesTest {
    private static final StructType NEWS = new StructType().add("class", DataTypes.IntegerType)
            .add("title", DataTypes.StringType).add("description", DataTypes.StringType);

    @Test
    void joinsTheTextColumnsWithASpaceAndTakesIntegerLabels() {
        RowSamples samples = RowSamples.of("training data", NEWS, List.of("title", "description"), "class");
        List<Sample> list = samples.list(3, List.of(RowFactory.create(3, "Wall St.", "Bears claw back"),
                RowFactory.create(1, null, "no title")).iterator());
        assertThat(list).extracting(Sample::label).containsExactly("3", "1");
        assertThat(list).extracting(Sample::text).containsExactly("Wall St. Bears claw back", " no title");
        assertThat(list).extracting(Sample::line).containsExactly(1L, 2L);
    }

    @Test
    void aMissingColumnNamesTheColumnsThereAre() {
        assertThatThrownBy(() -> RowSamples.of("training data", NEWS, List.of("text"), "class"))
                .hasMessage("training data: no text column 'text'; its columns are class, title, description");
        assertThatThrownBy(() -> RowSamples.of("training data", NEWS, List.of("title"), "label"))
                .hasMessage("training data: no label column 'label'; its columns are class, title, description");
    }

    @Test
    void aLabelNotOfTheClassesIsABadRecordOfItsRow() {
        RowSamples samples = RowSamples.of("training data", NEWS, List.of("title"), "class")
                .checking(Labels.of(List.of("1", "2")));
        List<Row> rows = List.of(RowFactory.create(1, "a", ""), RowFactory.create(7, "b", ""));
        assertThatThrownBy(() -> samples.list(2, rows.iterator())).isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("training data partition 2:2: unknown label '7'; expected one of 1, 2");
    }
}
