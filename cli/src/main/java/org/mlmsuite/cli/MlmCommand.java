package org.mlmsuite.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The single {@code mlm} command. Subcommands are listed in the order a newcomer meets them; each
 * has a one-line header for this list. {@link Main} turns user errors into one line and exit code 2.
 */
@Command(
    name = "mlm",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Pretrain a masked-language-model backbone and fine-tune it for classification, translation and summarization.",
    // The newcomer's path; HelpTextTest parses every "mlm ..." line with the real commands.
    footerHeading = "%nFrom BERT-Base to a small fast classifier:%n",
    footer = {
        "  mlm backbone import --from bert-base-uncased --out bb-base",
        "  mlm classify train --backbone bb-base --train reviews.csv --out clf",
        "  mlm distill --teacher clf --train reviews.csv --out clf-tiny",
        "  mlm classify predict --model clf-tiny --input new.csv --output predicted.csv",
        "--train takes a CSV/TSV with text and label columns, or a catalog name such as sst2.",
        "Java code loads the same folder: TextClassifier.load(Path.of(\"clf-tiny\")).",
        "",
        "Run 'mlm COMMAND --help' for a command's options."},
    subcommands = {
        DemoCommand.class,
        DatasetsCommand.class,
        TokenizerCommand.class,
        TokenizeCommand.class,
        NerCommand.class,
        PretrainCommand.class,
        BackboneCommand.class,
        FillMaskCommand.class,
        ClassifyCommand.class,
        DistillCommand.class,
        TranslateCommand.class,
        SummarizeCommand.class,
        BenchCommand.class,
        MetricsCommand.class,
        CommandLine.HelpCommand.class,
    })
public final class MlmCommand implements Runnable {
  /** slf4j-simple's level for OpenNLP's loggers; simplelogger.properties sets it to warn. */
  static final String OPENNLP_LOG_LEVEL = "org.slf4j.simpleLogger.log.opennlp";

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /** Before any logger exists (they are created when a command runs), so slf4j-simple reads it. */
  @CommandLine.Option(names = "--verbose", scope = CommandLine.ScopeType.INHERIT,
      description = "Show library logs (OpenNLP's training iterations) that are hidden by default.")
  void verbose(boolean on) {
    if (on) {
      System.setProperty(OPENNLP_LOG_LEVEL, "info");
    }
  }

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }
}
