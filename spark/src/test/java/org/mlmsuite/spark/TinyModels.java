package org.mlmsuite.spark;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.mlmsuite.backbone.UntrainedBackbone;
import org.mlmsuite.backbone.model.TransformerConfig;
import org.mlmsuite.backbone.text.TokenizerConfig;
import org.mlmsuite.backbone.text.Vocabulary;
import org.mlmsuite.backbone.train.TrainingProgress;
import org.mlmsuite.classification.ClassifierTraining;
import org.mlmsuite.classification.ClassifierTrainingConfig;
import org.mlmsuite.classification.TextColumns;
import org.mlmsuite.backbone.text.WordPieceTokenizer;
import org.mlmsuite.datasets.LabeledText;
import org.mlmsuite.datasets.Origin;

/**
 * Seconds-long models for the Spark tests: a micro backbone over a 26-piece vocabulary and a
 * classifier fine-tuned from it on reviews whose one cue word ("good", "great" / "bad", "awful")
 * decides the label. Labels hold spaces and non-ASCII characters, as column names must cope.
 */
final class TinyModels {
  static final String POSITIVE = "très bien";
  static final String NEGATIVE = "not good";
  static final List<String> FILLER = List.of("the", "movie", "film", "was", "a", "plot", "actors", "and", "it", "really");
  static final WordPieceTokenizer TOKENIZER = new WordPieceTokenizer(new Vocabulary(concat(
      Vocabulary.SPECIAL_TOKENS, FILLER, List.of("good", "great", "bad", "awful", "?", "##s"))),
      TokenizerConfig.uncased());

  private TinyModels() {}

  static Path backbone(Path dir) {
    UntrainedBackbone.write(dir, TransformerConfig.micro(TOKENIZER.vocabulary().size()), TOKENIZER, 11);
    return dir;
  }

  /** A classifier fine-tuned for {@code steps} steps on 128 reviews; into {@code dir}, beside its backbone. */
  static Path classifier(Path dir, int steps) {
    Path backbone = backbone(dir.resolveSibling(dir.getFileName() + "-backbone"));
    List<LabeledText> train = new ArrayList<>();
    for (String[] row : reviews(128, 1)) {
      train.add(new LabeledText(row[0], row[1], new Origin(Path.of("train.csv"), train.size() + 2)));
    }
    ClassifierTrainingConfig config = ClassifierTrainingConfig.defaults(steps).withLearningRate(2e-3).withBatch(16, 16);
    new ClassifierTraining(m -> {}, TrainingProgress.silent()).run(new ClassifierTraining.Request(
        backbone, train, List.of(), "train.csv", "train.csv", "", new TextColumns("review", null, "sentiment"),
        config, dir, false));
    return dir;
  }

  /** {@code n} rows of (review, label); even rows positive. */
  static List<String[]> reviews(int n, long seed) {
    Random random = new Random(seed);
    List<String[]> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      boolean positive = i % 2 == 0;
      List<String> words = new ArrayList<>();
      int length = 2 + random.nextInt(12);
      for (int k = 0; k < length; k++) {
        words.add(FILLER.get(random.nextInt(FILLER.size())));
      }
      String cue = positive ? (random.nextBoolean() ? "good" : "great") : (random.nextBoolean() ? "bad" : "awful");
      words.add(random.nextInt(words.size() + 1), cue);
      out.add(new String[] {String.join(" ", words), positive ? POSITIVE : NEGATIVE});
    }
    return out;
  }

  @SafeVarargs
  private static List<String> concat(List<String>... parts) {
    List<String> out = new ArrayList<>();
    for (List<String> p : parts) {
      out.addAll(p);
    }
    return out;
  }
}
