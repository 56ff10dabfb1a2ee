package org.mlmsuite.bench;

/**
 * How big each demo stage is. {@link #DEMO} fits the whole demo in about ten minutes on two
 * cores (the one-time BERT-Base download aside); {@link #SMOKE} only checks that every stage runs,
 * on a few lines of data.
 *
 * @param pretrained what {@code mlm backbone import --from} takes: the pretrained backbone of
 *     fill-mask and SST-2
 * @param vocabSize the cased English+German vocabulary of the translator and the summarizer, which
 *     start from random weights of {@code preset}
 */
public record DemoSize(
    String name,
    String pretrained,
    int sst2Examples, int sst2Steps, int sst2Batch, int sst2MaxLength,
    int vocabSize, String preset,
    int translationPairs, int translationSteps, int translationBatch, int translationMaxLength, int translationTestPairs,
    int summaryDocuments, int summarySteps, int summaryBatch, int summaryMaxLength, int summaryTestDocuments) {

  public static final DemoSize DEMO = new DemoSize("demo",
      "bert-base-uncased",
      5_120, 160, 32, 64,
      10_000, "tiny",
      10_000, 500, 32, 48, 200,
      1_000, 200, 8, 256, 100);

  public static final DemoSize SMOKE = new DemoSize("smoke",
      "bert-base-uncased",
      4, 1, 2, 8,
      200, "micro",
      16, 3, 4, 16, 4,
      6, 2, 2, 64, 3);

  static DemoSize named(String name) {
    return switch (name) {
      case "demo" -> DEMO;
      case "smoke" -> SMOKE;
      default -> throw new IllegalArgumentException("--size: unknown size '" + name + "' (use demo or smoke)");
    };
  }
}
