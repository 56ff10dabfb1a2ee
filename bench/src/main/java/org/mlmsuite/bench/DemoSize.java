package org.mlmsuite.bench;

/**
 * How big each demo stage is. {@link #DEMO} fits the whole demo in about ten minutes on two
 * cores; {@link #SMOKE} only checks that every stage runs (seconds, on a few lines of data).
 *
 * @param nerCutoff OpenNLP feature cutoff (1 lets a handful of sentences train a name finder)
 * @param pretrainSteps optimizer steps of the backbone; also settable with {@code --pretrain-steps}
 */
public record DemoSize(
    String name,
    int vocabSize, int nerIterations, int nerCutoff,
    String preset, int pretrainSteps, int pretrainBatch, int pretrainSeqLength,
    int sst2Examples, int sst2Steps, int sst2Batch, int sst2MaxLength,
    int translationPairs, int translationSteps, int translationBatch, int translationMaxLength, int translationTestPairs,
    int summaryDocuments, int summarySteps, int summaryBatch, int summaryMaxLength, int summaryTestDocuments) {

  public static final DemoSize DEMO = new DemoSize("demo",
      10_000, 100, 5,
      "tiny", 300, 32, 128,
      4_000, 400, 32, 64,
      10_000, 500, 32, 48, 200,
      1_000, 200, 8, 256, 100);

  public static final DemoSize SMOKE = new DemoSize("smoke",
      200, 5, 1,
      "micro", 4, 4, 32,
      16, 3, 4, 16,
      16, 3, 4, 16, 4,
      6, 2, 2, 64, 3);

  static DemoSize named(String name) {
    return switch (name) {
      case "demo" -> DEMO;
      case "smoke" -> SMOKE;
      default -> throw new IllegalArgumentException("--size: unknown size '" + name + "' (use demo or smoke)");
    };
  }

  DemoSize withPretrainSteps(int steps) {
    return new DemoSize(name, vocabSize, nerIterations, nerCutoff, preset, steps, pretrainBatch, pretrainSeqLength,
        sst2Examples, sst2Steps, sst2Batch, sst2MaxLength, translationPairs, translationSteps, translationBatch,
        translationMaxLength, translationTestPairs, summaryDocuments, summarySteps, summaryBatch, summaryMaxLength,
        summaryTestDocuments);
  }
}
