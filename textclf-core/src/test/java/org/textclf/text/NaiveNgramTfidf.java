package org.textclf.text;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.textclf.data.Sample;

/**
 * The naive reference for {@link NgramVectorizer}: the guide's pipeline written the obvious way, with String keys,
 * the whole corpus in memory, and the textbook two-pass ANOVA F (deviations from means), so that the optimized
 * streaming code has something independent to be compared with.
 */
final class NaiveNgramTfidf {
    final List<String> vocabulary;
    final Map<String, Float> idf = new HashMap<>();
    final Map<String, Double> f = new HashMap<>();
    final List<String> selected;
    private final boolean sublinear;
    private final Tokenizer tokenizer;

    NaiveNgramTfidf(List<Sample> samples, int minDf, int k) {
        this(samples, minDf, k, false, TokenPattern.GUIDE);
    }

    /**
     * @param sublinear scikit-learn's sublinear_tf: a count c weighs 1 + ln(c)
     * @param pattern the token pattern, through the reference {@link Tokenizer}
     */
    NaiveNgramTfidf(List<Sample> samples, int minDf, int k, boolean sublinear, TokenPattern pattern) {
        this.sublinear = sublinear;
        this.tokenizer = Tokenizer.of(pattern);
        Map<String, Integer> df = new TreeMap<>();
        for (Sample s : samples) {
            for (String g : counts(s.text()).keySet()) {
                df.merge(g, 1, Integer::sum);
            }
        }
        vocabulary = new ArrayList<>();
        int n = samples.size();
        df.forEach((g, d) -> {
            if (d >= minDf) {
                vocabulary.add(g);
                idf.put(g, (float) (Math.log((1.0 + n) / (1.0 + d)) + 1.0));
            }
        });
        List<Map<String, Float>> rows = new ArrayList<>();
        for (Sample s : samples) {
            rows.add(row(s.text()));
        }
        for (String g : vocabulary) {
            Map<String, List<Double>> byClass = new TreeMap<>();
            for (int i = 0; i < n; i++) {
                byClass.computeIfAbsent(samples.get(i).label(), x -> new ArrayList<>())
                        .add((double) rows.get(i).getOrDefault(g, 0f));
            }
            f.put(g, anova(byClass.values()));
        }
        List<String> ranked = new ArrayList<>(vocabulary);
        // SelectKBest: highest F first, ties to the larger name
        ranked.sort(Comparator.comparing((String g) -> f.get(g)).thenComparing(Comparator.naturalOrder()).reversed());
        selected = new ArrayList<>(ranked.subList(0, Math.min(k, ranked.size())));
        // the model's column order: commonest first (idf ascending), ties by name
        selected.sort(Comparator.comparing((String g) -> idf.get(g)).thenComparing(Comparator.naturalOrder()));
    }

    Map<String, Integer> counts(String text) {
        List<String> tokens = tokenizer.tokenize(text);
        Map<String, Integer> counts = new HashMap<>();
        for (int i = 0; i < tokens.size(); i++) {
            counts.merge(tokens.get(i), 1, Integer::sum);
            if (i + 1 < tokens.size()) {
                counts.merge(tokens.get(i) + " " + tokens.get(i + 1), 1, Integer::sum);
            }
        }
        return counts;
    }

    /** The tf-idf row over the whole vocabulary, L2-normalized. */
    Map<String, Float> row(String text) {
        Map<String, Float> row = new HashMap<>();
        double sumOfSquares = 0;
        for (Map.Entry<String, Integer> e : counts(text).entrySet()) {
            Float w = idf.get(e.getKey());
            if (w != null) {
                float tf = sublinear ? (float) (1 + Math.log(e.getValue())) : e.getValue();
                float value = tf * w;
                row.put(e.getKey(), value);
                sumOfSquares += (double) value * value;
            }
        }
        double norm = Math.sqrt(sumOfSquares);
        row.replaceAll((g, value) -> (float) (value / norm));
        return row;
    }

    static double anova(java.util.Collection<List<Double>> groups) {
        double total = 0;
        int n = 0;
        for (List<Double> g : groups) {
            for (double x : g) {
                total += x;
                n++;
            }
        }
        double mean = total / n;
        double between = 0;
        double within = 0;
        for (List<Double> g : groups) {
            double groupMean = g.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
            between += g.size() * (groupMean - mean) * (groupMean - mean);
            for (double x : g) {
                within += (x - groupMean) * (x - groupMean);
            }
        }
        return (between / (groups.size() - 1)) / (within / (n - groups.size()));
    }
}
