package org.mlmsuite.summarization;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlmsuite.backbone.UntrainedBackbone;
import org.mlmsuite.backbone.model.TransformerConfig;
import org.mlmsuite.backbone.seq2seq.Seq2SeqTrainingConfig;
import org.mlmsuite.backbone.text.TokenizerConfig;
import org.mlmsuite.backbone.text.Vocabulary;
import org.mlmsuite.backbone.text.WordPieceTokenizer;
import org.mlmsuite.backbone.train.TrainingProgress;
import org.mlmsuite.datasets.Origin;
import org.mlmsuite.datasets.SummaryExample;

/**
 * Seconds-long abstractive run on a micro backbone (random weights, so this tests the task
 * plumbing and the decoder, not pretraining): each synthetic dialogue has three
 * {@code #PersonN#:} turns of three filler words, and the reference is the first turn's words
 * without the speaker tag. The model has to drop the tag, copy three words and stop; Lead-3 and
 * Longest-3 return the whole dialogue (ROUGE-1 F about 0.4 against a 3-word reference).
 */
class AbstractiveEndToEndTest {
  static final List<String> FILLER = List.of("apple", "river", "stone", "cloud", "table", "green",
      "music", "paper", "light", "chair", "water", "bread", "glass", "sheep", "train", "dream");
  static final WordPieceTokenizer TOKENIZER = new WordPieceTokenizer(new Vocabulary(Stream.of(
      Vocabulary.SPECIAL_TOKENS, FILLER, List.of("#", ":", "person", "##1", "##2")).flatMap(List::stream).toList()),
      TokenizerConfig.uncased());
  /** 8-turn dialogues: 66 word pieces, past the micro backbone's 32 positions. */
  static final int LONG_DOCUMENTS = 7;

  @TempDir static Path tmp;
  static AbstractiveTraining.Result result;
  static List<SummaryExample> test;

  /** {@code turns} turns; the reference is the first turn's words. */
  static List<SummaryExample> corpus(int n, int turns, long seed) {
    Random r = new Random(seed);
    List<SummaryExample> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      StringBuilder doc = new StringBuilder();
      String reference = null;
      for (int t = 0; t < turns; t++) {
        List<String> words = new ArrayList<>();
        for (int w = 0; w < 3; w++) {
          words.add(FILLER.get(r.nextInt(FILLER.size())));
        }
        reference = reference == null ? String.join(" ", words) : reference;
        doc.append("#Person").append(t % 2 + 1).append("#: ").append(String.join(" ", words)).append('\n');
      }
      out.add(new SummaryExample("d" + i, doc.toString(), List.of(reference), new Origin(Path.of("synthetic"), i + 1)));
    }
    return out;
  }

  static Path backbone() {
    Path backbone = tmp.resolve("backbone");
    if (!Files.isDirectory(backbone)) {
      UntrainedBackbone.write(backbone, TransformerConfig.micro(TOKENIZER.vocabulary().size()).withMaxPositions(32).withDropout(0, 0),
          TOKENIZER, 5);
    }
    return backbone;
  }

  @BeforeAll
  static void train() {
    List<SummaryExample> train = new ArrayList<>(corpus(2000, 3, 1));
    train.addAll(corpus(LONG_DOCUMENTS, 8, 9));
    Seq2SeqTrainingConfig cfg = AbstractiveTraining.defaults(backbone(), Integer.getInteger("e2e.steps", 600))
        .withBatch(32, 3e-3).withLengths(32, 12).withEvaluation(100, 0, 50);
    result = new AbstractiveTraining(m -> { }, TrainingProgress.silent()).run(new AbstractiveTraining.Request(
        backbone(), train, "synthetic", corpus(50, 3, 2), "synthetic dev", cfg, null, tmp.resolve("sum"), false, false));
    test = corpus(60, 3, 3);
  }

  @Test
  void learnsToSummarizeHeldOutDialoguesFarAboveTheExtractiveBaselines() {
    try (Summarizer s = Summarizer.load(tmp.resolve("sum"))) {
      assertTrue(s.isAbstractive());
      // saved defaults: beam 4, alpha 1, min = 5th percentile of the 3-piece references, max 12, no-repeat 3
      assertEquals(new SummaryOptions(4, 1.0, 3, 12, 3), s.defaultOptions());
      assertEquals("turns", s.info().sentencePolicy());
      List<String> summaries = s.summarizeAll(test.stream().map(SummaryExample::document).toList());
      long exact = 0;
      for (int i = 0; i < test.size(); i++) {
        exact += summaries.get(i).equals(test.get(i).references().get(0)) ? 1 : 0;
      }
      SummaryEvaluation.Scored model = SummaryEvaluation.score("model", false, test, summaries);
      SummaryEvaluation.Scored lead = SummaryEvaluation.baseline(Baseline.parse("lead-3"), SentencePolicy.TURNS, test);
      SummaryEvaluation.Scored longest = SummaryEvaluation.baseline(Baseline.parse("longest-3"), SentencePolicy.TURNS, test);
      System.out.printf("toy abstractive: exact %d/%d; %s", exact, test.size(),
          SummaryEvaluation.table(List.of(model, lead, longest)));
      assertTrue(exact >= 0.8 * test.size(), "exact " + exact + " of " + test.size() + ": " + summaries.subList(0, 5));
      // lead-3 = whole dialogue: 3 reference words among 12 ROUGE tokens, F = 2 * .25 / 1.25 = .4 (a bit
      // more when words repeat)
      double l = lead.headline().get("rouge1");
      assertTrue(l > 38 && l < 48, "lead-3 rouge1 " + l);
      assertTrue(model.headline().get("rouge1") > l + 40, "model rouge1 " + model.headline());
      assertTrue(model.headline().get("rouge2") > lead.headline().get("rouge2") + 40, "model rouge2 " + model.headline());
    }
  }

  @Test
  void countsTheDocumentsCutAtTheBackbonesMaxPositions() {
    assertEquals(LONG_DOCUMENTS, result.truncatedDocuments());
    assertEquals(2000 + LONG_DOCUMENTS, result.trainDocuments());
    assertEquals(32, result.info().maxLength());
    try (Summarizer s = Summarizer.load(tmp.resolve("sum"))) {
      assertTrue(s.truncated(corpus(1, 8, 4).get(0).document()));
      assertTrue(!s.truncated(test.get(0).document()));
      // the first turn survives the cut, so long dialogues are still summarized
      SummaryExample longOne = corpus(1, 8, 5).get(0);
      assertEquals(longOne.references().get(0), s.summarize(longOne.document()));
    }
  }

  @Test
  void aCopiedModelDirectoryGivesIdenticalSummariesAndRecords() throws IOException {
    Path copy = tmp.resolve("copy");
    try (Stream<Path> files = Files.walk(tmp.resolve("sum"))) {
      for (Path p : files.toList()) {
        Path target = copy.resolve(tmp.resolve("sum").relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
    List<String> docs = test.stream().limit(20).map(SummaryExample::document).toList();
    try (Summarizer a = Summarizer.load(tmp.resolve("sum")); Summarizer b = Summarizer.load(copy)) {
      List<String> first = a.summarizeAll(docs);
      assertEquals(first, b.summarizeAll(docs));
      assertEquals(first.get(7), b.summarize(docs.get(7)));
      assertEquals(a.info(), b.info());
      assertEquals(result.info().mode(), b.info().mode());
      assertEquals(a.defaultOptions(), b.defaultOptions());
    }
  }

  @Test
  void threadsGetTheSingleThreadAnswers() throws Exception {
    List<String> docs = test.stream().limit(16).map(SummaryExample::document).toList();
    try (Summarizer s = Summarizer.load(tmp.resolve("sum"))) {
      List<String> single = new ArrayList<>();
      for (String d : docs) {
        single.add(s.summarize(d));
      }
      ExecutorService pool = Executors.newFixedThreadPool(4);
      try {
        List<Future<List<String>>> futures = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
          int shift = i;
          futures.add(pool.submit(() -> {
            // different batch compositions per thread: rotated order, then restored
            List<String> rotated = new ArrayList<>(docs);
            java.util.Collections.rotate(rotated, shift);
            List<String> out = new ArrayList<>(s.summarizeAll(rotated));
            java.util.Collections.rotate(out, -shift);
            return out;
          }));
        }
        for (Future<List<String>> f : futures) {
          assertEquals(single, f.get());
        }
      } finally {
        pool.shutdown();
      }
    }
  }

  @Test
  void lengthOptionsBoundEverySummary() {
    List<String> docs = test.stream().limit(10).map(SummaryExample::document).toList();
    try (Summarizer s = Summarizer.load(tmp.resolve("sum"))) {
      for (String summary : s.summarizeAll(docs, s.defaultOptions().withLength(6, 10))) {
        int pieces = TOKENIZER.encode(summary, null, 0, 0).ids().length - 2;
        assertTrue(pieces >= 6 && pieces <= 10, summary);
      }
      for (String summary : s.summarizeAll(docs, s.defaultOptions().withLength(0, 2).withBeam(1, 1.0))) {
        assertTrue(TOKENIZER.encode(summary, null, 0, 0).ids().length - 2 <= 2, summary);
      }
    }
  }

  @Test
  void misuseIsAClearError() throws IOException {
    try (Summarizer s = Summarizer.load(tmp.resolve("sum"))) {
      IllegalArgumentException k = assertThrows(IllegalArgumentException.class, () -> s.summarize("x", 2));
      assertTrue(k.getMessage().contains("applies to extractive summarizers"), k.getMessage());
      IllegalArgumentException empty = assertThrows(IllegalArgumentException.class,
          () -> s.summarizeAll(List.of("apple river", " ")));
      assertEquals("input 2: source text is empty", empty.getMessage());
    }
    IllegalArgumentException backbone = assertThrows(IllegalArgumentException.class, () -> Summarizer.load(backbone()));
    assertTrue(backbone.getMessage().contains("holds a 'backbone' model, expected a summarizer"), backbone.getMessage());
    assertThrows(IllegalArgumentException.class, () -> new SummaryOptions(4, 1.0, 12, 12, 3));
  }

  @Test
  void trainsOnTheFirstOfSeveralReferencesWithTheDialogueKeptAsText() {
    SummaryExample e = new SummaryExample("t", "#Person1#: hi\n#Person2#: bye", List.of("first ref", "second ref"),
        new Origin(Path.of("t.jsonl"), 3));
    var pair = AbstractiveTraining.pairs(List.of(e)).get(0);
    assertEquals("#Person1#: hi\n#Person2#: bye", pair.source());
    assertEquals("first ref", pair.target());
  }

  @Test
  void automaticMinimumIsTheFifthPercentileOfReferenceLengths() {
    Origin o = new Origin(Path.of("t"), 1);
    List<SummaryExample> examples = new ArrayList<>();
    // 20 references of 1..20 words (one piece each): nearest-rank 5th percentile = 1st value, 10th = 2nd
    for (int n = 1; n <= 20; n++) {
      examples.add(new SummaryExample("e" + n, "d", List.of(String.join(" ", java.util.Collections.nCopies(n, "apple"))), o));
    }
    java.util.Collections.shuffle(examples, new Random(1));
    assertEquals(1, AbstractiveTraining.percentileLength(TOKENIZER, examples, 5));
    assertEquals(2, AbstractiveTraining.percentileLength(TOKENIZER, examples, 10));
    assertEquals(10, AbstractiveTraining.percentileLength(TOKENIZER, examples, 50));
  }
}
