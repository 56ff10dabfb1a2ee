package org.mlmsuite.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.mlmsuite.bench.AblationRun;
import org.mlmsuite.bench.Bench;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code mlm bench} and {@code mlm bench ablation}: their options; {@link Bench} and {@link AblationRun}
 * plan and run the stages and write the report.
 */
@Command(
    name = "bench", header = "Run every task on the mirror from one backbone, beside baselines and published numbers.",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
        "Runs every task (classification, translation, summarization) on the dataset "
            + "mirror from one backbone (built from the suite's recipe, or --backbone), "
            + "beside baselines (no pretraining, OpenNLP doccat, copy-source, Lead-3 and "
            + "Longest-3) and published reference numbers, and writes one report "
            + "(report.json/md/html) with the commands, seed, versions, hardware, data sizes "
            + "and wall time of every result. Each stage is an ordinary mlm command, cached "
            + "under the work directory, so a rerun reuses what is built.",
        "Suites: quick (micro model, small subsets, minutes: a pipeline check), full "
            + "(tiny model, full splits, hours), or a suite .json file of the same shape."},
    subcommands = {BenchCommand.Ablation.class})
final class BenchCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--suite", defaultValue = "quick", description = "quick, full, or a suite .json file (default ${DEFAULT-VALUE}).")
  String suiteName;

  @Option(names = "--only", split = ",", description = "Run only these: task kinds (classification, translation, summarization) or run names (sst2, agnews, multi30k, ...).")
  List<String> only;

  @Option(names = "--backbone", description = "Use this pretrained backbone folder instead of building one from the suite's recipe.")
  Path backbone;

  @Option(names = "--out", description = "Report directory (default: runs/bench-<suite>).")
  Path out;

  @Option(names = "--work-dir", description = "Where stages are built and cached (default: <out>/stages).")
  Path workDir;

  @Option(names = "--dry-run", description = "Print the stages' commands and stop.")
  boolean dryRun;

  @Override
  public Integer call() {
    Bench.run(new Bench.Options(suiteName, only, backbone, out, workDir, dryRun),
        spec.commandLine().getParseResult().originalArgs(), spec.commandLine().getOut(), spec.commandLine().getErr());
    return 0;
  }

  @Command(name = "ablation", header = "Masking ablation: one backbone per strategy and seed, fine-tuned on the same tasks.", mixinStandardHelpOptions = true,
      description = "Masking ablation: pretrains one backbone per masking strategy and seed with "
          + "the suite's recipe (same steps, batch, data and vocabulary), fine-tunes each "
          + "on the suite's tasks (default: its classification runs), and reports per "
          + "task and strategy the mean and sample SD over seeds, with a statement per "
          + "strategy of whether its difference from 'random' exceeds the seed spread "
          + "(|difference of means| > 2 x pooled SD).")
  static final class Ablation implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--masking", split = ",", required = true,
        description = "Strategies: random, whole-word, span, entity, mixture (= " + AblationRun.MIXTURE + "), "
            + "or any 'mlm pretrain --masking' spec with ';' between mixture parts.")
    List<String> masking;

    @Option(names = "--seeds", defaultValue = "3", description = "Seeds per strategy (default ${DEFAULT-VALUE}).")
    int seeds;

    @Option(names = "--suite", defaultValue = "quick", description = "Backbone recipe and tasks: quick, full or a suite .json (default ${DEFAULT-VALUE}).")
    String suiteName;

    @Option(names = "--only", split = ",", defaultValue = "classification", description = "Tasks to fine-tune (default ${DEFAULT-VALUE}).")
    List<String> only;

    @Option(names = "--dry-run", description = "Print the stages' commands and stop.")
    boolean dryRun;

    @Option(names = "--pretrain-steps", defaultValue = "0", description = "Pretraining steps per backbone (default: the suite's).")
    long pretrainSteps;

    @Option(names = "--finetune-steps", defaultValue = "0", description = "Fine-tuning steps per task run (default: the suite's).")
    long finetuneSteps;

    @Option(names = "--out", description = "Report directory (default: runs/bench-ablation-<suite>).")
    Path out;

    @Option(names = "--work-dir", description = "Where stages are built and cached (default: <out>/stages).")
    Path workDir;

    @Override
    public Integer call() {
      AblationRun.run(new AblationRun.Options(masking, seeds, suiteName, only, pretrainSteps, finetuneSteps, out, workDir,
              dryRun), "mlm " + String.join(" ", spec.commandLine().getParseResult().originalArgs()),
          spec.commandLine().getOut(), spec.commandLine().getErr());
      return 0;
    }
  }
}
