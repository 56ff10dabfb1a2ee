package org.mlmsuite.translation;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlmsuite.backbone.UntrainedBackbone;
import org.mlmsuite.backbone.model.TransformerConfig;
import org.mlmsuite.backbone.seq2seq.GenerationOptions;
import org.mlmsuite.backbone.seq2seq.Seq2SeqTrainingConfig;
import org.mlmsuite.backbone.text.TokenizerConfig;
import org.mlmsuite.backbone.text.Vocabulary;
import org.mlmsuite.backbone.text.WordPieceTokenizer;
import org.mlmsuite.backbone.train.TrainingProgress;

/**
 * The verbs of {@code mlm translate} through the library, as the command calls them: train from a
 * TSV with dev files (a few steps: plumbing, not quality), eval with several beams beside the
 * copy-the-source baseline, line streaming, and how parallel data is named.
 */
class TranslationVerbsTest {
  static final List<String> LETTERS = List.of("a", "b", "c", "d", "e", "f");
  @TempDir static Path tmp;
  static Path model;
  static TranslationTraining.Result trained;

  /** {@code n} letter pairs and their reversal, as a TSV with columns en/de and as two line-aligned files. */
  static Path data(String name, int n) throws IOException {
    StringBuilder tsv = new StringBuilder("en\tde\n");
    StringBuilder src = new StringBuilder();
    StringBuilder tgt = new StringBuilder();
    for (int i = 0; i < n; i++) {
      String a = LETTERS.get(i % LETTERS.size());
      String b = LETTERS.get(i / LETTERS.size() % LETTERS.size());
      tsv.append(a).append(' ').append(b).append('\t').append(b).append(' ').append(a).append('\n');
      src.append(a).append(' ').append(b).append('\n');
      tgt.append(b).append(' ').append(a).append('\n');
    }
    Files.writeString(tmp.resolve(name + ".src"), src);
    Files.writeString(tmp.resolve(name + ".tgt"), tgt);
    Path file = tmp.resolve(name + ".tsv");
    Files.writeString(file, tsv);
    return file;
  }

  @BeforeAll
  static void train() throws IOException {
    List<String> tokens = new ArrayList<>(Vocabulary.SPECIAL_TOKENS);
    tokens.addAll(LETTERS);
    WordPieceTokenizer tok = new WordPieceTokenizer(new Vocabulary(tokens), TokenizerConfig.uncased());
    Path backbone = tmp.resolve("backbone");
    UntrainedBackbone.write(backbone, TransformerConfig.micro(tokens.size()).withMaxPositions(32), tok, 3);
    Path train = data("train", 60);
    data("test", 12);
    model = tmp.resolve("mt");
    Seq2SeqTrainingConfig config = Seq2SeqTrainingConfig.defaults(3).withBatch(8, 1e-3).withLengths(8, 8)
        .withGeneration(new GenerationOptions(2, 1.0, 8));
    ParallelData.Input tsv = new ParallelData.Input(train.toString(), null, null, "en", "de", false);
    trained = new TranslationTraining(m -> { }, TrainingProgress.silent()).run(TranslationTraining.Request
        .defaults(backbone, tsv, model).withConfig(config)
        .withData(ParallelData.Input.files(tmp.resolve("test.src"), tmp.resolve("test.tgt")), null, 50));
  }

  @Test
  void trainReadsTheFirstPairsAndTheDevFiles() throws IOException {
    assertTrue(trained.text().startsWith("wrote " + model + " (step 3 exported of 3, "), trained.text());
    assertTrue(trained.text().contains(System.lineSeparator() + "dev: loss "), "dev files given: " + trained.text());
    String train = new ObjectMapper().readTree(model.resolve("translation.json").toFile()).get("train").asText();
    assertTrue(train.endsWith("train.tsv (first 50)"), train);
  }

  @Test
  void evalScoresEachBeamBesideTheCopyBaselineAndWritesReportAndHypotheses() throws IOException {
    List<String> messages = new ArrayList<>();
    Path hypotheses = tmp.resolve("out/hyp.txt");
    TranslationEvaluation.Result r = TranslationEvaluation.run(TranslationEvaluation.Request
        .defaults(model, ParallelData.Input.files(tmp.resolve("test.src"), tmp.resolve("test.tgt")))
        .withData(null, 10).withDecoding(new TranslationDecoding(List.of(1, 3), null, 6))
        .withOutputs(hypotheses, null).withCommandLine(List.of("translate", "eval")), messages::add);
    assertEquals(List.of("translate: 10 segments, greedy, max 6", "translate: 10 segments, beam 3, length penalty 1.0, max 6"),
        messages);
    assertEquals(List.of("greedy, max 6", "beam 3, length penalty 1.0, max 6", "copy source"),
        r.rows().stream().map(TranslationEvaluation.Scored::system).toList());
    assertTrue(r.rows().get(2).baseline());
    assertEquals(10, Files.readAllLines(hypotheses).size());
    assertEquals(model.resolve("eval"), r.reportDir());
    assertTrue(Files.isRegularFile(model.resolve("eval/report.json")));
    assertTrue(r.text().contains(" (first 10): 10 segments"), r.text());
    assertTrue(r.text().contains("baseline: copy source"), r.text());
    assertTrue(r.text().contains("note: uncased vocabulary"), r.text());
  }

  @Test
  void decodingKeepsTheModelsOptionsUnlessGiven() {
    TranslationOptions saved = new TranslationOptions(2, 1.0, 8);
    assertEquals(List.of(saved), TranslationDecoding.MODEL_DEFAULTS.resolve(saved));
    assertEquals(List.of(new TranslationOptions(1, 0.5, 8)), TranslationDecoding.of(1, 0.5, null).resolve(saved));
  }

  @Test
  void linesStayAlignedWithTheInputAcrossBatches() throws IOException {
    StringBuilder in = new StringBuilder();
    for (int i = 0; i < 40; i++) {
      in.append(i == 0 || i == 33 ? "" : "a b").append('\n'); // 33: past the first batch of 32 lines
    }
    StringWriter out = new StringWriter();
    try (Translator t = Translator.load(model)) {
      t.translateLines(new BufferedReader(new StringReader(in.toString())), out, TranslationOptions.greedy(6));
    }
    List<String> lines = out.toString().lines().toList();
    assertEquals(40, lines.size(), out.toString());
    assertEquals("", lines.get(0));
    assertEquals("", lines.get(33));
    assertEquals(lines.get(1), lines.get(39), "the same source, the same translation");
  }

  @Test
  void dataIsADatasetOrTwoFilesNotBoth() {
    ParallelData.Input both = new ParallelData.Input("multi30k-en-de", tmp.resolve("test.src"), null, null, null, false);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> both.read("val", null, "dev"));
    assertEquals("give --dev or --dev-source-file/--dev-target-file, not both", e.getMessage());
    ParallelData.Input half = ParallelData.Input.files(tmp.resolve("test.src"), null);
    e = assertThrows(IllegalArgumentException.class, () -> half.read("test", null, "test"));
    assertEquals("give --test (dataset[:split] or CSV/TSV) or both --source-file and --target-file", e.getMessage());
    assertTrue(ParallelData.Input.files(null, tmp.resolve("test.tgt")).isEmpty(), "a target file alone is no data");
  }
}
