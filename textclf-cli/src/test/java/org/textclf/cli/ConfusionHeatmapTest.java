package org.textclf.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class ConfusionHeatmapTest {

    @Test
    void draw_twoClasses_shadesEachCellByItsRowsShare() {
        // Row 0: 90 of 100 right; row 1: 1 of 2 right. Shading by count would make row 1 look empty.
        long[][] matrix = {{90, 10}, {1, 1}};
        List<String> names = List.of("negative", "positive");

        BufferedImage image = ConfusionHeatmap.draw(matrix, names);
        ConfusionHeatmap.Layout at = ConfusionHeatmap.layout(matrix, names);

        // Sample a cell away from its centred count.
        int dx = at.cell() / 2 - 3;
        assertThat(new Color(image.getRGB(at.centerX(0) - dx, at.centerY(0) - dx)))
                .isEqualTo(ConfusionHeatmap.shade(0.9));
        assertThat(new Color(image.getRGB(at.centerX(1) - dx, at.centerY(0) - dx)))
                .isEqualTo(ConfusionHeatmap.shade(0.1));
        assertThat(new Color(image.getRGB(at.centerX(0) - dx, at.centerY(1) - dx)))
                .isEqualTo(ConfusionHeatmap.shade(0.5));
        assertThat(ConfusionHeatmap.shade(0)).isEqualTo(Color.WHITE);
        assertThat(ConfusionHeatmap.shade(1)).isEqualTo(Charts.BLUE);
        assertThat(image.getWidth()).isEqualTo(at.width());
        assertThat(image.getHeight()).isEqualTo(at.height());
        assertThat(at.rotated()).isFalse();
    }

    @Test
    void png_twentyFiveLongNames_growsToFitEveryNameAndCell() throws IOException {
        int k = 25;
        List<String> names = new ArrayList<>();
        long[][] matrix = new long[k][k];
        for (int i = 0; i < k; i++) {
            names.add("EducationalInstitution " + (i + 1));
            for (int j = 0; j < k; j++) {
                matrix[i][j] = i == j ? 12_345 : (i + j) % 7;
            }
        }

        BufferedImage image = ImageIO.read(new ByteArrayInputStream(ConfusionHeatmap.png(matrix, names)));
        ConfusionHeatmap.Layout at = ConfusionHeatmap.layout(matrix, names);

        assertThat(at.rotated()).isTrue();
        assertThat(at.cell()).isGreaterThanOrEqualTo(30);
        assertThat(image.getWidth()).isEqualTo(at.width()).isGreaterThan(at.left() + k * at.cell());
        assertThat(image.getHeight()).isEqualTo(at.height()).isGreaterThan(at.top() + k * at.cell());
        // the names' room is as wide as the longest name: nothing clipped at the left or top edge
        assertThat(at.left()).isGreaterThan(150);
        assertThat(at.top()).isGreaterThan(150);
    }
}
