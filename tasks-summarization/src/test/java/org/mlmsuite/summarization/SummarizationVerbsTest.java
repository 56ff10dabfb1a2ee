package org.mlmsuite.summarization;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
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
import org.mlmsuite.eval.report.JsonReportFormat;
import org.mlmsuite.eval.report.Provenance;
import org.mlmsuite.eval.rouge.PairedPermutationTest;
import org.mlmsuite.eval.rouge.RougeType;

/**
 * The verbs of {@code mlm summarize} through the library, as the command calls them: train (either
 * mode, a few steps on a micro backbone: plumbing, not quality), eval with baselines and report,
 * JSON-lines streaming, model-free baselines.
 */
class SummarizationVerbsTest {
  static final List<String> WORDS = List.of("apple", "river", "stone", "cloud", "table", "green", "music", "paper");
  static final ObjectMapper JSON = new ObjectMapper();
  /** DialogSum's field names, not the defaults, so the read options are exercised. */
  static final SummaryData.ReadOptions FIELDS = new SummaryData.ReadOptions("dialogue", List.of("gold"), null);
  @TempDir static Path tmp;
  static Path data;
  static SummarizerTraining.Result extractive;
  static SummarizerTraining.Result abstractive;

  /** Two-turn dialogues whose reference is the first turn's words. */
  static Path dialogues(int n) throws IOException {
    Random r = new Random(1);
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < n; i++) {
      String first = words(r);
      String doc = "#Person1#: " + first + "\n#Person2#: " + words(r) + "\n";
      out.append(JSON.writeValueAsString(JSON.createObjectNode().put("dialogue", doc).put("gold", first))).append('\n');
    }
    Path file = tmp.resolve("dialogues.jsonl");
    Files.writeString(file, out);
    return file;
  }

  static String words(Random r) {
    return WORDS.get(r.nextInt(WORDS.size())) + " " + WORDS.get(r.nextInt(WORDS.size())) + " "
        + WORDS.get(r.nextInt(WORDS.size()));
  }

  /** WORDS and the pieces of DialogSum's speaker tags. */
  static WordPieceTokenizer tokenizer() {
    return new WordPieceTokenizer(new Vocabulary(Stream.of(Vocabulary.SPECIAL_TOKENS, WORDS,
        List.of("#", ":", "person", "##1", "##2")).flatMap(List::stream).toList()), TokenizerConfig.uncased());
  }

  @BeforeAll
  static void train() throws IOException {
    WordPieceTokenizer tok = tokenizer();
    Path backbone = tmp.resolve("backbone");
    UntrainedBackbone.write(backbone, TransformerConfig.micro(tok.vocabulary().size()).withMaxPositions(32), tok, 3);
    data = dialogues(40);
    SummarizerTraining training = new SummarizerTraining(m -> { }, TrainingProgress.silent());
    extractive = training.run(SummarizerTraining.Request
        .defaults(SummarizerTraining.Mode.EXTRACTIVE, backbone, data.toString(), tmp.resolve("ext"))
        .withData(FIELDS, 30).withSteps(3, 4, null).withSeed(7, false)
        .with(new SummarizerTraining.Extractive(1, 1, "auto", 32, true, 0)));
    abstractive = training.run(SummarizerTraining.Request
        .defaults(SummarizerTraining.Mode.ABSTRACTIVE, backbone, data.toString(), tmp.resolve("abs"))
        .withSteps(3, 8, null).withData(FIELDS, 0)
        .with(SummarizerTraining.Abstractive.defaults().withLengths(null, 10)));
  }

  @Test
  void trainRunsTheRequestedModeOnTheFirstExamples() throws IOException {
    assertTrue(extractive.text().startsWith("summarizer: " + tmp.resolve("ext") + " (3 steps, last loss "),
        extractive.text());
    assertTrue(extractive.text().endsWith(" of 30 documents truncated)" + System.lineSeparator()), extractive.text());
    assertNull(extractive.abstractive());
    assertEquals("turns", extractive.extractive().info().sentencePolicy(), "auto detects speaker turns");
    try (Summarizer s = Summarizer.load(tmp.resolve("ext"))) {
      assertEquals(7, s.trainingSeed());
      assertEquals(1, s.info().k());
    }

    assertNull(abstractive.extractive());
    assertTrue(abstractive.text().contains("(abstractive; step 3 exported of 3"), abstractive.text());
    assertTrue(abstractive.text().contains("0 of 40 documents truncated to 32 word pieces"), abstractive.text());
    assertEquals(10, JSON.readTree(tmp.resolve("abs/seq2seq.json").toFile()).get("generation").get("maxLength").asInt());
  }

  @Test
  void anExtractiveRunWithoutALearningRateTakesTheOneForItsBackbonesWidth() throws IOException {
    assertEquals(5e-5, learningRateOf(tmp.resolve("ext")), "the micro backbone (32 wide): 5e-5");

    // one layer of BERT-Base's width, enough to choose the rate; 1 step
    WordPieceTokenizer tok = tokenizer();
    Path wide = tmp.resolve("backbone-768");
    UntrainedBackbone.write(wide, TransformerConfig.of(tok.vocabulary().size(), 768, 1, 12, 3072)
        .withMaxPositions(32), tok, 3);
    new SummarizerTraining(m -> { }, TrainingProgress.silent()).run(SummarizerTraining.Request
        .defaults(SummarizerTraining.Mode.EXTRACTIVE, wide, data.toString(), tmp.resolve("ext-768"))
        .withData(FIELDS, 8).withSteps(1, 4, null)
        .with(new SummarizerTraining.Extractive(1, 1, "auto", 32, true, 0)));
    assertEquals(2e-5, learningRateOf(tmp.resolve("ext-768")), "768 wide, as BERT-Base: 2e-5");
  }

  static double learningRateOf(Path summarizer) throws IOException {
    return JSON.readTree(summarizer.resolve("training-config.json").toFile()).get("learningRate").asDouble();
  }

  @Test
  void evalScoresTheModelBesideBaselinesAndWritesReportAndSummaries() throws IOException {
    List<String> messages = new ArrayList<>();
    Path summaries = tmp.resolve("out/summaries.jsonl");
    SummaryEvaluation.Result r = SummaryEvaluation.run(SummaryEvaluation.Request
        .defaults(tmp.resolve("ext"), data.toString()).withData(FIELDS, 5).withOutputs(summaries, null)
        .withCommandLine(List.of("summarize", "eval")), messages::add);
    assertEquals(List.of("summarize: 5 documents, extractive k=1; 0 truncated to 32 word pieces"), messages);
    assertEquals(List.of("ext", "lead-3", "longest-3"), r.rows().stream().map(SummaryEvaluation.Scored::system).toList());
    assertEquals(List.of(false, true, true), r.rows().stream().map(SummaryEvaluation.Scored::baseline).toList());
    assertTrue(r.data().source().endsWith(" (first 5)"), r.data().source());
    assertTrue(r.text().startsWith(r.data().source() + ": 5 examples (0 truncated)"), r.text());
    assertEquals(tmp.resolve("ext/eval"), r.reportDir());
    Provenance provenance = JsonReportFormat.read(tmp.resolve("ext/eval/report.json")).provenance();
    assertEquals("mlm summarize eval", provenance.command());
    assertEquals(7L, provenance.seed(), "the training seed, read from the model");
    List<String> lines = Files.readAllLines(summaries);
    assertEquals(5, lines.size());
    assertTrue(JSON.readTree(lines.get(0)).get("id").asText().endsWith("dialogues.jsonl:1"), lines.get(0));

    SummaryEvaluation.Result alone = SummaryEvaluation.run(SummaryEvaluation.Request
        .defaults(tmp.resolve("ext"), data.toString()).withData(FIELDS, 2).withBaselines("none")
        .withOutputs(null, tmp.resolve("alone")), m -> { });
    assertEquals(1, alone.rows().size());
  }

  @Test
  void aBaselineModelIsScoredBesideTheModelAndPairedWithIt() throws IOException {
    SummaryEvaluation.Result r = SummaryEvaluation.run(SummaryEvaluation.Request
        .defaults(tmp.resolve("ext"), data.toString()).withData(FIELDS, 12)
        .withBaselineModels(List.of(tmp.resolve("abs"))).withOutputs(null, tmp.resolve("paired")), m -> { });
    assertEquals(List.of("ext", "abs", "lead-3", "longest-3"),
        r.rows().stream().map(SummaryEvaluation.Scored::system).toList());
    assertEquals(List.of(false, true, true, true), r.rows().stream().map(SummaryEvaluation.Scored::baseline).toList());
    assertEquals(List.of("abs", "lead-3", "longest-3"), r.paired().stream().map(SummaryEvaluation.Paired::other).toList());
    SummaryEvaluation.Scored model = r.rows().get(0);
    for (int i = 1; i < r.rows().size(); i++) {
      SummaryEvaluation.Scored other = r.rows().get(i);
      for (RougeType t : SummaryEvaluation.TYPES) {
        PairedPermutationTest test = r.paired().get(i - 1).tests().get(t);
        // the mean difference is the difference of the table's means; 12 documents: every sign flip counted
        assertEquals(model.headline().get(t.name()) - other.headline().get(t.name()), 100 * test.meanDifference(),
            1e-9, other.system() + " " + t);
        assertTrue(test.exact(), "12 documents are few enough to count all 4,096 flips");
        assertEquals(PairedPermutationTest.of(model.fmeasures(t), other.fmeasures(t)), test);
      }
    }
    assertTrue(r.text().contains(String.format(java.util.Locale.ROOT, "vs lead-3: rouge1 %+.2f (p %.2g)",
        100 * r.paired().get(1).tests().get(RougeType.ROUGE_1).meanDifference(),
        r.paired().get(1).tests().get(RougeType.ROUGE_1).pValue())), r.text());
    assertTrue(r.text().contains("paired permutation test over all sign flips"), r.text());
    var report = JsonReportFormat.read(tmp.resolve("paired/report.json"));
    assertTrue(report.sections().stream().anyMatch(sec -> sec.toString().contains("Paired with ext")),
        "the report has the paired table");
  }

  @Test
  void aBaselineFolderThatIsNoSummarizerIsRefusedBeforeAnyWork() {
    // the test file does not exist: an error about it would mean the folder was checked after the model's pass
    List<String> messages = new ArrayList<>();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SummaryEvaluation.run(
        SummaryEvaluation.Request.defaults(tmp.resolve("ext"), tmp.resolve("no-such.jsonl").toString())
            .withBaselineModels(List.of(tmp.resolve("backbone"))).withOutputs(null, tmp.resolve("never")),
        messages::add));
    assertTrue(e.getMessage().startsWith(tmp.resolve("backbone") + " holds a 'backbone' model, expected a summarizer"),
        e.getMessage());
    assertEquals(List.of(), messages);
    assertTrue(!Files.exists(tmp.resolve("never")));
  }

  @Test
  void anExtractiveRunStoppedAfterACheckpointResumesToTheUninterruptedLosses() throws IOException {
    java.util.function.Function<String, SummarizerTraining.Request> sixStepsInto = out -> SummarizerTraining.Request
        .defaults(SummarizerTraining.Mode.EXTRACTIVE, tmp.resolve("backbone"), data.toString(), tmp.resolve(out))
        .withData(FIELDS, 30).withSteps(6, 4, null).withSeed(7, false)
        .with(new SummarizerTraining.Extractive(1, 1, "auto", 32, true, 3));
    new SummarizerTraining(m -> { }, TrainingProgress.silent()).run(sixStepsInto.apply("ext-whole"));

    SummarizerTraining.Request stopped = sixStepsInto.apply("ext-stopped");
    // the progress line of step 3 comes after its checkpoint: stop the run there, as a kill would
    java.io.PrintStream stopAtStep3 = new java.io.PrintStream(new java.io.OutputStream() {
      private final StringBuilder line = new StringBuilder();

      @Override
      public void write(int b) {
        line.append((char) b);
        if (line.toString().contains(" 3/6 ")) {
          throw new IllegalStateException("stopped at step 3");
        }
      }
    });
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> new SummarizerTraining(m -> { }, new TrainingProgress(stopAtStep3, false, 0)).run(stopped));
    assertEquals("stopped at step 3", e.getMessage());
    assertTrue(Files.isDirectory(tmp.resolve("ext-stopped/checkpoints/ckpt-000000003")));
    assertTrue(!Files.exists(tmp.resolve("ext-stopped/summarizer.json")), "not exported");
    assertTrue(Files.isRegularFile(tmp.resolve("ext-stopped/loss-curve.svg")), "the loss curve is drawn at checkpoints");

    SummarizerTraining.Result resumed = new SummarizerTraining(m -> { }, TrainingProgress.silent())
        .run(stopped.withResume(true));
    assertEquals(6, resumed.extractive().summary().step());
    assertEquals(losses(tmp.resolve("ext-whole")), losses(tmp.resolve("ext-stopped")));
  }

  /** Step and loss of each line of a run's train-log.jsonl. */
  static List<String> losses(Path run) throws IOException {
    List<String> out = new ArrayList<>();
    for (String line : Files.readAllLines(run.resolve("train-log.jsonl"))) {
      var node = JSON.readTree(line);
      if (node.has("loss")) {
        out.add(node.get("step").asLong() + ":" + node.get("loss").asDouble());
      }
    }
    return out;
  }

  @Test
  void decodingChangesOfTheOtherModeAreRefused() {
    SummaryEvaluation.Request beam = SummaryEvaluation.Request.defaults(tmp.resolve("ext"), data.toString())
        .withData(FIELDS, 2).withDecoding(SummaryDecoding.MODEL_DEFAULTS.withBeam(2, null));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SummaryEvaluation.run(beam, m -> { }));
    assertEquals("--beam does not apply to extractive summarization", e.getMessage());
    try (Summarizer s = Summarizer.load(tmp.resolve("abs"))) {
      e = assertThrows(IllegalArgumentException.class, () -> SummaryDecoding.MODEL_DEFAULTS.withK(2).choose(s));
      assertEquals("--k does not apply to abstractive summarization", e.getMessage());
      SummaryOptions saved = s.defaultOptions();
      SummaryOptions shorter = SummaryDecoding.MODEL_DEFAULTS.withLength(null, 2).choose(s).options();
      // a shorter maximum pulls the saved minimum below it; the rest stays the model's
      assertEquals(new SummaryOptions(saved.beamSize(), saved.lengthPenalty(), Math.min(saved.minLength(), 1), 2,
          saved.noRepeatNgramSize()), shorter);
    }
  }

  @Test
  void jsonLinesStayAlignedWithTheInputAcrossBatches() throws IOException {
    StringBuilder in = new StringBuilder();
    for (int i = 0; i < 20; i++) {
      // blank lines at 3 and 17: the second lies past the first batch of 16 documents
      in.append(i == 3 || i == 17 ? "" : "{\"id\": " + i + ", \"text\": \"#Person1#: apple river\\n#Person2#: stone\"}")
          .append('\n');
    }
    StringWriter out = new StringWriter();
    try (Summarizer s = Summarizer.load(tmp.resolve("ext"))) {
      new JsonLinesSummarizer(s, SummaryDecoding.MODEL_DEFAULTS, "text")
          .summarize(new BufferedReader(new StringReader(in.toString())), "in", out);
      List<String> lines = out.toString().lines().toList();
      assertEquals(20, lines.size(), out.toString());
      assertEquals("", lines.get(3));
      assertEquals("", lines.get(17));
      assertEquals(18, JSON.readTree(lines.get(18)).get("id").asInt());
      assertTrue(JSON.readTree(lines.get(0)).get("summary").asText().startsWith("#Person"), lines.get(0));

      JsonLinesSummarizer wrongField = new JsonLinesSummarizer(s, SummaryDecoding.MODEL_DEFAULTS, "document");
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> wrongField.summarize(
          new BufferedReader(new StringReader(in.toString())), "in", new StringWriter()));
      assertEquals("in:1: field 'document' is missing, empty or not a string", e.getMessage());
    }
  }

  @Test
  void baselinesNeedNoModel() throws IOException {
    Path cat = tmp.resolve("cat.jsonl");
    Files.writeString(cat, "{\"document\": \"The cat sat on the mat.\\nA much longer line about something else.\", "
        + "\"summary\": \"the cat sat on the mat\"}\n");
    SummaryEvaluation.BaselineResult r = SummaryEvaluation.runBaselines(SummaryEvaluation.BaselineRequest
        .defaults(cat.toString()).withBaselines("lead-1,longest-1", "turns"));
    assertEquals(100, r.rows().get(0).headline().get("rouge1"), 1e-9);
    assertEquals(0, r.rows().get(1).headline().get("rouge1"), 1e-9);
    assertTrue(r.text().startsWith(r.data().source() + ": 1 examples, sentence policy turns"), r.text());
    assertTrue(!r.text().contains("report:"), r.text());

    SummaryEvaluation.BaselineResult reported = SummaryEvaluation.runBaselines(SummaryEvaluation.BaselineRequest
        .defaults(cat.toString()).withReport(tmp.resolve("baselines"), List.of("summarize", "baseline")));
    assertEquals(SentencePolicy.SENTENCES, reported.policy(), "auto: plain lines are no speaker turns");
    assertTrue(Files.isRegularFile(tmp.resolve("baselines/report.json")));
    assertTrue(reported.text().endsWith("report: " + tmp.resolve("baselines/report.html") + System.lineSeparator()));
  }
}
