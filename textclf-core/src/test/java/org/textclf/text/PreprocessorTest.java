package org.textclf.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class PreprocessorTest {
    /** Characters that stress the rules: accents, ligatures, sigma, dotted I, combining marks, surrogates. */
    private static final String ALPHABET = "aZ 9_,.'\u00e9\u00c9\u00bd\u00df\u00aa\u00a0\u0130\u03a3\u03c3\u0301"
            + "\u2019\u2026\ufb01\u2160\u00c5\u212b\uac00\ud835\udc00\ud83d\ude00\u0345\u1e9e";

    private static String apply(String text) {
        Preprocessor p = new Preprocessor();
        p.apply(text);
        return new String(p.chars(), 0, p.length());
    }

    @Test
    void apply_everyBmpCharacterAlone_equalsNormalize() {
        for (int c = 0; c < 1 << 16; c++) {
            String s = "A" + (char) c + "b";
            assertThat(apply(s)).as("U+%04X", c).isEqualTo(Tokenizer.normalize(s));
        }
    }

    @Test
    void apply_randomMixedText_equalsNormalize() {
        Random random = new Random(7);
        Preprocessor p = new Preprocessor(); // reused, as a scanner does
        for (int t = 0; t < 20_000; t++) {
            StringBuilder text = new StringBuilder();
            for (int i = random.nextInt(40); i > 0; i--) {
                text.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
            String s = text.toString();
            p.apply(s);
            assertThat(new String(p.chars(), 0, p.length())).as(s).isEqualTo(Tokenizer.normalize(s));
        }
    }

    @Test
    void apply_finalSigma_lowercasesAsWholeString() {
        assertThat(apply("\u039f\u0394\u039f\u03a3 x")).isEqualTo("\u03bf\u03b4\u03bf\u03c2 x");
    }

    @Test
    void apply_longerThanBuffer_grows() {
        String text = "\u00c9T\u00c9 ".repeat(5000);

        assertThat(apply(text)).isEqualTo("ete ".repeat(5000));
    }
}
