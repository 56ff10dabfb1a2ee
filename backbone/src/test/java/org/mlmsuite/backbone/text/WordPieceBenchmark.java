package org.mlmsuite.backbone.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.mlmsuite.testing.Timings;

/**
 * Single-threaded encoding throughput, ours against Hugging Face's native tokenizer (via DJL),
 * on the same real lines from every mirror data set. Each round is one repetition
 * ({@link Timings#assertValid}), and both must produce the same number of tokens. Not part of normal runs; on a quiet machine:
 * {@code mvn -B -q -o -pl backbone -am verify -Dtest=WordPieceBenchmark -Dsurefire.failIfNoSpecifiedTests=false -Dbenchmark=true}
 */
@Tag("benchmark")
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
class WordPieceBenchmark {
  @TempDir Path tmp;

  @Test
  void encodeThroughput() throws Exception {
    List<String> lines = MirrorSamples.lines(5000);
    long chars = lines.stream().mapToLong(String::length).sum();
    WordFrequencies freq = new WordFrequencies(true);
    lines.forEach(freq::add);
    Vocabulary vocab = new WordPieceTrainer(WordPieceTrainer.Options.withVocabSize(16000)).train(freq);
    WordPieceTokenizer ours = new WordPieceTokenizer(vocab, new TokenizerConfig(true, 100_000));
    try (HuggingFaceTokenizer hf = HuggingFaceReference.open(vocab, true, 0, false, tmp)) {
      for (int warmup = 0; warmup < 3; warmup++) {
        runOurs(ours, lines);
        runTheirs(hf, lines);
      }
      int rounds = 5;
      long[] tokens = new long[2];
      Timings oursTimes = Timings.measure("ours, one round", rounds, () -> tokens[0] += runOurs(ours, lines)).assertValid();
      Timings theirsTimes = Timings.measure("hugging face, one round", rounds, () -> tokens[1] += runTheirs(hf, lines)).assertValid();
      assertEquals(tokens[1], tokens[0], "tokens produced, ours vs Hugging Face");
      double oursSeconds = oursTimes.median() * rounds / 1e3;
      double theirsSeconds = theirsTimes.median() * rounds / 1e3;
      System.out.printf("benchmark: %d lines, %.1f MB of text, %d tokens per round, %d rounds, 1 thread%n",
          lines.size(), chars / 1e6, tokens[0] / rounds, rounds);
      System.out.printf("  ours:         %.2f s  %,.0f lines/s  %,.0f tokens/s  (%s)%n",
          oursSeconds, lines.size() * rounds / oursSeconds, tokens[0] / oursSeconds, oursTimes);
      System.out.printf("  hugging face: %.2f s  %,.0f lines/s  %,.0f tokens/s  (%s)%n",
          theirsSeconds, lines.size() * rounds / theirsSeconds, tokens[1] / theirsSeconds, theirsTimes);
      System.out.printf("  ours / hf time: %.2f%n", oursSeconds / theirsSeconds);
    }
  }

  private static long runOurs(WordPieceTokenizer t, List<String> lines) {
    long n = 0;
    for (String line : lines) {
      n += t.encode(line).length();
    }
    return n;
  }

  private static long runTheirs(HuggingFaceTokenizer t, List<String> lines) {
    long n = 0;
    for (String line : lines) {
      n += t.encode(line).getIds().length;
    }
    return n;
  }
}
