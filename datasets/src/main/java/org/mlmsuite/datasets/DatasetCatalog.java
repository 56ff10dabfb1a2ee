package org.mlmsuite.datasets;

import java.util.List;

/**
 * The named datasets of the mirror (see {@code shared/datasets/README.md}), each with its files
 * and splits relative to a {@link DataDirectory}:
 * <ul>
 *   <li>{@code sst2}: train, dev; TSV with header {@code sentence, label} (label 0/1).</li>
 *   <li>{@code agnews}: train ({@code train_10k.tsv}), test; TSV without header, text then label
 *       name; the text is cleaned with {@link AgNewsText#clean}.</li>
 *   <li>{@code imdb}: train, dev: a fixed stratified split ({@link #IMDB_SPLIT}: 4,000 / 1,000 of
 *       the 5,000 reviews) of {@code train_5k.csv.gz}, gzip CSV with header {@code review,
 *       sentiment}; {@code <br />} becomes a space.</li>
 *   <li>{@code multi30k-en-de}: train, val, test ({@code test_2016_flickr}); English source,
 *       German target, line-aligned.</li>
 *   <li>{@code dialogsum}: train, dev, test; JSON lines, id {@code fname}, document
 *       {@code dialogue}, reference {@code summary} (test: {@code summary1..3}).</li>
 *   <li>{@code conll2003}: train, valid, test; CoNLL columns token POS chunk NER.</li>
 *   <li>{@code pretrain-en}: train = the Gutenberg books plus the State of the Union speeches.</li>
 * </ul>
 */
public final class DatasetCatalog {
  /** IMDB's dev split: a fifth of each label's reviews, seed 2019 (the year of Sun et al.'s IMDB study). */
  public static final StratifiedSplit IMDB_SPLIT = new StratifiedSplit(0.2, 2019);

  private static final List<Dataset> ALL = List.of(
      new Dataset("sst2", DatasetKind.LABELED_TEXT,
          "GLUE SST-2 binary sentiment; TSV header sentence/label, label 0 or 1",
          List.of(split("train", "sst2/train.tsv"), split("dev", "sst2/dev.tsv")),
          (files, split, policy) -> LabeledTextReader.open(files.get(0), DelimitedFormat.tsv(),
              LabeledTextColumns.of(Column.named("sentence"), Column.named("label")), policy)),
      new Dataset("agnews", DatasetKind.LABELED_TEXT,
          "AG News 4-class topics; TSV without header: text, label name; HTML entities and \\ breaks decoded",
          List.of(split("train", "agnews/train_10k.tsv"), split("test", "agnews/test.tsv")),
          (files, split, policy) -> LabeledTextReader.open(files.get(0), DelimitedFormat.tsv().withHeader(false),
              LabeledTextColumns.of(Column.at(0), Column.at(1)), policy)
              .map(row -> row.withText(requireText(row, AgNewsText.clean(row.text()))))),
      new Dataset("imdb", DatasetKind.LABELED_TEXT,
          "IMDB movie reviews (5k sample), positive/negative; gzip CSV header review/sentiment, <br /> read as "
              + "a space; train/dev a stratified 4,000/1,000 split (seed 2019)",
          List.of(split("train", "imdb/train_5k.csv.gz"), split("dev", "imdb/train_5k.csv.gz")),
          (files, split, policy) -> IMDB_SPLIT.open(LabeledTextReader.open(files.get(0), DelimitedFormat.csv(),
                  LabeledTextColumns.of(Column.named("review"), Column.named("sentiment")), policy)
              .map(row -> row.withText(row.text().replace("<br />", " "))), LabeledText::label, split.equals("dev"))),
      new Dataset("multi30k-en-de", DatasetKind.TRANSLATION,
          "Multi30k task 1 English to German, raw, line-aligned .en/.de",
          List.of(split("train", "multi30k/train.en", "multi30k/train.de"),
              split("val", "multi30k/val.en", "multi30k/val.de"),
              split("test", "multi30k/test_2016_flickr.en", "multi30k/test_2016_flickr.de")),
          (files, split, policy) -> ParallelTextReader.open(files.get(0), files.get(1), policy)),
      new Dataset("dialogsum", DatasetKind.SUMMARIZATION,
          "DialogSum dialogue summaries; JSON lines fname/dialogue/summary, test has summary1..3",
          List.of(split("train", "dialogsum/train.jsonl"), split("dev", "dialogsum/dev.jsonl"),
              split("test", "dialogsum/test.jsonl")),
          (files, split, policy) -> SummaryExampleReader.open(files.get(0), new SummaryFields("fname", "dialogue",
              split.equals("test") ? List.of("summary1", "summary2", "summary3") : List.of("summary")), policy)),
      new Dataset("conll2003", DatasetKind.NER,
          "CoNLL-2003 English NER; columns token POS chunk NER (research use only)",
          List.of(split("train", "conll2003/train.txt"), split("valid", "conll2003/valid.txt"),
              split("test", "conll2003/test.txt")),
          (files, split, policy) -> ConllReader.open(files.get(0), policy)),
      new Dataset("pretrain-en", DatasetKind.RAW_TEXT,
          "English pretraining text: Gutenberg books + State of the Union speeches, one document per .txt",
          List.of(split("train", "pretrain/gutenberg", "pretrain/sotu")),
          (files, split, policy) -> RawTextReader.open(files, TextUnit.DOCUMENT, policy)));

  private DatasetCatalog() {}

  /** Every dataset, in a fixed order. */
  public static List<Dataset> all() {
    return ALL;
  }

  /** The dataset called {@code name}; an error lists the known names otherwise. */
  public static Dataset get(String name) {
    return ALL.stream().filter(d -> d.name().equals(name)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("unknown dataset '" + name + "'; known: " + names()));
  }

  public static boolean contains(String name) {
    return ALL.stream().anyMatch(d -> d.name().equals(name));
  }

  public static List<String> names() {
    return ALL.stream().map(Dataset::name).toList();
  }

  private static DatasetSplit split(String name, String... files) {
    return new DatasetSplit(name, List.of(files));
  }

  private static String requireText(LabeledText row, String cleaned) {
    if (cleaned.isBlank()) {
      throw BadRecordException.of(row.origin(), "column #0 is empty after decoding HTML");
    }
    return cleaned;
  }
}
