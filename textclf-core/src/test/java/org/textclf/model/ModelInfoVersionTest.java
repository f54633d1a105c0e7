package org.textclf.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ModelInfoVersionTest {
    /** The build passes its version (the POM's, e.g. 0.1.0-SNAPSHOT or, with -Prelease, 0.1.0) to the tests. */
    @Test
    void version_isTheBuildsVersion() {
        String build = System.getProperty("textclf.buildVersion");
        assertThat(build).isNotBlank().doesNotContain("${");
        assertThat(ModelInfo.VERSION).isEqualTo(build);
    }
}
