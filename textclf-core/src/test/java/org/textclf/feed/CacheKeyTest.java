package org.textclf.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CacheKeyTest {
    @TempDir
    Path temp;

    @Test
    void file_sizeAndCrc32cOfTheBytes() throws IOException {
        byte[] bytes = "1,good film\n2,bad film\n".getBytes();
        Path file = Files.write(temp.resolve("a.csv"), bytes);
        CRC32C crc = new CRC32C();
        crc.update(bytes);
        assertThat(CacheKey.builder().file("train", file).build().parts())
                .containsEntry("train", bytes.length + " bytes crc32c " + String.format("%08x", crc.getValue()));
    }

    @Test
    void file_oneByteChangedSameSize_otherKey() throws IOException {
        Path file = Files.writeString(temp.resolve("a.csv"), "1,good film\n");
        CacheKey before = CacheKey.builder().file("train", file).build();
        Files.writeString(file, "1,good fild\n");
        assertThat(CacheKey.builder().file("train", file).build()).isNotEqualTo(before);
    }

    @Test
    void file_folderFileRenamed_otherKey() throws IOException {
        Files.createDirectories(temp.resolve("data/pos"));
        Files.writeString(temp.resolve("data/pos/1.txt"), "good");
        CacheKey before = CacheKey.builder().file("train", temp.resolve("data")).build();
        assertThat(CacheKey.builder().file("train", temp.resolve("data")).build()).isEqualTo(before);
        Files.move(temp.resolve("data/pos/1.txt"), temp.resolve("data/pos/2.txt"));
        assertThat(CacheKey.builder().file("train", temp.resolve("data")).build()).isNotEqualTo(before);
    }

    @Test
    void differences_changedAddedAndRemovedParts_namesEach() {
        CacheKey old = CacheKey.builder().put("min_df", 2).put("seed", 42).put("labels", "collected").build();
        CacheKey now = CacheKey.builder().put("min_df", 3).put("seed", 42).put("format", "csv").build();
        assertThat(now.differences(old)).isEqualTo("min_df 2 -> 3; format (none) -> csv; labels collected -> (none)");
        assertThat(now.differences(now)).isEmpty();
    }

    record Settings(int minDocumentFrequency, int topK) {
    }

    @Test
    void fields_record_onePartPerComponentSoDifferencesNameTheField() {
        CacheKey old = CacheKey.builder().fields("ngram", new Settings(2, 100)).build();
        CacheKey now = CacheKey.builder().fields("ngram", new Settings(3, 100)).build();

        assertThat(now.parts()).containsOnlyKeys("ngram.minDocumentFrequency", "ngram.topK");
        assertThat(now.differences(old)).isEqualTo("ngram.minDocumentFrequency 2 -> 3");
    }

    @Test
    void differences_aliasedParts_namedByTheAliasAlsoUnderAPrefix() {
        CacheKey old = CacheKey.builder().put("mlp.ngram.minDocumentFrequency", 2).put("format", "csv")
                .put("seed", 1).build();
        CacheKey now = CacheKey.builder().alias("ngram.minDocumentFrequency", "--min-df").alias("format", "--format")
                .put("mlp.ngram.minDocumentFrequency", 3).put("format", "tsv").put("seed", 2).build();

        assertThat(now.differences(old)).isEqualTo("--min-df 2 -> 3; --format csv -> tsv; seed 1 -> 2");
        // an alias names a part, it is not one: keys equal without it
        assertThat(now.toBuilder().put("seed", 1).put("format", "csv").put("mlp.ngram.minDocumentFrequency", 2)
                .build()).isEqualTo(old);
    }

    @Test
    void encode_decode_roundTrips() throws IOException {
        CacheKey key = CacheKey.builder().put("ngram", "NgramConfig[ngramMin=1, ngramMax=2]").put("columns", "text=a")
                .build();
        assertThat(CacheKey.decode(key.encode())).isEqualTo(key);
    }

    @Test
    void put_valueWithNewline_saysItMustBeOneLine() {
        assertThatThrownBy(() -> CacheKey.builder().put("labels", "a\nb"))
                .hasMessage("key part labels: the value must be one line, found 'a\nb'");
    }
}
