package org.mlmsuite.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
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
    description = "Print the most probable tokens for each [MASK] in the given texts: token, vocabulary id, probability.")
final class FillMaskCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--model", required = true, description = "Backbone folder (mlm backbone import, mlm pretrain or mlm backbone init).")
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
          out.println("  [MASK] " + (i + 1) + ":");
          int width = masks.get(i).stream().mapToInt(c -> c.token().length()).max().orElse(0);
          int rank = 1;
          for (Backbone.Candidate c : masks.get(i)) {
            out.printf(Locale.ROOT, "    %d. %-" + width + "s  id %-6d  p %.4f%n", rank++, c.token(), c.id(), c.probability());
          }
        }
      }
    }
    out.flush();
    return 0;
  }
}
