package org.mlmsuite.summarization;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
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
import org.mlmsuite.datasets.Origin;
import org.mlmsuite.datasets.SummaryExample;

/**
 * Seconds-long BertSumExt run on a micro backbone: each synthetic dialogue has one turn marked
 * with "important" at a random position among 4, and the reference is that turn's words. Lead-1
 * finds it one time in four; the model must learn, from scratch, which [CLS] precedes the marker
 * (600 steps; with fewer steps or more turns a random-init micro model only learns the prior).
 */
class ExtractiveEndToEndTest {
  private static final List<String> FILLER = List.of("apple", "river", "stone", "cloud", "table", "green",
      "music", "paper", "light", "chair", "water", "bread", "glass", "sheep", "train", "dream");
  private static final WordPieceTokenizer TOKENIZER = new WordPieceTokenizer(new Vocabulary(Stream.of(
      Vocabulary.SPECIAL_TOKENS, FILLER, List.of("important", "#", ":", "person", "##1", "##2")).flatMap(List::stream).toList()),
      TokenizerConfig.uncased());

  private static final int TURNS = Integer.getInteger("e2e.turns", 4);
  @TempDir static Path tmp;
  static ExtractiveTraining.Result result;
  static List<SummaryExample> test;

  static List<SummaryExample> corpus(int n, long seed) {
    Random r = new Random(seed);
    List<SummaryExample> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      int turns = TURNS;
      int marked = r.nextInt(turns);
      StringBuilder doc = new StringBuilder();
      String reference = null;
      for (int t = 0; t < turns; t++) {
        List<String> words = new ArrayList<>();
        for (int w = 0; w < 4; w++) {
          words.add(FILLER.get(r.nextInt(FILLER.size())));
        }
        if (t == marked) {
          words.set(0, "important");
          reference = String.join(" ", words);
        }
        doc.append(String.join(" ", words)).append('\n');
      }
      out.add(new SummaryExample("s" + i, doc.toString(), List.of(reference), new Origin(Path.of("synthetic"), i + 1)));
    }
    return out;
  }

  @BeforeAll
  static void train() {
    Path backbone = tmp.resolve("backbone");
    UntrainedBackbone.write(backbone,
        TransformerConfig.micro(TOKENIZER.vocabulary().size()).withDropout(0, 0), TOKENIZER, 7);
    ExtractiveTraining.Settings settings = ExtractiveTraining.Settings.defaults()
        .withSteps(Integer.getInteger("e2e.steps", 600), 16, Double.parseDouble(System.getProperty("e2e.lr", "2e-3"))).withLength(64).withSelection(1, 1, SentencePolicy.TURNS, true);
    result = new ExtractiveTraining(m -> {}, TrainingProgress.silent()).run(new ExtractiveTraining.Request(
        backbone, corpus(400, 1), "synthetic", settings, tmp.resolve("sum"), false));
    test = corpus(100, 2);
  }

  @Test
  void beatsLeadOneClearly() {
    assertEquals("turns", result.info().sentencePolicy());
    assertEquals(1.0, result.oracleSentencesPerExample(), 1e-9);
    try (Summarizer s = Summarizer.load(tmp.resolve("sum"))) {
      SummaryEvaluation.Scored model = SummaryEvaluation.score("model", false, test, s::summarize);
      SummaryEvaluation.Scored lead = SummaryEvaluation.baseline(Baseline.parse("lead-1"), SentencePolicy.TURNS, test);
      double m = model.headline().get("rouge1");
      double l = lead.headline().get("rouge1");
      // the marked line is the reference (R1 F = 1); any other shares a filler word or two at most
      assertTrue(m > l + 30, "model rouge1 " + m + " vs lead-1 " + l);
    }
  }

  @Test
  void reloadGivesIdenticalSummaries() {
    List<String> docs = test.stream().limit(20).map(SummaryExample::document).toList();
    List<String> first;
    try (Summarizer s = Summarizer.load(tmp.resolve("sum"))) {
      first = s.summarizeAll(docs, 2);
      assertEquals(first.get(3), s.summarize(docs.get(3), 2));
      assertEquals(2, first.get(0).lines().count());
    }
    try (Summarizer s = Summarizer.load(tmp.resolve("sum"))) {
      assertEquals(first, s.summarizeAll(docs, 2));
    }
  }
}
