package org.mlmsuite.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.mlmsuite.backbone.ner.NameFinderTrainer;
import org.mlmsuite.backbone.ner.NameFinderTraining;
import org.mlmsuite.backbone.ner.NameFinderTrainingConfig;
import org.mlmsuite.backbone.ner.NerEvaluator;
import org.mlmsuite.backbone.ner.NerScores;
import org.mlmsuite.datasets.CatalogFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mlm ner train|eval}: the OpenNLP name finder that entity masking uses. */
@Command(
    name = "ner",
    mixinStandardHelpOptions = true,
    description = {
        "Train and evaluate the English name finder used for entity masking.",
        "A model trained on CoNLL-2003 is for research use only: never redistribute it."},
    subcommands = {NerCommand.Train.class, NerCommand.Eval.class})
public final class NerCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  @Command(name = "train", mixinStandardHelpOptions = true,
      description = "Train OpenNLP's maxent name finder on a CoNLL-2003 style file.")
  static final class Train implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--conll", required = true,
        description = "Training file, or a catalog name: conll2003 (train split) or conll2003:<train|valid|test>.")
    String conll;

    @Option(names = "--out", required = true, description = "Model file to write, e.g. ner-en.bin.")
    Path out;

    @Option(names = "--iterations", defaultValue = "100", description = "Maxent iterations (default ${DEFAULT-VALUE}).")
    int iterations;

    @Option(names = "--cutoff", defaultValue = "5", description = "Feature count cutoff (default ${DEFAULT-VALUE}).")
    int cutoff;

    @Option(names = "--threads", defaultValue = "2", description = "Trainer threads (default ${DEFAULT-VALUE}).")
    int threads;

    @Override
    public Integer call() throws IOException {
      PrintWriter err = spec.commandLine().getErr();
      Duration took = NameFinderTraining.run(request(), m -> {
        err.println(m);
        err.flush();
      });
      spec.commandLine().getOut().printf(Locale.ROOT, "wrote %s (trained in %.1f s)%n", out, took.toMillis() / 1000.0);
      err.println(NameFinderTraining.TERMS_NOTICE);
      return 0;
    }

    NameFinderTraining.Request request() {
      return new NameFinderTraining.Request(conllFile(conll, "train"), new NameFinderTrainingConfig(iterations, cutoff, threads), out);
    }
  }

  @Command(name = "eval", mixinStandardHelpOptions = true,
      description = "Precision, recall and F1 (exact span and type, CoNLL-style) overall and per type.")
  static final class Eval implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--model", required = true, description = "Model file written by 'mlm ner train'.")
    Path model;

    @Option(names = "--conll", required = true,
        description = "Test file, or a catalog name: conll2003 (test split) or conll2003:<train|valid|test>.")
    String conll;

    @Override
    public Integer call() throws IOException {
      Path data = conllFile(conll, "test");
      NerScores scores = NerEvaluator.evaluate(NameFinderTrainer.load(model), data);
      PrintWriter out = spec.commandLine().getOut();
      out.printf(Locale.ROOT, "%s: %d sentences%n", data, scores.sentences());
      out.printf(Locale.ROOT, "%-8s %9s %9s %9s %7s %7s %7s%n", "type", "precision", "recall", "F1", "tp", "fp", "fn");
      scores.perType().forEach((type, c) -> print(out, type, c));
      print(out, "overall", scores.overall());
      out.flush();
      return 0;
    }

    private static void print(PrintWriter out, String type, NerScores.Counts c) {
      out.printf(Locale.ROOT, "%-8s %9.2f %9.2f %9.2f %7d %7d %7d%n", type, 100 * c.precision(),
          100 * c.recall(), 100 * c.f1(), c.truePositives(), c.falsePositives(), c.falseNegatives());
    }
  }

  /** A CoNLL file argument: a path, or {@code conll2003[:split]} in the data directory. */
  private static Path conllFile(String argument, String defaultSplit) {
    return CatalogFiles.single(argument, defaultSplit, "CoNLL");
  }
}
