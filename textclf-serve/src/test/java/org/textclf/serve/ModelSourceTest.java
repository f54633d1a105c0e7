package org.textclf.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ModelSourceTest {

    @Test
    void parse_pathOrNameEqualsPath_namesTheModel() {
        assertThat(ModelSource.parse("models/imdb.textclf")).isEqualTo(new ModelSource("imdb",
                Path.of("models/imdb.textclf")));
        assertThat(ModelSource.parse("news=ag.textclf")).isEqualTo(new ModelSource("news", Path.of("ag.textclf")));
        assertThat(ModelSource.parse("model.bin").name()).isEqualTo("model.bin");
    }

    @Test
    void parse_nameWithASlash_isRefusedWithTheFix() {
        assertThatThrownBy(() -> ModelSource.parse("my model.textclf"))
                .hasMessage("model name 'my model' may only have letters, digits, '_', '.' and '-'; name it"
                        + " explicitly, e.g. mymodel=my model.textclf");
    }
}
