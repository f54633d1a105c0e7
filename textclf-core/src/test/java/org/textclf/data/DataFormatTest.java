package org.textclf.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class DataFormatTest {

    @Test
    void parse_cliSpellings_ignoringCase() {
        assertThat(DataFormat.parse("zhang-csv")).isEqualTo(DataFormat.ZHANG_CSV);
        assertThat(DataFormat.parse("ZHANG_CSV")).isEqualTo(DataFormat.ZHANG_CSV);
        assertThat(DataFormat.parse("FastText")).isEqualTo(DataFormat.FASTTEXT);
        for (DataFormat f : DataFormat.values()) {
            assertThat(DataFormat.parse(f.cliName())).isEqualTo(f);
        }
    }

    @Test
    void parse_unknown_throwsListingTheChoices() {
        assertThatThrownBy(() -> DataFormat.parse("xml")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown data format 'xml'; expected one of zhang-csv, csv, tsv, fasttext, jsonl, folder");
    }

    @Test
    void sourceOptions_builder_roundTripsAndDefaults() {
        SourceOptions options = SourceOptions.builder().format(DataFormat.CSV).textColumn("title")
                .textColumn("body").labelColumn("y").onBadRecord(BadRecordPolicy.SKIP).build();

        assertThat(options.toBuilder().build()).isEqualTo(options);
        assertThat(options.textColumns()).containsExactly("title", "body");
        assertThat(SourceOptions.builder().build()).isEqualTo(SourceOptions.DEFAULTS);
        assertThat(SourceOptions.DEFAULTS.onBadRecord()).isEqualTo(BadRecordPolicy.FAIL);
        assertThat(new SourceOptions(null, null, null, null, SourceOptions.DEFAULT_MAX_RECORD_BYTES, null)
                .textColumns()).isEqualTo(List.of());
    }

    @Test
    void sourceOptions_blankColumnName_throws() {
        assertThatThrownBy(() -> SourceOptions.builder().textColumn(" ").build())
                .hasMessage("text column names must not be blank; found [ ]");
    }
}
