package org.mlmsuite.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlmsuite.eval.report.JsonReportFormat;
import org.mlmsuite.eval.report.MetricsTableSection;
import org.mlmsuite.eval.report.MetricsTableSection.SystemKind;
import org.mlmsuite.eval.report.MetricsTableSection.SystemRow;
import org.mlmsuite.eval.report.Report;
import org.mlmsuite.eval.report.TextSection;
import org.mlmsuite.testing.DatasetMirror;

/** {@code mlm bench --suite quick} end to end on the mirror, a tiny ablation, and bad flags. */
class BenchCommandTest {
  @TempDir static Path tmp;
  private static MainTest.Captured quickRun;

  /**
   * The quick suite on the mirror, run once by the first test that needs it; the other mirror
   * tests reuse its stages.
   */
  private static MainTest.Captured quick() {
    if (quickRun == null) {
      DatasetMirror.require("sst2", "agnews", "multi30k", "dialogsum", "pretrain");
      quickRun = MainTest.Captured.run("bench", "--suite", "quick", "--out", tmp.resolve("quick").toString());
      assertEquals(0, quickRun.exitCode(), quickRun.stderr());
    }
    return quickRun;
  }

  private static Map<String, MetricsTableSection> tables(Report report) {
    return report.sections().stream().filter(s -> s instanceof MetricsTableSection).map(s -> (MetricsTableSection) s)
        .collect(Collectors.toMap(MetricsTableSection::title, t -> t));
  }

  private static List<SystemRow> rows(MetricsTableSection t, SystemKind kind) {
    return t.rows().stream().filter(r -> r.kind() == kind).toList();
  }

  @Test
  void quickSuiteWritesOneReportWithEveryTaskBesideItsBaselines() throws Exception {
    MainTest.Captured quick = quick();
    Path out = tmp.resolve("quick");
    for (String f : List.of("report.json", "report.md", "report.html")) {
      assertTrue(Files.size(out.resolve(f)) > 1000, f);
    }
    assertTrue(Files.readString(out.resolve("report.html")).contains("<svg"), "bar charts in the HTML");
    assertTrue(quick.stdout().strip().lines().anyMatch(l -> l.equals("report: " + out.toAbsolutePath().resolve("report.html"))),
        quick.stdout());
    assertTrue(quick.stderr().contains("[1/16] WordPiece vocabulary"), quick.stderr());
    assertTrue(quick.stderr().contains("to go"), "progress with an ETA: " + quick.stderr());

    Report report = JsonReportFormat.read(out.resolve("report.json"));
    Map<String, MetricsTableSection> tables = tables(report);
    assertEquals(4, tables.size(), tables.keySet().toString());

    MetricsTableSection sst2 = tables.get("SST-2 sentiment (dev)");
    assertNotNull(sst2, tables.keySet().toString());
    double accuracy = rows(sst2, SystemKind.SYSTEM).get(0).values().get("accuracy");
    assertTrue(accuracy >= 0 && accuracy <= 1, "accuracy " + accuracy);
    List<String> sst2Baselines = rows(sst2, SystemKind.BASELINE).stream().map(SystemRow::name).toList();
    assertTrue(sst2Baselines.contains("no pretraining (same model, random init)"), sst2Baselines.toString());
    assertTrue(sst2Baselines.stream().anyMatch(n -> n.startsWith("OpenNLP doccat")), sst2Baselines.toString());
    // doccat on 1,000 SST-2 sentences is far above chance but below the published fine-tuned BERTs
    double doccat = rows(sst2, SystemKind.BASELINE).stream().filter(r -> r.name().startsWith("OpenNLP")).findFirst()
        .orElseThrow().values().get("accuracy");
    assertTrue(doccat > 0.55 && doccat < 0.83, "doccat " + doccat);
    SystemRow tiny = rows(sst2, SystemKind.REFERENCE).stream().filter(r -> r.name().startsWith("BERT-Tiny")).findFirst().orElseThrow();
    assertEquals(0.832, tiny.values().get("accuracy"), 1e-9);
    assertTrue(tiny.source().contains("Turc et al. 2019"), tiny.source());

    MetricsTableSection agnews = tables.get("AG News topics (test)");
    assertEquals(2, rows(agnews, SystemKind.BASELINE).size());
    // 4 balanced-ish classes: a bag-of-words model on 1,000 examples beats the 25% chance level clearly
    double agDoccat = rows(agnews, SystemKind.BASELINE).stream().filter(r -> r.name().startsWith("OpenNLP")).findFirst()
        .orElseThrow().values().get("accuracy");
    assertTrue(agDoccat > 0.5, "AG News doccat " + agDoccat);

    MetricsTableSection mt = tables.get("Multi30k En-De (test2016)");
    assertEquals(2, rows(mt, SystemKind.SYSTEM).size(), "greedy and beam 4");
    for (SystemRow r : mt.rows()) {
      double bleu = r.values().get("BLEU");
      assertTrue(bleu >= 0 && bleu <= 100, r.name() + " BLEU " + bleu);
    }
    assertTrue(rows(mt, SystemKind.BASELINE).stream().anyMatch(r -> r.name().equals("copy source")));
    assertTrue(rows(mt, SystemKind.BASELINE).stream().anyMatch(r -> r.name().startsWith("no pretraining (random init): greedy")));

    MetricsTableSection sum = tables.get("DialogSum extractive (test)");
    List<String> sumBaselines = rows(sum, SystemKind.BASELINE).stream().map(SystemRow::name).toList();
    assertTrue(sumBaselines.containsAll(List.of("lead-3", "longest-3")), sumBaselines.toString());
    for (SystemRow r : sum.rows()) {
      double rouge1 = r.values().get("rouge1");
      assertTrue(rouge1 > 0 && rouge1 < 100 && r.values().get("rouge2") <= rouge1, r.name() + " " + r.values());
    }

    // provenance: versions, hardware, and per result the exact commands with wall times
    assertTrue(report.provenance().software().keySet().containsAll(List.of("java", "tensorflow", "opennlp", "git_commit")),
        report.provenance().software().toString());
    if (Files.exists(Path.of("..", ".git"))) { // built from a checkout: the report names its commit
      assertTrue(report.provenance().software().get("git_commit").matches("[0-9a-f]{40}(-dirty)?"),
          report.provenance().software().toString());
    }
    assertTrue(report.provenance().hardware().containsKey("cpu_model"), report.provenance().hardware().toString());
    TextSection how = report.sections().stream().filter(s -> s instanceof TextSection t && t.title().startsWith("How SST-2"))
        .map(s -> (TextSection) s).findFirst().orElseThrow();
    assertTrue(how.text().contains("Seed 42"), how.text());
    assertTrue(how.text().contains("300 examples"), how.text());
    assertTrue(how.text().lines().anyMatch(l -> l.startsWith("mlm classify train ") && l.matches(".*\\[\\d+\\.\\d s]")), how.text());
    assertTrue(how.text().contains("mlm pretrain --corpus multi30k-en-de"), how.text());
  }

  @Test
  void aSecondRunReusesEveryStage() throws Exception {
    quick();
    MainTest.Captured again = MainTest.Captured.run("bench", "--suite", "quick", "--only", "classification",
        "--out", tmp.resolve("again").toString(), "--work-dir", tmp.resolve("quick/stages").toString());
    assertEquals(0, again.exitCode(), again.stderr());
    assertEquals(8, again.stderr().lines().filter(l -> l.contains(": reusing ")).count(), again.stderr());
    Report report = JsonReportFormat.read(tmp.resolve("again/report.json"));
    assertEquals(2, tables(report).size());
    // Reused stages still report what building them cost.
    double built = report.provenance().timingsSeconds().get("stages, as built");
    double thisRun = report.provenance().timingsSeconds().get("bench");
    assertTrue(built > thisRun, "stages as built " + built + " s vs this run " + thisRun + " s");
  }

  @Test
  void aGivenBackboneReplacesTheRecipeAndIsDescribedFromItsProvenance() throws Exception {
    quick();
    Path built;
    try (var dirs = Files.list(tmp.resolve("quick/stages"))) {
      built = dirs.filter(d -> d.getFileName().toString().startsWith("backbone-")).findFirst().orElseThrow().resolve("model");
    }
    MainTest.Captured given = MainTest.Captured.run("bench", "--suite", "quick", "--only", "sst2", "--backbone",
        built.toString(), "--out", tmp.resolve("given").toString(), "--work-dir", tmp.resolve("quick/stages").toString());
    assertEquals(0, given.exitCode(), given.stderr());
    assertFalse(given.stderr().contains("pretrain a"), "no pretraining stage: " + given.stderr());
    Report report = JsonReportFormat.read(tmp.resolve("given/report.json"));
    String about = report.sections().stream().filter(s -> s instanceof TextSection t && t.title().equals("About this run"))
        .map(s -> ((TextSection) s).text()).findFirst().orElseThrow();
    assertTrue(about.contains("Backbone: the pretrained folder " + built.toAbsolutePath()), about);
    assertTrue(about.contains("Its provenance: preset micro,"), about);
  }

  @Test
  void ablationReportsMeanAndSpreadPerStrategy() throws Exception {
    quick();
    MainTest.Captured run = MainTest.Captured.run("bench", "ablation", "--masking", "random,span", "--seeds", "1",
        "--only", "sst2", "--out", tmp.resolve("ablation").toString(), "--work-dir", tmp.resolve("quick/stages").toString());
    assertEquals(0, run.exitCode(), run.stderr());
    Report report = JsonReportFormat.read(tmp.resolve("ablation/report.json"));
    Map<Boolean, List<MetricsTableSection>> byKind = tables(report).values().stream()
        .collect(Collectors.partitioningBy(t -> t.title().startsWith("Pretraining: held-out masked-LM loss")));
    assertEquals(1, byKind.get(true).size(), tables(report).keySet().toString());
    assertEquals(1, byKind.get(false).size(), tables(report).keySet().toString());
    MetricsTableSection pretraining = byKind.get(true).get(0);
    assertEquals(List.of("random (n=1)", "span (n=1)"), pretraining.rows().stream().map(SystemRow::name).toList());
    for (SystemRow r : pretraining.rows()) {
      double loss = r.values().get("mlm_loss");
      assertTrue(loss > 0 && loss < 10, r.toString());
      double accuracy = r.values().get("masked_accuracy");
      assertTrue(accuracy >= 0 && accuracy <= 1, r.toString());
    }
    assertNotEquals(pretraining.rows().get(0).values(), pretraining.rows().get(1).values(), "two backbones, two scores");
    MetricsTableSection table = byKind.get(false).get(0);
    assertEquals(List.of("random (n=1)", "span (n=1)"), table.rows().stream().map(SystemRow::name).toList());
    for (SystemRow r : table.rows()) {
      double a = r.values().get("accuracy");
      assertTrue(a >= 0 && a <= 1, r.toString());
      assertFalse(r.values().containsKey("accuracy_sd"), "no SD from one seed");
    }
    assertTrue(run.stdout().contains("span vs random: "), run.stdout());
    assertTrue(run.stdout().contains("the seed spread is unknown (one seed)"), run.stdout());
    assertTrue(Files.readString(tmp.resolve("ablation/report.md")).contains("2 x pooled SD"));
    assertTrue(run.stderr().contains("pretrain a micro backbone, span masking"), run.stderr());
  }

  @Test
  void badFlagsAreOneLineErrors() {
    record Case(List<String> args, String message) {}
    for (Case c : List.of(
        new Case(List.of("bench", "--suite", "huge"), "mlm: --suite: unknown suite 'huge' (known: quick, full, or a suite .json file)"),
        new Case(List.of("bench", "--only", "classification,parsing"), "mlm: --only: unknown task 'parsing'"),
        new Case(List.of("bench", "ablation", "--masking", "random,blanks"), "mlm: --masking: unknown masking 'blanks'"),
        new Case(List.of("bench", "ablation", "--masking", "random", "--seeds", "0"), "mlm: --seeds: must be at least 1"),
        new Case(List.of("bench", "--backbone", tmp.resolve("none").toString()), "mlm: --backbone: no such folder"))) {
      MainTest.Captured r = MainTest.Captured.run(c.args().toArray(String[]::new));
      assertEquals(Main.EXIT_USER_ERROR, r.exitCode(), c.args() + ": " + r.stderr());
      assertEquals(1, r.stderr().strip().lines().count(), r.stderr());
      assertTrue(r.stderr().startsWith(c.message()), r.stderr());
    }
  }

  @Test
  void fullSuiteDryRunPlansEveryStageWithOneBilingualBackbone() {
    MainTest.Captured r = MainTest.Captured.run("bench", "--suite", "full", "--dry-run", "--out", tmp.resolve("full").toString());
    assertEquals(0, r.exitCode(), r.stderr());
    List<String> commands = r.stdout().lines().filter(l -> l.startsWith("    mlm ")).map(String::strip).toList();
    // vocab + backbone + 3 x 2 classification + 4 translation + 4 extractive + 4 abstractive
    assertEquals(20, commands.size(), r.stdout());
    assertTrue(commands.get(0).startsWith("mlm tokenizer train --corpus pretrain-en --corpus multi30k-en-de --vocab-size 16000 --cased"),
        commands.get(0));
    assertTrue(commands.get(1).startsWith("mlm pretrain --corpus pretrain-en --corpus multi30k-en-de --vocab {stage:vocab}/vocab.txt --cased"),
        commands.get(1));
    assertEquals(1, commands.stream().filter(c -> c.startsWith("mlm pretrain")).count(), "one backbone for all tasks");
    assertTrue(commands.stream().filter(c -> !c.startsWith("mlm tokenizer") && !c.startsWith("mlm pretrain"))
        .filter(c -> c.contains(" train ")).allMatch(c -> c.contains("--backbone {stage:backbone}/model")), r.stdout());
    assertTrue(commands.contains("mlm classify eval --model {stage:sst2-train}/pretrained --test sst2:dev --baseline doccat "
        + "--baseline-train sst2 --baseline-model {stage:sst2-train-nopretrain}/no-pretraining --report {out}/report"), r.stdout());
    assertTrue(commands.stream().anyMatch(c -> c.startsWith("mlm translate eval --model {stage:multi30k-train}/warm-started "
        + "--test multi30k-en-de:test --beam 1,4")), r.stdout());
    assertTrue(r.stdout().lines().anyMatch(l -> l.contains("train the abstractive summarizer on dialogsum")), r.stdout());
  }

  @Test
  void ablationPlanVariesOnlyMaskingAndSeedAndKeepsTheData() {
    DatasetMirror.require("sst2", "pretrain");
    MainTest.Captured r = MainTest.Captured.run("bench", "ablation", "--masking", "random,mixture", "--seeds", "2",
        "--only", "sst2", "--pretrain-steps", "30", "--dry-run", "--out", tmp.resolve("ablation-plan").toString());
    assertEquals(0, r.exitCode(), r.stderr());
    List<String> commands = r.stdout().lines().filter(l -> l.startsWith("    mlm ")).map(String::strip).toList();
    List<String> pretrain = commands.stream().filter(c -> c.startsWith("mlm pretrain")).toList();
    assertEquals(4, pretrain.size(), r.stdout());
    assertTrue(commands.stream().anyMatch(c -> c.startsWith("mlm ner train")), "mixture includes entity masking: " + r.stdout());
    assertTrue(pretrain.stream().allMatch(c -> c.contains("--steps 30 ")), pretrain.toString());
    // once masking and seed are blanked out, the four pretraining commands are identical
    assertEquals(1, pretrain.stream().map(c -> c.replaceAll("--masking \\S+", "").replaceAll("--seed \\d+", "")
        .replaceAll("--ner \\S+", "").replaceAll("\\s+", " ")).distinct().count(), pretrain.toString());
    assertTrue(pretrain.stream().anyMatch(c -> c.contains("--masking mixture:random=0.4,span=0.3,entity=0.3 ")), pretrain.toString());
    List<String> tests = commands.stream().filter(c -> c.startsWith("mlm classify eval"))
        .map(c -> c.replaceAll(".*--test (\\S+).*", "$1")).distinct().toList();
    assertEquals(1, tests.size(), "one test subset for every strategy and seed: " + tests);
    assertEquals(2, commands.stream().filter(c -> c.startsWith("mlm classify train")).map(c -> c.replaceAll(".*--seed (\\d+).*", "$1"))
        .distinct().count());
  }
}
