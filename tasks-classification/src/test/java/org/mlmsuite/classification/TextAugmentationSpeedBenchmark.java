package org.mlmsuite.classification;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.mlmsuite.backbone.Backbone;
import org.mlmsuite.backbone.UntrainedBackbone;
import org.mlmsuite.backbone.model.TransformerConfig;
import org.mlmsuite.backbone.text.TokenizerConfig;
import org.mlmsuite.backbone.text.Vocabulary;
import org.mlmsuite.backbone.text.WordPieceTokenizer;

/**
 * {@code --augment-with mlm} copies per second: one fill-mask session run per copy (what {@code
 * TextAugmentation} did before batching; measured through {@link
 * TextAugmentationMlmTest#oneCopyAtATime}, so it already has the k-sized-heap top-k) against all
 * copies through the batched fill-mask. The masked LM is a random-weight backbone of preset {@code
 * mlm.benchmark.backbone} (default tiny; {@code base}: BERT-Base's shape, L12/H768) over a 30,000-word vocabulary (BERT-Base has 30,522
 * pieces); the texts are {@code mlm.benchmark.texts} (200) sentences of 5 to 30 words, {@code
 * mlm.benchmark.copies} (5) copies each, Tang et al.'s rates and top-15. Speed does not depend on
 * trained values. Both paths must give the same copies (the printout counts the texts where they do not). Run with {@code nice -n 15 mvn -B -q -o -pl
 * tasks-classification -am verify -Dtest=TextAugmentationSpeedBenchmark
 * -Dsurefire.failIfNoSpecifiedTests=false -Dmlm.benchmark=true}.
 */
@EnabledIfSystemProperty(named = "mlm.benchmark", matches = "true")
class TextAugmentationSpeedBenchmark {
  @Test
  void copiesPerSecondOneCopyAtATimeAndBatched(@TempDir Path tmp) {
    String preset = System.getProperty("mlm.benchmark.backbone", "tiny");
    int n = Integer.getInteger("mlm.benchmark.texts", 200);
    int copies = Integer.getInteger("mlm.benchmark.copies", 5);
    List<String> tokens = new ArrayList<>(Vocabulary.SPECIAL_TOKENS);
    for (int i = tokens.size(); i < 30_000; i++) {
      tokens.add("w" + i);
    }
    WordPieceTokenizer tokenizer = new WordPieceTokenizer(new Vocabulary(tokens), TokenizerConfig.uncased());
    TransformerConfig config = preset.equals("base") ? TransformerConfig.of(tokens.size(), 768, 12, 12, 3072)
        : TransformerConfig.preset(preset, tokens.size());
    Path dir = UntrainedBackbone.write(tmp.resolve("lm"), config, tokenizer, 1).path();
    Random random = new Random(2);
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      List<String> words = new ArrayList<>();
      for (int w = 5 + random.nextInt(26); w > 0; w--) {
        words.add("w" + (10 + random.nextInt(2000)));
      }
      texts.add(String.join(" ", words));
    }
    TextAugmentation.Settings settings = TextAugmentation.Settings.defaults(3).withCopies(copies)
        .withReplacement(TextAugmentation.Replacement.MLM);
    try (Backbone lm = Backbone.open(dir)) {
      TextAugmentation augmentation = new TextAugmentation(settings, lm);
      augmentation.copiesOf(texts.subList(0, 10), 0); // warm-up: first session runs
      TextAugmentationMlmTest.oneCopyAtATime(texts.get(0), 0, settings, lm);

      long start = System.nanoTime();
      List<List<String>> oneAtATime = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        oneAtATime.add(TextAugmentationMlmTest.oneCopyAtATime(texts.get(i), i, settings, lm));
      }
      double oneSeconds = (System.nanoTime() - start) / 1e9;

      start = System.nanoTime();
      List<List<String>> batched = augmentation.copiesOf(texts, 0);
      double batchedSeconds = (System.nanoTime() - start) / 1e9;

      int differing = 0;
      for (int i = 0; i < n; i++) {
        differing += oneAtATime.get(i).equals(batched.get(i)) ? 0 : 1;
      }
      System.out.printf(Locale.ROOT, "texts whose copies differ between the two paths: %d of %d%n", differing, n);
      int attempts = n * copies;
      System.out.printf(Locale.ROOT, "augment-with mlm, %s backbone (30,000-word vocabulary), %d texts x %d copies:"
          + " one fill-mask per copy %.2f s (%.1f copies/s); batched %.2f s (%.1f copies/s); speed-up %.1fx%n",
          preset, n, copies, oneSeconds, attempts / oneSeconds, batchedSeconds, attempts / batchedSeconds,
          oneSeconds / batchedSeconds);
      assertEquals(0, differing, "both paths give the same copies");
    }
  }
}
