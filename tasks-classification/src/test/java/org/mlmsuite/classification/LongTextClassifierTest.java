package org.mlmsuite.classification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlmsuite.backbone.train.TrainingProgress;
import org.mlmsuite.datasets.LabeledText;
import org.mlmsuite.datasets.Origin;

/**
 * Long documents whose only label-bearing word sits in their last four words, with windows of 12
 * tokens (10 word pieces): truncating sees filler only and stays at chance, head+tail (head 3, tail
 * 7) and sliding windows see the cue. One short fine-tune of a micro backbone per strategy (about
 * 7 s each), the dev set scored every 20 steps and the best kept: windows without the cue carry
 * their document's label as noise, which makes a single end point of such a short run erratic.
 */
class LongTextClassifierTest {
  static final int MAX_LENGTH = 12;
  @TempDir static Path tmp;
  static Path backbone;
  static List<LabeledText> dev;
  static ClassifierTraining.Result truncate;
  static ClassifierTraining.Result sliding;
  static ClassifierTraining.Result headTail;
  static List<String> slidingMessages = new ArrayList<>();

  /** {@code n} documents of 14-19 filler words, the cue among the last four; even ones positive. */
  static List<LabeledText> documents(int n, long seed) {
    Random random = new Random(seed);
    List<LabeledText> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      boolean positive = i % 2 == 0;
      List<String> words = new ArrayList<>();
      int length = 14 + random.nextInt(6);
      for (int k = 0; k < length; k++) {
        words.add(SyntheticReviews.FILLER.get(random.nextInt(SyntheticReviews.FILLER.size())));
      }
      String cue = positive ? (random.nextBoolean() ? "good" : "great") : (random.nextBoolean() ? "bad" : "awful");
      words.set(length - 1 - random.nextInt(4), cue);
      out.add(new LabeledText(String.join(" ", words), positive ? "pos" : "neg", new Origin(Path.of("docs"), i + 2)));
    }
    return out;
  }

  static ClassifierTraining.Result train(String name, LongTextStrategy strategy, List<String> messages) {
    return train(name, strategy, messages, 160);
  }

  static ClassifierTraining.Result train(String name, LongTextStrategy strategy, List<String> messages, int steps) {
    ClassifierTrainingConfig cfg = ClassifierTrainingConfig.defaults(steps).withLearningRate(1e-3)
        .withBatch(16, MAX_LENGTH).withLongText(strategy).withEvaluation(20, 0, "accuracy");
    return new ClassifierTraining(messages::add, TrainingProgress.silent()).run(new ClassifierTraining.Request(
        backbone, documents(192, 1), dev, "docs", "docs", "dev", TextColumns.catalog(), cfg, tmp.resolve(name), false));
  }

  @BeforeAll
  static void fineTune() {
    backbone = tmp.resolve("backbone");
    SyntheticReviews.backbone(backbone);
    dev = documents(64, 2);
    truncate = train("truncate", LongTextStrategy.TRUNCATE, new ArrayList<>());
    sliding = train("sliding", LongTextStrategy.sliding(5, null), slidingMessages);
    headTail = train("head-tail", LongTextStrategy.headTail(null), new ArrayList<>());
  }

  @Test
  void truncatingMissesTheCueWhileHeadTailAndSlidingFindIt() {
    System.out.printf("dev accuracy: truncate %.4f, sliding %.4f, head+tail %.4f%n", truncate.dev().accuracy(),
        sliding.dev().accuracy(), headTail.dev().accuracy());
    assertTrue(truncate.dev().accuracy() <= 0.7, "truncate: chance expected, got " + truncate.dev().accuracy());
    assertTrue(sliding.dev().accuracy() >= 0.9, "sliding: " + sliding.dev().accuracy());
    assertTrue(headTail.dev().accuracy() >= 0.9, "head+tail: " + headTail.dev().accuracy());
    assertEquals(64, sliding.dev().samples(), "scored per document, not per window");
    assertEquals(64, sliding.truncatedDev(), "every dev document is longer than one window");
  }

  @Test
  void slidingTrainsOnEveryWindowWithItsDocumentsLabel() {
    String line = slidingMessages.stream().filter(m -> m.contains("windows in all") && m.contains(" in docs "))
        .findFirst().orElseThrow(() -> new AssertionError(slidingMessages.toString()));
    assertTrue(line.contains("sliding windows (stride 5, mean of logits)"), line);
    // 14-19 words of one piece each: (n - 10 + 4) / 5 + 1 = 2..3 windows per document
    int windows = Integer.parseInt(line.replaceAll(".*: (\\d+) windows in all.*", "$1"));
    assertTrue(windows >= 2 * 192 && windows <= 3 * 192 && windows != 2 * 192, line);
  }

  @Test
  void theStrategyIsSavedAndUsedByTheLibraryAndCanBeOverridden() throws IOException {
    JsonNode info = new ObjectMapper().readTree(sliding.model().path().resolve(ClassifierInfo.FILE_NAME).toFile());
    assertEquals("{\"kind\":\"sliding\",\"stride\":5,\"pool\":\"mean\"}", info.get("longText").toString());
    try (TextClassifier clf = TextClassifier.load(sliding.model().path())) {
      assertEquals(LongTextStrategy.sliding(5, LongTextStrategy.Pool.MEAN), clf.longText());
      assertTrue(ClassifierEvaluation.evaluate("sliding", clf, dev).report().accuracy() >= 0.9);
    }
    // The same weights reading only the first window lose the cue.
    try (TextClassifier clf = TextClassifier.load(sliding.model().path(), LongTextStrategy.TRUNCATE)) {
      assertEquals(LongTextStrategy.TRUNCATE, clf.longText());
      double accuracy = ClassifierEvaluation.evaluate("sliding read truncated", clf, dev).report().accuracy();
      System.out.println("sliding model read truncated: " + accuracy);
      assertTrue(accuracy <= 0.7, "truncated: " + accuracy);
    }
    try (TextClassifier clf = TextClassifier.load(sliding.model().path(), LongTextStrategy.sliding(null, LongTextStrategy.Pool.MAX))) {
      assertEquals(LongTextStrategy.sliding(5, LongTextStrategy.Pool.MAX), clf.longText(), "default stride: half of 10");
      double accuracy = ClassifierEvaluation.evaluate("sliding, max", clf, dev).report().accuracy();
      System.out.println("sliding model read with max pooling: " + accuracy);
      assertTrue(accuracy >= 0.85, "max pooling: " + accuracy);
    }
    JsonNode headTailInfo = new ObjectMapper().readTree(headTail.model().path().resolve(ClassifierInfo.FILE_NAME).toFile());
    assertEquals("{\"kind\":\"head+tail\",\"headLength\":3}", headTailInfo.get("longText").toString());
  }

  @Test
  void aTruncatingModelFolderLooksAsBeforeAndLoadsAsTruncating() throws IOException {
    ObjectMapper json = new ObjectMapper();
    JsonNode info = json.readTree(truncate.model().path().resolve(ClassifierInfo.FILE_NAME).toFile());
    assertFalse(info.has("longText"), info.toString());
    assertFalse(info.at("/provenance/settings").has("longText"), info.at("/provenance/settings").toString());
    JsonNode recipe = json.readTree(tmp.resolve("truncate/run-inputs.json").toFile()).get("recipe");
    assertFalse(recipe.has("longText"), "a run of an older version resumes: " + recipe);
    try (TextClassifier clf = TextClassifier.load(truncate.model().path())) {
      assertEquals(LongTextStrategy.TRUNCATE, clf.longText());
    }
  }
}
