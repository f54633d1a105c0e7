package org.textclf.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import org.textclf.branch.Branches;
import org.textclf.explore.CorpusStats;
import org.textclf.explore.LengthBucket;
import org.textclf.explore.NgramCount;
import org.textclf.explore.SampleLengths;

/** {@code explore --json}: the statistics as one JSON object with snake_case keys, stable for scripts. */
final class ExploreJson {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ExploreJson() {
    }

    static String toJson(String source, CorpusStats stats) throws JsonProcessingException {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("source", source);
        root.put("samples", stats.samples());
        root.put("classes", stats.classes());
        ObjectNode perClass = root.putObject("samples_per_class");
        for (Map.Entry<String, Long> e : stats.samplesPerClassByName().entrySet()) {
            perClass.put(e.getKey(), e.getValue());
        }
        root.put("unlabeled_samples", stats.unlabeledSamples());
        root.put("median_words_per_sample", stats.medianWordsPerSample());
        root.put("sw_ratio", stats.swRatio());
        root.put("recommended_model", Branches.guideChoice(stats.modelChoice().family()).name());
        root.put("use_pretrained_embeddings", stats.modelChoice().useEmbeddings());
        root.put("reason", stats.modelChoice().reason());
        ArrayNode ngrams = root.putArray("top_ngrams");
        for (NgramCount n : stats.topNgrams()) {
            ngrams.addObject().put("ngram", n.ngram()).put("count", n.count());
        }
        root.put("top_ngrams_exact", stats.topNgramsExact());
        root.put("ngram_occurrences", stats.ngramOccurrences());
        SampleLengths lengths = stats.sampleLengths();
        ObjectNode length = root.putObject("sample_length");
        length.put("min", lengths.minWords());
        length.put("p10", lengths.p10());
        length.put("p25", lengths.p25());
        length.put("p50", lengths.p50());
        length.put("p75", lengths.p75());
        length.put("p90", lengths.p90());
        length.put("p99", lengths.p99());
        length.put("max", lengths.maxWords());
        length.put("mean", lengths.meanWords());
        length.put("exact", lengths.exact());
        length.put("cap_words", lengths.capWords());
        ArrayNode histogram = length.putArray("histogram");
        for (LengthBucket b : lengths.histogram()) {
            ObjectNode bucket = histogram.addObject().put("from", b.fromWords());
            if (b.isOpenEnded()) {
                bucket.putNull("to");
            } else {
                bucket.put("to", b.toWords());
            }
            bucket.put("samples", b.samples());
        }
        root.put("records_read", stats.recordsRead());
        root.put("records_skipped", stats.recordsSkipped());
        return MAPPER.writeValueAsString(root);
    }
}
