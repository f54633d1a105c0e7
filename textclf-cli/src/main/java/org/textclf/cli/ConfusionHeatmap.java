package org.textclf.cli;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * The confusion matrix as a heatmap: true class down, predicted class across, each cell's count printed and its
 * shade the share of its row (the class's recall on the diagonal), so a small class's errors are as visible as a
 * large one's. Drawn with Java2D: XChart's heat map shades by the number it prints, and here they differ.
 */
final class ConfusionHeatmap {
    private static final int MAX_CELL = 160;
    private static final int MIN_CELL = 30;
    private static final int GRID = 760; // the matrix's side when cells are neither at their largest nor smallest
    private static final int MARGIN = 20;
    private static final int LEGEND_WIDTH = 90;
    private static final Font TICKS = Charts.TICKS;
    private static final Font MIN_COUNT_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 11);
    private static final String TITLE = "Confusion matrix (shade: share of the true class)";

    private ConfusionHeatmap() {
    }

    /** Where the parts go, from the class count, the longest name and the title: the image scales with them. */
    record Layout(int cell, int left, int top, int classes, int titleWidth, boolean rotated) {
        static Layout of(int classes, int longestNamePixels, int widestCountPixels, int lineHeight, int titleWidth) {
            // cells wide enough for the widest count in a readable font, however many classes
            int cell = Math.max(Math.max(MIN_CELL, widestCountPixels + 8), Math.min(MAX_CELL, GRID / classes));
            int names = longestNamePixels + 16;
            // names beside the rows on the left; across the top level if they fit their columns, else rotated
            boolean rotated = longestNamePixels > cell - 8;
            return new Layout(cell, MARGIN + 24 + names, 50 + 24 + (rotated ? names : lineHeight + 16), classes,
                    titleWidth, rotated);
        }

        int width() {
            return Math.max(left + cell * classes + LEGEND_WIDTH + MARGIN, titleWidth + 2 * MARGIN);
        }

        int height() {
            return top + cell * classes + MARGIN + 24;
        }

        /** The pixel at the middle of the cell of true class {@code row}, predicted {@code column}. */
        int centerX(int column) {
            return left + column * cell + cell / 2;
        }

        int centerY(int row) {
            return top + row * cell + cell / 2;
        }
    }

    /** White for none of the row, the chart blue for all of it. */
    static Color shade(double share) {
        Color full = Charts.BLUE;
        double s = Math.max(0, Math.min(1, share));
        return new Color(blend(255, full.getRed(), s), blend(255, full.getGreen(), s), blend(255, full.getBlue(), s));
    }

    private static int blend(int from, int to, double s) {
        return (int) Math.round(from + (to - from) * s);
    }

    static Layout layout(long[][] matrix, List<String> names) {
        Graphics2D g = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB).createGraphics();
        FontMetrics metrics = g.getFontMetrics(TICKS);
        int longest = 0;
        for (String n : names) {
            longest = Math.max(longest, metrics.stringWidth(n));
        }
        int widestCount = g.getFontMetrics(MIN_COUNT_FONT).stringWidth(String.format("%,d", most(matrix)));
        int title = g.getFontMetrics(Charts.TITLE).stringWidth(TITLE);
        g.dispose();
        return Layout.of(names.size(), longest, widestCount, metrics.getHeight(), title);
    }

    private static long most(long[][] matrix) {
        long most = 0;
        for (long[] row : matrix) {
            for (long n : row) {
                most = Math.max(most, n);
            }
        }
        return most;
    }

    static BufferedImage draw(long[][] matrix, List<String> names) {
        Layout at = layout(matrix, names);
        int k = names.size();
        BufferedImage image = new BufferedImage(at.width(), at.height(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, at.width(), at.height());
        g.setColor(Color.BLACK);
        g.setFont(Charts.TITLE);
        g.drawString(TITLE, MARGIN, 30);

        // The counts' font shrinks until the widest count fits its cell; the cell was sized to fit it at the least.
        String widest = String.format("%,d", most(matrix));
        Font countFont = new Font(Font.SANS_SERIF, Font.PLAIN, Math.min(18, at.cell() / 2));
        while (countFont.getSize() > MIN_COUNT_FONT.getSize() && g.getFontMetrics(countFont).stringWidth(widest)
                > at.cell() - 6) {
            countFont = countFont.deriveFont((float) countFont.getSize() - 1);
        }
        for (int r = 0; r < k; r++) {
            long rowSum = 0;
            for (long n : matrix[r]) {
                rowSum += n;
            }
            for (int c = 0; c < k; c++) {
                double share = rowSum == 0 ? 0 : (double) matrix[r][c] / rowSum;
                int x = at.left() + c * at.cell();
                int y = at.top() + r * at.cell();
                g.setColor(shade(share));
                g.fillRect(x, y, at.cell(), at.cell());
                g.setColor(share > 0.5 ? Color.WHITE : Color.BLACK);
                centered(g, countFont, String.format("%,d", matrix[r][c]), at.centerX(c), at.centerY(r));
            }
        }
        g.setColor(Color.LIGHT_GRAY);
        g.drawRect(at.left(), at.top(), at.cell() * k, at.cell() * k);

        g.setColor(Color.BLACK);
        g.setFont(TICKS);
        FontMetrics fm = g.getFontMetrics();
        for (int i = 0; i < k; i++) {
            String name = names.get(i);
            g.drawString(name, at.left() - 8 - fm.stringWidth(name), at.centerY(i) + fm.getAscent() / 2 - 2);
            if (at.rotated()) {
                AffineTransform saved = g.getTransform();
                g.translate(at.centerX(i) + fm.getAscent() / 2 - 2, at.top() - 8);
                g.rotate(-Math.PI / 2);
                g.drawString(name, 0, 0);
                g.setTransform(saved);
            } else {
                g.drawString(name, at.centerX(i) - fm.stringWidth(name) / 2, at.top() - 8 - fm.getDescent());
            }
        }
        g.setFont(Charts.AXIS_TITLE);
        centered(g, Charts.AXIS_TITLE, "Predicted class", at.left() + at.cell() * k / 2, 50);
        AffineTransform saved = g.getTransform();
        g.translate(MARGIN + 14, at.top() + at.cell() * k / 2);
        g.rotate(-Math.PI / 2);
        centered(g, Charts.AXIS_TITLE, "True class", 0, 0);
        g.setTransform(saved);
        legend(g, at);
        g.dispose();
        return image;
    }

    /** A vertical bar from 0% to 100% of the row beside the matrix. */
    private static void legend(Graphics2D g, Layout at) {
        int x = at.left() + at.cell() * at.classes() + 20;
        int height = Math.max(120, Math.min(300, at.cell() * at.classes()));
        for (int i = 0; i < height; i++) {
            g.setColor(shade(1 - (double) i / (height - 1)));
            g.fillRect(x, at.top() + i, 18, 1);
        }
        g.setColor(Color.LIGHT_GRAY);
        g.drawRect(x, at.top(), 18, height);
        g.setColor(Color.BLACK);
        g.setFont(TICKS);
        int ascent = g.getFontMetrics().getAscent();
        g.drawString("100%", x + 24, at.top() + ascent);
        g.drawString("0%", x + 24, at.top() + height);
    }

    private static void centered(Graphics2D g, Font font, String text, int x, int y) {
        FontMetrics fm = g.getFontMetrics(font);
        g.setFont(font);
        g.drawString(text, x - fm.stringWidth(text) / 2, y + (fm.getAscent() - fm.getDescent()) / 2);
    }

    static byte[] png(long[][] matrix, List<String> names) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(draw(matrix, names), "png", out);
        return out.toByteArray();
    }
}
