package org.textclf.cli.download;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The corpora {@code textclf download} fetches: those of the guide's batch-training appendix (Zhang et al.'s and
 * IMDB). Every size and SHA-256 is copied from a published source, cited beside it; none is computed here, since
 * a checksum computed from our own download would vouch for whatever we downloaded.
 */
public final class Corpora {
    /** fast.ai's public S3 copy of Zhang et al.'s archives, the copy Hugging Face datasets downloads. */
    private static final String FAST_AI = "https://s3.amazonaws.com/fast-ai-nlp/";
    private static final List<String> TRAIN_TEST = List.of("train", "test");
    private static final List<String> POLARITY = List.of("negative", "positive");
    private static final List<String> STARS = List.of("1 star", "2 stars", "3 stars", "4 stars", "5 stars");

    /** The catalog. */
    public static final Corpora STANDARD = new Corpora(List.of(
            // huggingface/datasets, datasets/ag_news/dataset_infos.json, "download_checksums": the raw CSVs of
            // mhjabreel/CharCnn_Keras (the test file is byte-identical to ../shared/data/ag_news/test.csv). No
            // SHA-256 of fast.ai's ag_news_csv.tgz is published (fast.ai's own checks are MD5), hence these files.
            new Corpus("ag_news", "AG News topics (Zhang et al. 2015)",
                    List.of("World", "Sports", "Business", "Sci/Tech"), TRAIN_TEST, Layout.ZHANG_FILES,
                    "https://raw.githubusercontent.com/mhjabreel/CharCnn_Keras/master/data/", List.of(
                            new Remote("ag_news_csv/train.csv", 29_470_338L,
                                    "76a0a2d2f92b286371fe4d4044640910a04a803fdd2538e0f3f29a5c6f6b672e"),
                            new Remote("ag_news_csv/test.csv", 1_857_427L,
                                    "521465c2428ed7f02f8d6db6ffdd4b5447c1c701962353eb2c40d548c3c85699")), ""),
            // huggingface/datasets, datasets/dbpedia_14/dataset_infos.json, "download_checksums".
            new Corpus("dbpedia", "DBPedia ontology classes (Zhang et al. 2015)", List.of("Company",
                    "EducationalInstitution", "Artist", "Athlete", "OfficeHolder", "MeanOfTransportation", "Building",
                    "NaturalPlace", "Village", "Animal", "Plant", "Album", "Film", "WrittenWork"), TRAIN_TEST,
                    Layout.ZHANG_ARCHIVE, FAST_AI, List.of(new Remote("dbpedia_csv.tgz", 68_341_743L,
                            "42db5221ddedddb673a4cabcc5f3a7d869714c878bcfe4ba94b29d14aa38e417")), ""),
            // huggingface/datasets, datasets/yelp_polarity/dataset_infos.json (and urls_checksums/checksums.txt).
            new Corpus("yelp_polarity", "Yelp review polarity (Zhang et al. 2015)", POLARITY, TRAIN_TEST,
                    Layout.ZHANG_ARCHIVE, FAST_AI, List.of(new Remote("yelp_review_polarity_csv.tgz", 166_373_201L,
                            "528f22e286cad085948acbc3bea7e58188416546b0e364d0ae4ca0ce666abe35")), ""),
            // huggingface/datasets, datasets/yelp_review_full/dataset_infos.json, "download_checksums".
            new Corpus("yelp_full", "Yelp review stars (Zhang et al. 2015)", STARS, TRAIN_TEST, Layout.ZHANG_ARCHIVE,
                    FAST_AI, List.of(new Remote("yelp_review_full_csv.tgz", 196_146_755L,
                            "56006b0a17a370f1e366504b1f2c3e3754e4a3dda17d3e718a885c552869a559")), ""),
            // huggingface/datasets, datasets/amazon_polarity/dataset_infos.json, "download_checksums".
            new Corpus("amazon_polarity", "Amazon review polarity (Zhang et al. 2015)", POLARITY, TRAIN_TEST,
                    Layout.ZHANG_ARCHIVE, FAST_AI, List.of(new Remote("amazon_review_polarity_csv.tgz",
                            688_339_454L, "d2a3ee7a214497a5d1b8eaed7c8d7ba2737de00ada3b0ec46243983efa100361")), ""),
            // No SHA-256 of amazon_review_full_csv.tgz is published that we found: torchtext gives only an MD5 of
            // the Google Drive copy, Hugging Face has no script for it. Listed, so that a user knows the name.
            new Corpus("amazon_full", "Amazon review stars (Zhang et al. 2015)", STARS, TRAIN_TEST,
                    Layout.ZHANG_ARCHIVE, FAST_AI, List.of(), "no SHA-256 of amazon_review_full_csv.tgz is "
                            + "published (torchtext has only an MD5); download " + FAST_AI
                            + "amazon_review_full_csv.tgz yourself and put its train.csv and test.csv in "
                            + "$TEXTCLF_DATA/amazon_full/"),
            // huggingface/datasets, datasets/imdb/dataset_infos.json, "download_checksums" (for the http:// URL of
            // the same file).
            new Corpus("imdb", "IMDB movie-review sentiment (Maas et al. 2011)", POLARITY,
                    List.of("train", "test", "unsup"), Layout.ACL_IMDB, "https://ai.stanford.edu/~amaas/data/sentiment/",
                    List.of(new Remote("aclImdb_v1.tar.gz", 84_125_825L,
                            "c40f74a18d3b61f90feba1e17730e0d38e8b97c05fde7008942e91923d1658fe")), "")));

    private final List<Corpus> corpora;

    private Corpora(List<Corpus> corpora) {
        this.corpora = List.copyOf(corpora);
    }

    public List<Corpus> all() {
        return corpora;
    }

    public Optional<Corpus> find(String name) {
        return corpora.stream().filter(c -> c.name().equals(name)).findFirst();
    }

    /** The names, for messages that list what there is. */
    public List<String> names() {
        List<String> names = new ArrayList<>();
        for (Corpus c : corpora) {
            names.add(c.name());
        }
        return names;
    }
}
