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
import org.mlmsuite.classification.LongTextStrategy;
import org.mlmsuite.classification.TextColumns;
import org.mlmsuite.backbone.text.WordPieceTokenizer;
import org.mlmsuite.backbone.seq2seq.GenerationOptions;
import org.mlmsuite.backbone.seq2seq.Seq2SeqTrainingConfig;
import org.mlmsuite.datasets.LabeledText;
import org.mlmsuite.datasets.Origin;
import org.mlmsuite.datasets.SummaryExample;
import org.mlmsuite.summarization.ExtractiveTraining;
import org.mlmsuite.summarization.SentencePolicy;
import org.mlmsuite.translation.ParallelData;
import org.mlmsuite.translation.TranslationTraining;

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

  /** The classifiers' window in tokens, [CLS] and [SEP] included: 14 words of content. */
  static final int MAX_LENGTH = 16;

  /** Where the shared models of one test JVM live (a fresh folder per JVM, under target/). */
  private static final Path SHARED = Path.of("target", "tiny-models", String.valueOf(ProcessHandle.current().pid()));
  private static Path classifier;
  private static Path slidingClassifier;
  private static Path summarizer;
  private static Path translator;

  private TinyModels() {}

  /** The classifier every test class of this JVM shares (12 steps; trained on first use). */
  static synchronized Path classifier() {
    if (classifier == null) {
      classifier = classifier(SHARED.resolve("clf").toAbsolutePath(), 12);
    }
    return classifier;
  }

  /**
   * A classifier like {@link #classifier()} (windows of {@link #MAX_LENGTH} tokens), trained longer (60 steps,
   * about 15 s) so that its probabilities follow the cue words of each window, whose saved
   * long-text strategy is sliding windows (stride 7, half the window's content; mean of logits).
   */
  static synchronized Path slidingClassifier() {
    if (slidingClassifier == null) {
      slidingClassifier = classifier(SHARED.resolve("clf-sliding").toAbsolutePath(), 60,
          LongTextStrategy.sliding(null, null));
    }
    return slidingClassifier;
  }

  static synchronized Path summarizer() {
    if (summarizer == null) {
      summarizer = summarizer(SHARED.resolve("sum").toAbsolutePath(), 4);
    }
    return summarizer;
  }

  static synchronized Path translator() throws java.io.IOException {
    if (translator == null) {
      translator = translator(SHARED.resolve("mt").toAbsolutePath(), 4);
    }
    return translator;
  }

  static TransformerConfig micro() {
    return TransformerConfig.micro(TOKENIZER.vocabulary().size());
  }

  static Path backbone(Path dir) {
    UntrainedBackbone.write(dir, micro(), TOKENIZER, 11);
    return dir;
  }

  /** A classifier fine-tuned for {@code steps} steps on 128 reviews; into {@code dir}, beside its backbone. */
  static Path classifier(Path dir, int steps) {
    return classifier(dir, steps, LongTextStrategy.TRUNCATE);
  }

  /** {@link #classifier(Path, int)} that saves {@code longText} as how it reads texts longer than its window. */
  static Path classifier(Path dir, int steps, LongTextStrategy longText) {
    Path backbone = backbone(dir.resolveSibling(dir.getFileName() + "-backbone"));
    List<LabeledText> train = new ArrayList<>();
    for (String[] row : reviews(128, 1)) {
      train.add(new LabeledText(row[0], row[1], new Origin(Path.of("train.csv"), train.size() + 2)));
    }
    ClassifierTrainingConfig config = ClassifierTrainingConfig.defaults(steps).withLearningRate(2e-3)
        .withBatch(16, MAX_LENGTH).withLongText(longText);
    new ClassifierTraining(m -> {}, TrainingProgress.silent()).run(new ClassifierTraining.Request(
        backbone, train, List.of(), "train.csv", "train.csv", "", new TextColumns("review", null, "sentiment"),
        config, dir, false));
    return dir;
  }

  /** An extractive summarizer trained for {@code steps} steps on documents of four lines (turns). */
  static Path summarizer(Path dir, int steps) {
    Path backbone = backbone(dir.resolveSibling(dir.getFileName() + "-backbone"));
    List<SummaryExample> train = new ArrayList<>();
    for (String document : documents(32, 3)) {
      train.add(new SummaryExample("d" + train.size(), document, List.of(document.lines().findFirst().orElseThrow()),
          new Origin(Path.of("train.jsonl"), train.size() + 1)));
    }
    ExtractiveTraining.Settings settings = ExtractiveTraining.Settings.defaults().withSteps(steps, 8, 2e-3)
        .withLength(64).withSelection(1, 1, SentencePolicy.TURNS, true);
    new ExtractiveTraining(m -> {}, TrainingProgress.silent()).run(new ExtractiveTraining.Request(
        backbone, train, "train.jsonl", settings, dir, false));
    return dir;
  }

  /** A translation model (words to the same words reversed) trained for {@code steps} steps; greedy, at most 12 tokens. */
  static Path translator(Path dir, int steps) throws java.io.IOException {
    Path backbone = backbone(dir.resolveSibling(dir.getFileName() + "-backbone"));
    StringBuilder sources = new StringBuilder();
    StringBuilder targets = new StringBuilder();
    for (String[] row : reviews(64, 4)) {
      sources.append(row[0]).append('\n');
      List<String> reversed = new ArrayList<>(List.of(row[0].split(" ")));
      java.util.Collections.reverse(reversed);
      targets.append(String.join(" ", reversed)).append('\n');
    }
    Path src = java.nio.file.Files.writeString(dir.resolveSibling(dir.getFileName() + ".src"), sources);
    Path tgt = java.nio.file.Files.writeString(dir.resolveSibling(dir.getFileName() + ".tgt"), targets);
    ParallelData train = ParallelData.read(new ParallelData.Location(src.toString(), tgt.toString(), null, null, null),
        "train", null);
    Seq2SeqTrainingConfig config = Seq2SeqTrainingConfig.defaults(steps).withBatch(16, 3e-3).withLengths(16, 16)
        .withGeneration(GenerationOptions.greedy(12));
    new TranslationTraining(m -> {}, TrainingProgress.silent()).run(backbone, train, null, config, dir, false, false);
    return dir;
  }

  /** {@code n} documents of four lines of filler words each. */
  static List<String> documents(int n, long seed) {
    Random random = new Random(seed);
    List<String> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      StringBuilder document = new StringBuilder();
      for (int line = 0; line < 4; line++) {
        for (int w = 0; w < 3 + random.nextInt(3); w++) {
          document.append(w == 0 ? "" : " ").append(FILLER.get(random.nextInt(FILLER.size())));
        }
        document.append('\n');
      }
      out.add(document.toString());
    }
    return out;
  }

  /**
   * {@code n} texts of 31 to 44 words, longer than the classifiers' window: reviews of either label
   * run together, so the windows of one text hold different cues.
   */
  static List<String> longReviews(int n, long seed) {
    List<String[]> reviews = reviews(12 * n, seed);
    List<String> out = new ArrayList<>();
    int next = 0;
    while (out.size() < n) {
      List<String> words = new ArrayList<>();
      while (words.size() <= 30) {
        words.addAll(List.of(reviews.get(next++)[0].split(" ")));
      }
      out.add(String.join(" ", words));
    }
    return out;
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
