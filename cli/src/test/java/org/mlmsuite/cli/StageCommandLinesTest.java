package org.mlmsuite.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlmsuite.bench.NameFinderStage;
import org.mlmsuite.bench.PretrainingStage;
import org.mlmsuite.bench.Stage;
import org.mlmsuite.bench.UntrainedBackboneStage;
import org.mlmsuite.bench.VocabularyStage;
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
    String[] args = stage.commandLine().stream().map(a -> a.replace(Stage.OUT, stageDir.toString())).toArray(String[]::new);
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
        // the demo's: entity masking, default seed
        new PretrainingStage(List.of("pretrain-en", "multi30k-en-de"), "/v/vocab.txt", true, "/n/ner-en.bin", "entity",
            "tiny", 300, 32, 128, 1e-3, null, 100, 100, "model"),
        // a bench recipe's: uncased, no entities, its own seed
        new PretrainingStage(List.of("pretrain-en"), "{stage:vocab}/vocab.txt", false, null, "mixture:random=0.5,span=0.5",
            "micro", 40, 8, 64, 5e-4, 43L, 10, 10, "model"))) {
      assertEquals(stage.config(), parsed(stage, PretrainCommand.class).config(), stage.commandLine().toString());
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
}
