package org.mlmsuite.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.mlmsuite.backbone.Backbone;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code mlm fill-mask}: what a backbone's masked-LM head predicts for each [MASK]. */
@Command(
    name = "fill-mask",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Print the most probable tokens for each [MASK] in the given texts.")
final class FillMaskCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--model", required = true, description = "Backbone folder (mlm pretrain or mlm backbone init).")
  Path model;

  @Option(names = "--top-k", defaultValue = "5", description = "Candidates per mask (default ${DEFAULT-VALUE}).")
  int topK;

  @Parameters(arity = "1..*", paramLabel = "TEXT", description = "Texts with one or more [MASK].")
  List<String> texts;

  @Override
  public Integer call() {
    var out = spec.commandLine().getOut();
    try (Backbone backbone = Backbone.open(model)) {
      for (String text : texts) {
        out.println(text);
        List<List<Backbone.Candidate>> masks = backbone.fillMask(text, topK);
        for (int i = 0; i < masks.size(); i++) {
          StringBuilder line = new StringBuilder("  [MASK] " + (i + 1) + ":");
          for (Backbone.Candidate c : masks.get(i)) {
            line.append(String.format(" %s (%.3f)", c.token(), c.probability()));
          }
          out.println(line);
        }
      }
    }
    out.flush();
    return 0;
  }
}
