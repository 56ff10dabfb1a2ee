package example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlmsuite.backbone.UntrainedBackbone;
import org.mlmsuite.backbone.model.TransformerConfig;
import org.mlmsuite.backbone.text.TokenizerConfig;
import org.mlmsuite.backbone.text.Vocabulary;
import org.mlmsuite.backbone.text.WordPieceTokenizer;
import org.mlmsuite.backbone.train.TrainingProgress;
import org.mlmsuite.classification.ClassifierTraining;
import org.mlmsuite.classification.ClassifierTrainingConfig;
import org.mlmsuite.classification.Prediction;
import org.mlmsuite.classification.TextClassifier;
import org.mlmsuite.classification.TextColumns;
import org.mlmsuite.datasets.LabeledText;
import org.mlmsuite.datasets.Origin;
import org.mlmsuite.datasets.SummaryExample;
import org.mlmsuite.summarization.ExtractiveTraining;
import org.mlmsuite.summarization.SentencePolicy;
import org.mlmsuite.summarization.Summarizer;

/**
 * What a library user does with the installed jars: makes a micro backbone, fine-tunes a classifier
 * and an extractive summarizer on it (seconds), loads both and shares each between 4 threads.
 */
class LibraryConsumerTest {
  static final List<String> WORDS = List.of("the", "movie", "was", "a", "plot", "and", "it", "really",
      "good", "great", "bad", "awful", "important", "river", "stone", "cloud");
  static final WordPieceTokenizer TOKENIZER = new WordPieceTokenizer(new Vocabulary(Stream.of(
      Vocabulary.SPECIAL_TOKENS, WORDS).flatMap(List::stream).toList()), TokenizerConfig.uncased());

  @TempDir static Path tmp;
  static Path classifierDir;
  static Path summarizerDir;

  @BeforeAll
  static void fineTuneTinyModels() {
    Path backbone = tmp.resolve("backbone");
    UntrainedBackbone.write(backbone, TransformerConfig.micro(TOKENIZER.vocabulary().size()), TOKENIZER, 11);

    classifierDir = tmp.resolve("classifier");
    ClassifierTrainingConfig classifierConfig = ClassifierTrainingConfig.defaults(80).withLearningRate(2e-3)
        .withBatch(16, 16);
    new ClassifierTraining(message -> {}, TrainingProgress.silent()).run(new ClassifierTraining.Request(
        backbone, reviews(256, 1), List.of(), "reviews", "reviews", null, new TextColumns("text", null, "label"),
        classifierConfig, classifierDir, false));

    summarizerDir = tmp.resolve("summarizer");
    ExtractiveTraining.Settings summarizerSettings = ExtractiveTraining.Settings.defaults()
        .withSteps(5, 8, 1e-3).withLength(64).withSelection(1, 1, SentencePolicy.TURNS, true);
    new ExtractiveTraining(message -> {}, TrainingProgress.silent()).run(new ExtractiveTraining.Request(
        backbone, dialogues(32, 1), "dialogues", summarizerSettings, summarizerDir, false));
  }

  @Test
  void theClassifierLearnedTheCueWord() {
    List<LabeledText> test = reviews(64, 2);
    try (TextClassifier classifier = TextClassifier.load(classifierDir)) {
      List<Prediction> predictions = classifier.predictBatch(test.stream().map(LabeledText::text).toList());
      long correct = 0;
      for (int i = 0; i < test.size(); i++) {
        correct += predictions.get(i).label().equals(test.get(i).label()) ? 1 : 0;
      }
      assertTrue(correct >= 0.9 * test.size(), correct + " of " + test.size() + " correct; chance is half");
    }
  }

  @Test
  void fourThreadsShareOneClassifierAndOneSummarizer() throws Exception {
    List<String> texts = reviews(24, 3).stream().map(LabeledText::text).toList();
    List<String> documents = dialogues(8, 3).stream().map(SummaryExample::document).toList();
    try (TextClassifier classifier = TextClassifier.load(classifierDir);
         Summarizer summarizer = Summarizer.load(summarizerDir)) {
      Callable<Answers> answer = () -> new Answers(
          texts.stream().map(classifier::predict).toList(), documents.stream().map(summarizer::summarize).toList());
      Answers alone = answer.call();
      ExecutorService pool = Executors.newFixedThreadPool(4);
      try {
        List<Future<Answers>> shared = new ArrayList<>();
        for (int thread = 0; thread < 4; thread++) {
          shared.add(pool.submit(answer));
        }
        for (Future<Answers> f : shared) {
          Answers together = f.get();
          assertEquals(alone.summaries(), together.summaries());
          for (int i = 0; i < texts.size(); i++) {
            assertEquals(alone.predictions().get(i).label(), together.predictions().get(i).label());
            assertEquals(alone.predictions().get(i).confidence(), together.predictions().get(i).confidence(), 1e-6);
          }
        }
      } finally {
        pool.shutdownNow();
      }
      for (int i = 0; i < documents.size(); i++) {
        assertTrue(!alone.summaries().get(i).isBlank() && documents.get(i).contains(alone.summaries().get(i)),
            "an extractive summary is a turn of its document: " + alone.summaries().get(i));
      }
    }
  }

  record Answers(List<Prediction> predictions, List<String> summaries) {}

  /** Each review holds filler words and one cue word that decides its label. */
  static List<LabeledText> reviews(int n, long seed) {
    Random random = new Random(seed);
    List<LabeledText> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      boolean positive = i % 2 == 0;
      List<String> words = new ArrayList<>();
      for (int k = 2 + random.nextInt(6); k > 0; k--) {
        words.add(WORDS.get(random.nextInt(8)));
      }
      words.add(random.nextInt(words.size() + 1), WORDS.get((positive ? 8 : 10) + random.nextInt(2)));
      out.add(new LabeledText(String.join(" ", words), null, positive ? "positive" : "negative",
          new Origin(Path.of("reviews"), i + 1)));
    }
    return out;
  }

  /** Four-turn dialogues; the reference is the turn that starts with "important". */
  static List<SummaryExample> dialogues(int n, long seed) {
    Random random = new Random(seed);
    List<SummaryExample> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      int marked = random.nextInt(4);
      StringBuilder document = new StringBuilder();
      String reference = null;
      for (int turn = 0; turn < 4; turn++) {
        List<String> words = new ArrayList<>();
        for (int w = 0; w < 4; w++) {
          words.add(WORDS.get(13 + random.nextInt(3)));
        }
        if (turn == marked) {
          words.set(0, "important");
          reference = String.join(" ", words);
        }
        document.append(String.join(" ", words)).append('\n');
      }
      out.add(new SummaryExample("d" + i, document.toString(), List.of(reference), new Origin(Path.of("dialogues"), i + 1)));
    }
    return out;
  }
}
