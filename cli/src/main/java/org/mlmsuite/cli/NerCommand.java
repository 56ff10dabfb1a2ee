package org.mlmsuite.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import opennlp.tools.namefind.TokenNameFinderModel;
import org.mlmsuite.backbone.ner.NameFinderTrainer;
import org.mlmsuite.backbone.ner.NameFinderTrainingConfig;
import org.mlmsuite.backbone.ner.NerEvaluator;
import org.mlmsuite.backbone.ner.NerScores;
import org.mlmsuite.backbone.train.AtomicFiles;
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
      Path data = conllFile(conll, "train");
      NameFinderTrainingConfig config = new NameFinderTrainingConfig(iterations, cutoff, threads);
      PrintWriter err = spec.commandLine().getErr();
      err.println("ner: training on " + data + " (" + iterations + " iterations, cutoff " + cutoff + ")");
      err.flush();
      Instant start = Instant.now();
      TokenNameFinderModel model = NameFinderTrainer.train(data, config);
      Duration took = Duration.between(start, Instant.now());
      NameFinderTrainer.save(model, out);
      writeProvenance(data, config, took);
      spec.commandLine().getOut().printf(Locale.ROOT, "wrote %s (trained in %.1f s)%n", out, took.toMillis() / 1000.0);
      err.println("ner: a model trained on CoNLL-2003 is for research use only; do not redistribute it");
      return 0;
    }

    /** Records data, config and timing beside the model ({@code <out>.json}). */
    private void writeProvenance(Path data, NameFinderTrainingConfig config, Duration took) throws IOException {
      Map<String, Object> provenance = new LinkedHashMap<>();
      provenance.put("model", out.getFileName().toString());
      provenance.put("trainer", "OpenNLP NameFinderME maxent, default feature generators, BIO codec");
      provenance.put("data", data.toAbsolutePath().toString());
      provenance.put("config", config);
      provenance.put("trainingSeconds", took.toMillis() / 1000.0);
      provenance.put("createdAt", Instant.now().toString());
      provenance.put("terms", "If trained on CoNLL-2003 (Reuters): research use only, do not redistribute.");
      Path json = out.resolveSibling(out.getFileName() + ".json");
      Path tmp = AtomicFiles.tempSibling(json);
      try {
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(tmp.toFile(), provenance);
        Files.move(tmp, json, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
            java.nio.file.StandardCopyOption.ATOMIC_MOVE);
      } finally {
        Files.deleteIfExists(tmp);
      }
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
    List<Path> files = CatalogFiles.resolve(argument, defaultSplit);
    if (files.size() != 1) {
      throw new IllegalArgumentException(argument + ": expected one CoNLL file, found " + files.size());
    }
    return files.get(0);
  }
}
