package org.mlmsuite.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.mlmsuite.backbone.ModelDirectory;
import org.mlmsuite.backbone.UntrainedBackbone;
import org.mlmsuite.backbone.model.TransformerConfig;
import org.mlmsuite.backbone.text.TokenizerConfig;
import org.mlmsuite.backbone.text.WordPieceTokenizer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mlm backbone init}: a backbone folder with fresh random weights. */
@Command(
    name = "backbone",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Backbone model folders that need no pretraining run (init: random weights).",
    subcommands = {BackboneCommand.Init.class})
final class BackboneCommand {

  @Command(
      name = "init", header = "Write a backbone with random weights (the no-pretraining baseline).",
      mixinStandardHelpOptions = true,
      description = {"Writes a backbone with randomly initialised weights: the no-pretraining baseline",
          "every task compares against (same architecture and vocabulary, no pretraining)."})
  static final class Init implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--vocab", required = true, description = "WordPiece vocab.txt.")
    Path vocab;

    @Option(names = "--preset", defaultValue = "tiny", description = "micro, tiny or mini (default ${DEFAULT-VALUE}).")
    String preset;

    @Option(names = "--cased", description = "Keep case and accents; default is uncased.")
    boolean cased;

    @Option(names = "--seed", defaultValue = "42", description = "Initialisation seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--out", required = true, description = "Backbone folder to write.")
    Path out;

    @Override
    public Integer call() {
      WordPieceTokenizer tokenizer = WordPieceTokenizer.load(vocab, cased ? TokenizerConfig.cased() : TokenizerConfig.uncased());
      TransformerConfig config = TransformerConfig.preset(preset, tokenizer.vocabulary().size());
      ModelDirectory dir = UntrainedBackbone.write(out, config, tokenizer, seed);
      spec.commandLine().getOut().printf("wrote untrained %s backbone (L%d/H%d, vocab %d) to %s%n", preset,
          config.numLayers(), config.hiddenSize(), config.vocabSize(), dir.path());
      return 0;
    }
  }
}
