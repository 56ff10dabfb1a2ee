package org.mlmsuite.backbone.text;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * Single-threaded encoding throughput, ours against Hugging Face's native tokenizer (via DJL),
 * on the same real lines from every mirror data set. Not part of normal runs; on a quiet machine:
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
      long tokens = 0;
      long t0 = System.nanoTime();
      for (int r = 0; r < rounds; r++) {
        tokens += runOurs(ours, lines);
      }
      double oursSeconds = (System.nanoTime() - t0) / 1e9;
      long t1 = System.nanoTime();
      for (int r = 0; r < rounds; r++) {
        runTheirs(hf, lines);
      }
      double theirsSeconds = (System.nanoTime() - t1) / 1e9;
      System.out.printf("benchmark: %d lines, %.1f MB of text, %d tokens per round, %d rounds, 1 thread%n",
          lines.size(), chars / 1e6, tokens / rounds, rounds);
      System.out.printf("  ours:         %.2f s  %,.0f lines/s  %,.0f tokens/s%n",
          oursSeconds, lines.size() * rounds / oursSeconds, tokens / oursSeconds);
      System.out.printf("  hugging face: %.2f s  %,.0f lines/s  %,.0f tokens/s%n",
          theirsSeconds, lines.size() * rounds / theirsSeconds, tokens / theirsSeconds);
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
