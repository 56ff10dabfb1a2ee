package org.mlmsuite.translation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlmsuite.backbone.UntrainedBackbone;
import org.mlmsuite.backbone.model.TransformerConfig;
import org.mlmsuite.backbone.seq2seq.GenerationOptions;
import org.mlmsuite.backbone.seq2seq.Seq2SeqTraining;
import org.mlmsuite.backbone.seq2seq.Seq2SeqTrainingConfig;
import org.mlmsuite.backbone.text.TokenizerConfig;
import org.mlmsuite.backbone.text.Vocabulary;
import org.mlmsuite.backbone.text.WordPieceTokenizer;
import org.mlmsuite.backbone.train.TrainingProgress;
import org.mlmsuite.eval.report.Provenance;
import org.mlmsuite.eval.report.ReportWriter;

/**
 * A toy "language pair" (a sentence of letters -> the letters reversed, as line-aligned files):
 * training through the task API, the Translator facade, threads, and the BLEU/chrF harness.
 */
class TranslatorTest {
  static final List<String> LETTERS = List.of("a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l");
  @TempDir static Path tmp;
  static Seq2SeqTraining.Result trained;
  static ParallelData test;

  static ParallelData files(String name, int n, long seed) throws IOException {
    Random r = new Random(seed);
    StringBuilder src = new StringBuilder();
    StringBuilder tgt = new StringBuilder();
    for (int i = 0; i < n; i++) {
      List<String> letters = new ArrayList<>();
      for (int k = 0; k < 2 + r.nextInt(4); k++) {
        letters.add(LETTERS.get(r.nextInt(LETTERS.size())));
      }
      src.append(String.join(" ", letters)).append('\n');
      Collections.reverse(letters);
      tgt.append(String.join(" ", letters)).append('\n');
    }
    Files.writeString(tmp.resolve(name + ".src"), src);
    Files.writeString(tmp.resolve(name + ".tgt"), tgt);
    return ParallelData.read(new ParallelData.Location(tmp.resolve(name + ".src").toString(),
        tmp.resolve(name + ".tgt").toString(), null, null, null), "train", null);
  }

  @BeforeAll
  static void train() throws IOException {
    List<String> tokens = new ArrayList<>(Vocabulary.SPECIAL_TOKENS);
    tokens.addAll(LETTERS);
    WordPieceTokenizer tok = new WordPieceTokenizer(new Vocabulary(tokens), TokenizerConfig.uncased());
    UntrainedBackbone.write(tmp.resolve("backbone"), TransformerConfig.micro(tokens.size()).withMaxPositions(32), tok, 5);
    ParallelData train = files("train", 3000, 1);
    ParallelData dev = files("dev", 50, 2);
    test = files("test", 100, 3);
    Seq2SeqTrainingConfig cfg = Seq2SeqTrainingConfig.defaults(400).withBatch(32, 3e-3).withLengths(16, 16)
        .withEvaluation(200, 0, 50).withGeneration(GenerationOptions.beam(3, 1.0, 16));
    trained = new TranslationTraining(m -> { }, TrainingProgress.silent())
        .run(tmp.resolve("backbone"), train, dev, cfg, tmp.resolve("mt"), false, false);
  }

  @Test
  void translatesTheHeldOutSetWellAboveChanceAndScoresItWithBleuAndChrf() {
    try (Translator t = Translator.load(tmp.resolve("mt"))) {
      assertEquals(new TranslationOptions(3, 1.0, 16), t.defaultOptions());
      assertTrue(t.info().lowercase());
      assertTrue(t.info().train().endsWith("train.src + " + tmp.resolve("train.tgt").toAbsolutePath()), t.info().train());
      TranslationEvaluation.Scored greedy = TranslationEvaluation.evaluate("greedy", t, test, TranslationOptions.greedy(16));
      TranslationEvaluation.Scored beam = TranslationEvaluation.evaluate("beam 3", t, test, t.defaultOptions());
      TranslationEvaluation.Scored copy = TranslationEvaluation.copySourceBaseline(test);
      long exact = 0;
      for (int i = 0; i < test.size(); i++) {
        exact += greedy.hypotheses().get(i).equals(test.targets().get(i)) ? 1 : 0;
      }
      System.out.printf("toy reversal: exact %d%%, BLEU greedy %.2f, beam %.2f, copy-source %.2f; chrF2 %.2f%n",
          exact, greedy.bleu().score(), beam.bleu().score(), copy.bleu().score(), greedy.chrf().score());
      assertTrue(exact >= 60, "exact match " + exact + "%");
      assertTrue(greedy.bleu().score() > copy.bleu().score() + 30, "BLEU " + greedy.bleu().score());
      assertTrue(greedy.bleu().signature().contains("tok:13a"), greedy.bleu().signature());
      assertTrue(greedy.chrf().signature().startsWith("nrefs:1"), greedy.chrf().signature());

      Path reportDir = tmp.resolve("report");
      new ReportWriter().write(TranslationEvaluation.report("toy", List.of(greedy, beam, copy), test, t.info(),
          Provenance.builder().command("test").build(), tmp.resolve("mt/train-log.jsonl")), reportDir);
      assertTrue(Files.exists(reportDir.resolve(ReportWriter.HTML)));
    }
  }

  @Test
  void isThreadSafeAndBatchesLikeSingleCalls() throws Exception {
    List<String> sources = test.sources().subList(0, 24);
    try (Translator t = Translator.load(tmp.resolve("mt"))) {
      List<String> batch = t.translateBatch(sources);
      assertEquals(t.translate(sources.get(5)), batch.get(5));
      ExecutorService pool = Executors.newFixedThreadPool(4);
      try {
        List<Future<List<String>>> futures = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
          futures.add(pool.submit(() -> t.translateBatch(sources)));
        }
        for (Future<List<String>> f : futures) {
          assertEquals(batch, f.get());
        }
      } finally {
        pool.shutdown();
      }
    }
  }

  @Test
  void greedyOutputOfEachSourceIsTheSameAloneAndInMixedLengthBatches() {
    // sources of 2 to 5 letters: each batch of 8 or 32 pads most of its rows
    List<String> sources = test.sources().subList(0, 64);
    TranslationOptions greedy = TranslationOptions.greedy(16);
    try (Translator t = Translator.load(tmp.resolve("mt"))) {
      List<String> alone = sources.stream().map(s -> t.translate(s, greedy)).toList();
      for (int batchSize : new int[] {8, 32}) {
        for (int from = 0; from < sources.size(); from += batchSize) {
          assertEquals(alone.subList(from, from + batchSize),
              t.translateBatch(sources.subList(from, from + batchSize), greedy), "batches of " + batchSize + " from " + from);
        }
      }
    }
  }

  @Test
  void emptyInputIsAUserErrorNamingTheInput() {
    try (Translator t = Translator.load(tmp.resolve("mt"))) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> t.translateBatch(List.of("a b", " ")));
      assertEquals("input 2: source text is empty", e.getMessage());
      assertEquals(List.of(), t.translateBatch(List.of()));
    }
  }

  @Test
  void loadingSomethingElseNamesTheProblem() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Translator.load(tmp.resolve("backbone")));
    assertTrue(e.getMessage().contains("holds a 'backbone' model, expected a 'seq2seq' model"), e.getMessage());
  }
}
