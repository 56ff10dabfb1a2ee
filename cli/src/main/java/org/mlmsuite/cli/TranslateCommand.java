package org.mlmsuite.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.mlmsuite.backbone.seq2seq.GenerationOptions;
import org.mlmsuite.backbone.seq2seq.Seq2SeqTraining;
import org.mlmsuite.backbone.seq2seq.Seq2SeqTrainingConfig;
import org.mlmsuite.backbone.train.TrainingProgress;
import org.mlmsuite.eval.report.Provenance;
import org.mlmsuite.eval.report.Report;
import org.mlmsuite.eval.report.ReportWriter;
import org.mlmsuite.translation.ParallelData;
import org.mlmsuite.translation.TranslationEvaluation;
import org.mlmsuite.translation.TranslationOptions;
import org.mlmsuite.translation.TranslationTraining;
import org.mlmsuite.translation.Translator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code mlm translate train|eval|run}: BERT2BERT translation warm-started from a backbone. */
@Command(
    name = "translate", header = "Fine-tune, evaluate and run translation models warm-started from a backbone.",
    mixinStandardHelpOptions = true,
    description = {
        "Train an encoder-decoder translation model warm-started from a backbone (BERT2BERT: the",
        "decoder starts from the backbone's layers, cross-attention is new), evaluate it with",
        "sacreBLEU-exact BLEU and chrF, and translate text. Source and target share the backbone's",
        "vocabulary, so pretrain the backbone (or at least its vocabulary) on both languages."},
    subcommands = {TranslateCommand.Train.class, TranslateCommand.Eval.class, TranslateCommand.Run.class})
public final class TranslateCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** Decoding options from the command line; unset ones fall back to the model's defaults. */
  static final class DecodeOptions {
    List<Integer> beams = new ArrayList<>();
    Double lengthPenalty;
    Integer maxLength;

    List<TranslationOptions> resolve(TranslationOptions model) {
      List<Integer> sizes = beams.isEmpty() ? List.of(model.beamSize()) : beams;
      List<TranslationOptions> out = new ArrayList<>();
      for (int beam : sizes) {
        out.add(new TranslationOptions(beam, lengthPenalty != null ? lengthPenalty : model.lengthPenalty(),
            maxLength != null ? maxLength : model.maxLength()));
      }
      return out;
    }
  }

  /** Parallel data: a catalog name, a CSV/TSV, or two line-aligned files. */
  static ParallelData data(String dataOrFile, Path sourceFile, Path targetFile, String sourceColumn,
      String targetColumn, boolean noHeader, String defaultSplit, Path dataDir, String what) {
    if (dataOrFile != null && sourceFile != null) {
      throw new IllegalArgumentException("give --" + what + " or --" + prefix(what) + "source-file/--"
          + prefix(what) + "target-file, not both");
    }
    if (dataOrFile == null && (sourceFile == null || targetFile == null)) {
      throw new IllegalArgumentException("give --" + what + " (dataset[:split] or CSV/TSV) or both --"
          + prefix(what) + "source-file and --" + prefix(what) + "target-file");
    }
    ParallelData.Location where = dataOrFile != null
        ? new ParallelData.Location(dataOrFile, null, sourceColumn, targetColumn, noHeader ? Boolean.FALSE : null)
        : new ParallelData.Location(sourceFile.toString(), targetFile.toString(), null, null, null);
    return ParallelData.read(where, defaultSplit, dataDir);
  }

  /** The first {@code n} pairs (0 or at least the size: all), named so reports say it is a subset. */
  static ParallelData first(ParallelData data, int n) {
    if (n <= 0 || n >= data.size()) {
      return data;
    }
    return new ParallelData(data.pairs().subList(0, n), data.source() + " (first " + n + ")", data.name(), data.split());
  }

  private static String prefix(String what) {
    return what.equals("train") || what.equals("test") ? "" : what + "-";
  }

  @Command(name = "train", header = "Fine-tune a BERT2BERT translation model on parallel text.", mixinStandardHelpOptions = true,
      description = {"Fine-tune a BERT2BERT model on parallel text with AdamW, warmup and decay; label-smoothed",
          "cross-entropy with teacher forcing. With dev data the lowest dev loss is exported."})
  static final class Train implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--backbone", required = true, description = "Backbone model directory (kind 'backbone').")
    Path backbone;

    @Option(names = "--train", description = "Training pairs: NAME[:SPLIT] (multi30k-en-de) or a CSV/TSV with source/target columns.")
    String train;

    @Option(names = "--source-file", description = "Training sources, one per line (with --target-file).")
    Path sourceFile;

    @Option(names = "--target-file", description = "Training targets, line-aligned with --source-file.")
    Path targetFile;

    @Option(names = "--max-train-pairs", defaultValue = "0", description = "Use only the first N training pairs (0: all).")
    int maxTrain;

    @Option(names = "--dev", description = "Dev pairs (NAME[:SPLIT] or CSV/TSV), e.g. multi30k-en-de:val.")
    String dev;

    @Option(names = "--dev-source-file", description = "Dev sources (with --dev-target-file).")
    Path devSourceFile;

    @Option(names = "--dev-target-file", description = "Dev targets.")
    Path devTargetFile;

    @Option(names = "--source-column", description = "Source column of a CSV/TSV (default: source, or 0 without header).")
    String sourceColumn;

    @Option(names = "--target-column", description = "Target column of a CSV/TSV (default: target, or 1 without header).")
    String targetColumn;

    @Option(names = "--no-header", description = "The CSV/TSV has no header row.")
    boolean noHeader;

    @Option(names = "--data-dir", description = "Dataset mirror for catalog names (default: $MLM_DATA_DIR).")
    Path dataDir;

    @Option(names = "--out", required = true, description = "Model directory to write (also holds the resumable run).")
    Path out;

    @Option(names = "--steps", defaultValue = "1000", description = "Optimizer steps (default ${DEFAULT-VALUE}).")
    long steps;

    @Option(names = "--batch-size", defaultValue = "32", description = "Pairs per step (default ${DEFAULT-VALUE}).")
    int batchSize;

    @Option(names = "--lr", defaultValue = "1e-4", description = "Peak learning rate (default ${DEFAULT-VALUE}); 10%% warmup, linear decay.")
    double lr;

    @Option(names = "--seed", defaultValue = "42", description = "Seed for the new weights, data order and dropout (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--max-source-length", defaultValue = "128", description = "Source word pieces incl. [CLS]/[SEP] (default ${DEFAULT-VALUE}).")
    int maxSource;

    @Option(names = "--max-target-length", defaultValue = "128", description = "Target word pieces incl. [CLS]/[SEP] (default ${DEFAULT-VALUE}).")
    int maxTarget;

    @Option(names = "--label-smoothing", defaultValue = "0.1", description = "Label smoothing epsilon (default ${DEFAULT-VALUE}).")
    double labelSmoothing;

    @Option(names = "--cross-attention-init", defaultValue = "0.1", description = "Std of the new cross-attention weights (default ${DEFAULT-VALUE}; 0.02 stalls on small data).")
    double crossInit;

    @Option(names = "--beam", defaultValue = "4", description = "Default beam size saved with the model (default ${DEFAULT-VALUE}).")
    int beam;

    @Option(names = "--length-penalty", defaultValue = "1.0", description = "Default length penalty alpha saved with the model (default ${DEFAULT-VALUE}).")
    double lengthPenalty;

    @Option(names = "--eval-every", defaultValue = "0", description = "Steps between dev evaluations (default: only at the end).")
    int evalEvery;

    @Option(names = "--patience", defaultValue = "0", description = "Stop after this many dev evaluations without improvement (0: never).")
    int patience;

    @Option(names = "--max-dev-pairs", defaultValue = "500", description = "Dev pairs scored per evaluation (default ${DEFAULT-VALUE}; 0: all).")
    int maxDev;

    @Option(names = "--checkpoint-every", defaultValue = "0", description = "Steps between resumable checkpoints (0: at the end and at each new best).")
    int checkpointEvery;

    @Option(names = "--no-pretraining", description = "Ignore the backbone's weights: random init, same shape and vocabulary (baseline).")
    boolean noPretraining;

    @Option(names = "--resume", description = "Continue the run in --out from its newest checkpoint.")
    boolean resume;

    @Override
    public Integer call() {
      PrintWriter err = spec.commandLine().getErr();
      ParallelData trainData = first(data(train, sourceFile, targetFile, sourceColumn, targetColumn, noHeader, "train",
          dataDir, "train"), maxTrain);
      ParallelData devData = dev == null && devSourceFile == null ? null
          : data(dev, devSourceFile, devTargetFile, sourceColumn, targetColumn, noHeader, "val", dataDir, "dev");
      Seq2SeqTrainingConfig cfg = Seq2SeqTrainingConfig.defaults(steps).withBatch(batchSize, lr).withSeed(seed)
          .withLengths(maxSource, maxTarget).withModel(labelSmoothing, crossInit, noPretraining)
          .withEvaluation(evalEvery, patience, maxDev).withCheckpointEvery(checkpointEvery)
          .withGeneration(new GenerationOptions(beam, lengthPenalty, maxTarget));
      Seq2SeqTraining.Result result = new TranslationTraining(m -> {
        err.println(m);
        err.flush();
      }, TrainingProgress.toStderr()).run(backbone, trainData, devData, cfg, out, resume);
      PrintWriter stdout = spec.commandLine().getOut();
      stdout.printf(Locale.ROOT, "wrote %s (step %d exported of %d, %.1f s)%n", out, result.exportedStep(),
          result.summary().step(), result.summary().elapsedSeconds());
      if (!result.dev().isEmpty()) {
        stdout.printf(Locale.ROOT, "dev: loss %.4f  perplexity %.2f  token accuracy %.4f%n",
            result.dev().get("dev_loss"), result.dev().get("dev_perplexity"), result.dev().get("dev_token_accuracy"));
      }
      stdout.flush();
      return 0;
    }
  }

  @Command(name = "eval", header = "Translate a test set and score BLEU and chrF2 exactly as sacreBLEU does.", mixinStandardHelpOptions = true,
      description = {"Translate a test set and score it: corpus BLEU (13a, case-sensitive) and chrF2 on detokenised",
          "output, exactly as sacreBLEU, with signatures; a copy-source baseline row; writes report.json/md/html."})
  static final class Eval implements Callable<Integer> {
    @Spec CommandSpec spec;
    DecodeOptions decode = new DecodeOptions();

    @Option(names = "--model", required = true, description = "Translation model directory.")
    Path model;

    @Option(names = "--test", description = "Test pairs: NAME[:SPLIT] (e.g. multi30k-en-de:test) or a CSV/TSV.")
    String test;

    @Option(names = "--max-test-pairs", defaultValue = "0", description = "Score only the first N test pairs (0: all).")
    int maxTest;

    @Option(names = "--source-file", description = "Test sources, one per line (with --target-file).")
    Path sourceFile;

    @Option(names = "--target-file", description = "References, line-aligned with --source-file.")
    Path targetFile;

    @Option(names = "--source-column", description = "Source column of a CSV/TSV.")
    String sourceColumn;

    @Option(names = "--target-column", description = "Target column of a CSV/TSV.")
    String targetColumn;

    @Option(names = "--no-header", description = "The CSV/TSV has no header row.")
    boolean noHeader;

    @Option(names = "--data-dir", description = "Dataset mirror for catalog names (default: $MLM_DATA_DIR).")
    Path dataDir;

    @Option(names = "--beam", split = ",", description = "Beam sizes to score, e.g. 1,4 (1 = greedy). Default: the model's.")
    void beams(List<Integer> sizes) {
      decode.beams = sizes;
    }

    @Option(names = "--length-penalty", description = "Length penalty alpha (default: the model's).")
    void lengthPenalty(double alpha) {
      decode.lengthPenalty = alpha;
    }

    @Option(names = "--max-length", description = "Maximum generated word pieces (default: the model's).")
    void maxLength(int n) {
      decode.maxLength = n;
    }

    @Option(names = "--hypotheses", description = "Also write the first system's translations here, one per line.")
    Path hypotheses;

    @Option(names = "--report", description = "Report directory (default: <model>/eval).")
    Path reportDir;

    @Override
    public Integer call() throws IOException {
      ParallelData testData = first(data(test, sourceFile, targetFile, sourceColumn, targetColumn, noHeader, "test",
          dataDir, "test"), maxTest);
      PrintWriter err = spec.commandLine().getErr();
      try (Translator translator = Translator.load(model)) {
        List<TranslationEvaluation.Scored> rows = new ArrayList<>();
        for (TranslationOptions options : decode.resolve(translator.defaultOptions())) {
          err.printf(Locale.ROOT, "translate: %d segments, %s%n", testData.size(), describe(options));
          err.flush();
          rows.add(TranslationEvaluation.evaluate(describe(options), translator, testData, options));
        }
        rows.add(TranslationEvaluation.copySourceBaseline(testData));
        Provenance.Builder provenance = Provenance.builder()
            .command("mlm", spec.commandLine().getParseResult().originalArgs().toArray(String[]::new))
            .dataset(testData.name(), testData.split(), testData.size(), testData.source())
            .modelConfig(translator.info());
        for (TranslationEvaluation.Scored s : rows) {
          if (!s.baseline()) {
            provenance.timing(s.system(), s.seconds());
          }
        }
        Report report = TranslationEvaluation.report("Translation: " + model.getFileName() + " on " + testData.source(),
            rows, testData, translator.info(), provenance.build(), model.resolve("train-log.jsonl"));
        Path dir = reportDir != null ? reportDir : model.resolve("eval");
        new ReportWriter().write(report, dir);
        if (hypotheses != null) {
          AtomicTextFile.writeLines(hypotheses, rows.get(0).hypotheses());
        }
        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "%s: %d segments%n", testData.source(), testData.size());
        out.printf(Locale.ROOT, "%-34s %7s %7s %6s %7s%n", "system", "BLEU", "chrF2", "BP", "seconds");
        for (TranslationEvaluation.Scored s : rows) {
          out.printf(Locale.ROOT, "%-34s %7.2f %7.2f %6.3f %7.1f%n", (s.baseline() ? "baseline: " : "") + s.system(),
              s.bleu().score(), s.chrf().score(), s.bleu().bp(), s.seconds());
        }
        out.printf(Locale.ROOT, "BLEU signature: %s%nchrF signature: %s%n", rows.get(0).bleu().signature(),
            rows.get(0).chrf().signature());
        if (translator.info().lowercase()) {
          out.println("note: uncased vocabulary, outputs are lowercase; BLEU/chrF are case-sensitive");
        }
        out.printf(Locale.ROOT, "report: %s%n", dir.resolve(ReportWriter.HTML));
        out.flush();
      }
      return 0;
    }

    private static String describe(TranslationOptions o) {
      return (o.beamSize() == 1 ? "greedy" : "beam " + o.beamSize() + ", length penalty " + o.lengthPenalty())
          + ", max " + o.maxLength();
    }

  }

  @Command(name = "run", header = "Translate lines from stdin to stdout, one translation per line.", mixinStandardHelpOptions = true,
      description = {"Translate lines from stdin to stdout, one translation per line, in order (a blank line",
          "gives a blank line)."})
  static final class Run implements Callable<Integer> {
    private static final int BATCH = 32;
    @Spec CommandSpec spec;

    @Option(names = "--model", required = true, description = "Translation model directory.")
    Path model;

    @Option(names = "--beam", description = "Beam size (1 = greedy). Default: the model's.")
    Integer beam;

    @Option(names = "--length-penalty", description = "Length penalty alpha (default: the model's).")
    Double lengthPenalty;

    @Option(names = "--max-length", description = "Maximum generated word pieces (default: the model's).")
    Integer maxLength;

    @Override
    public Integer call() throws IOException {
      try (Translator translator = Translator.load(model)) {
        TranslationOptions d = translator.defaultOptions();
        TranslationOptions options = new TranslationOptions(beam != null ? beam : d.beamSize(),
            lengthPenalty != null ? lengthPenalty : d.lengthPenalty(), maxLength != null ? maxLength : d.maxLength());
        PrintWriter out = spec.commandLine().getOut();
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        List<String> lines = new ArrayList<>();
        for (String line; (line = in.readLine()) != null; ) {
          lines.add(line);
          if (lines.size() == BATCH) {
            flush(translator, options, lines, out);
          }
        }
        flush(translator, options, lines, out);
      }
      return 0;
    }

    private static void flush(Translator translator, TranslationOptions options, List<String> lines, PrintWriter out) {
      List<String> texts = lines.stream().filter(l -> !l.isBlank()).toList();
      List<String> translated = translator.translateBatch(texts, options);
      int k = 0;
      for (String line : lines) {
        out.println(line.isBlank() ? "" : translated.get(k++));
      }
      out.flush();
      lines.clear();
    }
  }
}
