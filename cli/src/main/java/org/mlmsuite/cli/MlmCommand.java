package org.mlmsuite.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The single {@code mlm} command. Each feature adds its subcommand to {@link #SUBCOMMANDS}'s
 * annotation list below; {@link Main} turns user errors into one line and exit code 2.
 */
@Command(
    name = "mlm",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Pretrain a masked-language-model backbone and fine-tune it for classification, translation and summarization.",
    subcommands = {
        CommandLine.HelpCommand.class,
        MetricsCommand.class,
        NerCommand.class,
        DatasetsCommand.class,
        TokenizerCommand.class,
        TokenizeCommand.class,
        ClassifyCommand.class,
        BackboneCommand.class,
        PretrainCommand.class,
        FillMaskCommand.class,
        DemoCommand.class,
        BenchCommand.class,
        SummarizeCommand.class,
        TranslateCommand.class,
    })
public final class MlmCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }
}
