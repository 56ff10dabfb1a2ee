package org.mlmsuite.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.mlmsuite.backbone.train.TrainingProgress;
import org.mlmsuite.classification.ClassWeights;
import org.mlmsuite.classification.ClassifierEvaluation;
import org.mlmsuite.classification.ClassifierInfo;
import org.mlmsuite.classification.ClassifierTraining;
import org.mlmsuite.classification.ClassifierTrainingConfig;
import org.mlmsuite.classification.DoccatBaseline;
import org.mlmsuite.classification.LabeledData;
import org.mlmsuite.classification.Prediction;
import org.mlmsuite.classification.TextClassifier;
import org.mlmsuite.classification.TextColumns;
import org.mlmsuite.datasets.BadRowPolicy;
import org.mlmsuite.datasets.Column;
import org.mlmsuite.datasets.DelimitedFormat;
import org.mlmsuite.datasets.DelimitedReader;
import org.mlmsuite.datasets.DelimitedRow;
import org.mlmsuite.eval.classification.ClassScores;
import org.mlmsuite.eval.classification.McNemarTest;
import org.mlmsuite.eval.report.Provenance;
import org.mlmsuite.eval.report.Report;
import org.mlmsuite.eval.report.ReportWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code mlm classify train|eval|predict}: fine-tune a backbone on labeled text, evaluate, predict. */
@Command(
    name = "classify", header = "Fine-tune, evaluate and run text classifiers on any labeled CSV/TSV or catalog data set.",
    mixinStandardHelpOptions = true,
    description = {
        "Fine-tune a backbone for text (or text-pair) classification on any CSV/TSV or a catalog",
        "dataset (sst2, agnews), evaluate it against baselines, and predict.",
        "No-pretraining baseline: the same command with --no-pretraining (same Transformer and",
        "vocabulary, random weights)."},
    subcommands = {ClassifyCommand.Train.class, ClassifyCommand.Eval.class, ClassifyCommand.Predict.class})
public final class ClassifyCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** Where the text and label are in a CSV/TSV; catalog datasets ignore these. */
  static final class ColumnOptions {
    @Option(names = "--text-column", description = "Text column (name, or 0-based index without header). Default: text, or the model's.")
    String text;

    @Option(names = "--text-column-b", description = "Second text column, for pair tasks (entailment, paraphrase).")
    String textPair;

    @Option(names = "--label-column", description = "Label column. Default: label, or the model's.")
    String label;

    @Option(names = "--no-header", description = "The file has no header row (columns are then 0-based indexes).")
    boolean noHeader;

    @Option(names = "--data-dir", description = "Dataset mirror for catalog names (default: $MLM_DATA_DIR).")
    Path dataDir;

    TextColumns columns() {
      return new TextColumns(text, textPair, label);
    }

    /** Explicit options win; else the columns the model was trained with. */
    TextColumns columnsOr(ClassifierInfo info) {
      return new TextColumns(text != null ? text : info.textColumn(),
          textPair != null ? textPair : info.textPairColumn(), label != null ? label : info.labelColumn());
    }

    Boolean header() {
      return noHeader ? Boolean.FALSE : null;
    }
  }

  @Command(name = "train", mixinStandardHelpOptions = true,
      description = "Fine-tune a backbone (BERT pooler + dropout + linear head) with AdamW, warmup and decay.")
  static final class Train implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin ColumnOptions columns;

    @Option(names = "--backbone", required = true, description = "Backbone model directory (kind 'backbone').")
    Path backbone;

    @Option(names = "--train", required = true, description = "Training data: CSV/TSV file, or NAME[:SPLIT] (e.g. sst2, agnews).")
    String train;

    @Option(names = "--dev", description = "Dev data (file or NAME[:SPLIT], e.g. sst2:dev): scored during training; the best checkpoint is exported.")
    String dev;

    @Option(names = "--out", required = true, description = "Classifier directory to write (also holds the resumable run).")
    Path out;

    @Option(names = "--steps", defaultValue = "1000", description = "Optimizer steps (default ${DEFAULT-VALUE}).")
    long steps;

    @Option(names = "--batch-size", defaultValue = "32", description = "Examples per step (default ${DEFAULT-VALUE}).")
    int batchSize;

    @Option(names = "--lr", defaultValue = "5e-5", description = "Peak learning rate (default ${DEFAULT-VALUE}); 10%% warmup, linear decay.")
    double lr;

    @Option(names = "--max-length", defaultValue = "128", description = "Tokens per example incl. [CLS]/[SEP]; longer inputs are truncated (default ${DEFAULT-VALUE}).")
    int maxLength;

    @Option(names = "--seed", defaultValue = "42", description = "Seed for init, data order and dropout (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--freeze-backbone", description = "Train only the head (classifier.*, and the pooler if the backbone has none).")
    boolean freeze;

    @Option(names = "--no-pretraining", description = "Ignore the backbone's weights: random init, same config and vocabulary (the no-pretraining baseline).")
    boolean noPretraining;

    @Option(names = "--class-weights", defaultValue = "none", description = "none or balanced (n / (classes * count), for imbalanced data).")
    String classWeights;

    @Option(names = "--eval-every", defaultValue = "0", description = "Steps between dev evaluations (default: only at the end).")
    int evalEvery;

    @Option(names = "--patience", defaultValue = "0", description = "Stop after this many dev evaluations without improvement (0: never stop early).")
    int patience;

    @Option(names = "--metric", defaultValue = "accuracy", description = "Dev metric for early stopping and the best checkpoint: accuracy or macro_f1.")
    String metric;

    @Option(names = "--max-train-examples", defaultValue = "0", description = "Train on a seeded random sample of this many examples (0: all).")
    int maxTrainExamples;

    @Option(names = "--checkpoint-every", defaultValue = "0", description = "Steps between resumable checkpoints (0: at the end, and at each new best).")
    int checkpointEvery;

    @Option(names = "--resume", description = "Continue the run in --out from its newest checkpoint.")
    boolean resume;

    @Override
    public Integer call() {
      PrintWriter err = spec.commandLine().getErr();
      LabeledData trainData = LabeledData.read(train, "train", columns.columns(), columns.header(), columns.dataDir)
          .sample(maxTrainExamples, seed);
      LabeledData devData = dev == null ? null
          : LabeledData.read(dev, "dev", columns.columns(), columns.header(), columns.dataDir);
      ClassifierTrainingConfig cfg = ClassifierTrainingConfig.defaults(steps).withLearningRate(lr)
          .withBatch(batchSize, maxLength).withSeed(seed).withBackbone(freeze, noPretraining)
          .withClassWeights(ClassWeights.parse(classWeights)).withEvaluation(evalEvery, patience, metric)
          .withCheckpointEvery(checkpointEvery);
      ClassifierTraining.Result result = new ClassifierTraining(m -> {
        err.println(m);
        err.flush();
      }, TrainingProgress.toStderr()).run(new ClassifierTraining.Request(backbone, trainData.examples(),
          devData == null ? List.of() : devData.examples(), trainData.description(), trainData.source(),
          devData == null ? null : devData.description(), columns.columns(), cfg, out, resume));
      PrintWriter stdout = spec.commandLine().getOut();
      stdout.printf(Locale.ROOT, "wrote %s (%d labels, step %d exported of %d, %.1f s)%n", out,
          result.labels().size(), result.exportedStep(), result.summary().step(), result.summary().elapsedSeconds());
      if (result.dev() != null) {
        stdout.printf(Locale.ROOT, "dev: accuracy %.4f  macro-F1 %.4f  (%d examples)%n",
            result.dev().accuracy(), result.dev().macro().f1(), result.dev().samples());
      }
      stdout.flush();
      return 0;
    }
  }

  @Command(name = "eval", mixinStandardHelpOptions = true,
      description = "Accuracy, macro-F1, per-class scores and confusion matrix on labeled test data; writes report.json/md/html.")
  static final class Eval implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin ColumnOptions columns;

    @Option(names = "--model", required = true, description = "Classifier directory.")
    Path model;

    @Option(names = "--test", required = true, description = "Test data: CSV/TSV file or NAME[:SPLIT] (e.g. sst2:dev, agnews:test).")
    String test;

    @Option(names = "--baseline", description = "Baselines trained on the same training data: doccat (OpenNLP maxent, bag of words + bigrams).")
    List<String> baselines = new ArrayList<>();

    @Option(names = "--baseline-train", description = "Training data for the baselines (default: the model's training data).")
    String baselineTrain;

    @Option(names = "--baseline-model", description = "Another classifier directory to score as a baseline (e.g. trained with --no-pretraining). Repeatable.")
    List<Path> baselineModels = new ArrayList<>();

    @Option(names = "--report", description = "Report directory (default: <model>/eval).")
    Path reportDir;

    @Override
    public Integer call() {
      long start = System.nanoTime();
      try (TextClassifier clf = TextClassifier.load(model)) {
        ClassifierInfo info = clf.info();
        LabeledData testData = LabeledData.read(test, "test", columns.columnsOr(info), columns.header(), columns.dataDir);
        ClassifierEvaluation.Scored system = ClassifierEvaluation.evaluate(model.getFileName().toString(), clf, testData.examples());
        double evalSeconds = (System.nanoTime() - start) / 1e9;
        List<ClassifierEvaluation.Scored> rows = new ArrayList<>();
        for (Path other : baselineModels) {
          try (TextClassifier b = TextClassifier.load(other)) {
            rows.add(ClassifierEvaluation.evaluate(other.getFileName().toString(), b, testData.examples()).asBaseline());
          }
        }
        for (String name : baselines) {
          if (!name.equals("doccat")) {
            throw new IllegalArgumentException("--baseline: unknown baseline '" + name + "' (known: doccat)");
          }
          String source = baselineTrain != null ? baselineTrain : String.valueOf(info.provenance().trainSource());
          LabeledData trainData = LabeledData.read(source, "train", columns.columnsOr(info), columns.header(), columns.dataDir);
          spec.commandLine().getErr().println("classify: training the doccat baseline on " + trainData.source()
              + " (" + trainData.size() + " examples)");
          spec.commandLine().getErr().flush();
          DoccatBaseline doccat = DoccatBaseline.train(trainData.examples(), DoccatBaseline.Options.defaults());
          rows.add(ClassifierEvaluation.score(DoccatBaseline.NAME, true, testData.examples(),
              doccat.predictAll(testData.examples()), clf.labels()));
        }
        Provenance provenance = Provenance.builder()
            .command("mlm", spec.commandLine().getParseResult().originalArgs().toArray(String[]::new))
            .dataset(testData.name(), testData.split(), testData.size(), testData.source())
            .modelConfig(info)
            .seed(info.provenance().seed())
            .timing("eval", evalSeconds)
            .build();
        Report report = ClassifierEvaluation.report("Classification: " + model.getFileName() + " on " + testData.source(),
            system, rows, provenance, model.resolve("train-log.jsonl"));
        Path dir = reportDir != null ? reportDir : model.resolve("eval");
        new ReportWriter().write(report, dir);
        print(spec.commandLine().getOut(), testData, system, rows, dir);
      }
      return 0;
    }

    private static void print(PrintWriter out, LabeledData data, ClassifierEvaluation.Scored system,
        List<ClassifierEvaluation.Scored> baselines, Path dir) {
      out.printf(Locale.ROOT, "%s: %d examples%n", data.source(), data.size());
      out.printf(Locale.ROOT, "%-50s %9s %9s%n", "system", "accuracy", "macro-F1");
      List<ClassifierEvaluation.Scored> all = new ArrayList<>();
      all.add(system);
      all.addAll(baselines);
      for (ClassifierEvaluation.Scored s : all) {
        out.printf(Locale.ROOT, "%-50s %9.4f %9.4f%n", (s.baseline() ? "baseline: " : "") + s.system(),
            s.report().accuracy(), s.report().macro().f1());
      }
      for (ClassifierEvaluation.Scored b : baselines) {
        McNemarTest t = system.pairedWith(b);
        out.printf(Locale.ROOT, "vs %s: %d examples only %s gets right, %d only the baseline; exact McNemar p = %.2g%n",
            b.system(), t.onlyFirstCorrect(), system.system(), t.onlySecondCorrect(), t.pValue());
      }
      out.printf(Locale.ROOT, "%n%-24s %9s %9s %9s %8s%n", "label", "precision", "recall", "F1", "support");
      for (ClassScores c : system.report().perClass()) {
        out.printf(Locale.ROOT, "%-24s %9.4f %9.4f %9.4f %8d%n", c.label(), c.precision(), c.recall(), c.f1(), c.support());
      }
      out.printf(Locale.ROOT, "report: %s%n", dir.resolve(ReportWriter.HTML));
      out.flush();
    }
  }

  @Command(name = "predict", mixinStandardHelpOptions = true,
      description = {"Predict labels with probabilities.",
          "Without --input: reads one text per line from stdin (pairs: two tab-separated texts) and",
          "writes 'label<TAB>p(label1)<TAB>...' lines after a header line.",
          "With --input: reads a CSV/TSV and writes --output with the input columns plus",
          "predicted_label and p:<label> columns (written atomically)."})
  static final class Predict implements Callable<Integer> {
    private static final int BATCH = 64;
    @Spec CommandSpec spec;

    @Option(names = "--model", required = true, description = "Classifier directory.")
    Path model;

    @Option(names = "--input", description = "CSV/TSV file to classify (default: lines from stdin).")
    Path input;

    @Option(names = "--output", description = "Predictions file (CSV; TSV if it ends in .tsv). Required with --input.")
    Path output;

    @Option(names = "--text-column", description = "Text column of --input (default: the model's training column, else 'text').")
    String textColumn;

    @Option(names = "--text-column-b", description = "Second text column of --input, for pair models (default: the model's).")
    String textPairColumn;

    @Option(names = "--no-header", description = "--input has no header row.")
    boolean noHeader;

    @Override
    public Integer call() throws IOException {
      try (TextClassifier clf = TextClassifier.load(model)) {
        if (input == null) {
          predictLines(clf);
        } else {
          if (output == null) {
            throw new IllegalArgumentException("--output is required with --input");
          }
          predictFile(clf);
        }
      }
      return 0;
    }

    private void predictLines(TextClassifier clf) throws IOException {
      PrintWriter out = spec.commandLine().getOut();
      out.println("label\t" + String.join("\t", clf.labels().stream().map(l -> "p(" + l + ")").toList()));
      BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
      List<String> a = new ArrayList<>();
      List<String> b = new ArrayList<>();
      long lineNo = 0;
      for (String line; (line = in.readLine()) != null; ) {
        lineNo++;
        if (line.isBlank()) {
          throw new IllegalArgumentException("stdin:" + lineNo + ": empty text");
        }
        if (clf.pairs()) {
          String[] parts = line.split("\t", -1);
          if (parts.length != 2 || parts[0].isBlank() || parts[1].isBlank()) {
            throw new IllegalArgumentException("stdin:" + lineNo + ": the model classifies text pairs; expected two non-empty tab-separated texts");
          }
          a.add(parts[0]);
          b.add(parts[1]);
        } else {
          a.add(line);
        }
        if (a.size() == BATCH) {
          flush(clf, a, b, out);
        }
      }
      flush(clf, a, b, out);
    }

    private static void flush(TextClassifier clf, List<String> a, List<String> b, PrintWriter out) {
      if (a.isEmpty()) {
        return;
      }
      List<Prediction> predictions = clf.pairs() ? clf.predictPairs(a, b) : clf.predictBatch(a);
      for (Prediction p : predictions) {
        StringBuilder sb = new StringBuilder(p.label());
        p.probabilities().values().forEach(v -> sb.append('\t').append(String.format(Locale.ROOT, "%.6f", v)));
        out.println(sb);
      }
      out.flush();
      a.clear();
      b.clear();
    }

    private void predictFile(TextClassifier clf) throws IOException {
      ClassifierInfo info = clf.info();
      boolean header = !noHeader;
      Column text = Column.parse(textColumn != null ? textColumn : info.textColumn() != null ? info.textColumn() : header ? "text" : "0");
      String pairName = textPairColumn != null ? textPairColumn : info.textPairColumn();
      if (clf.pairs() && pairName == null) {
        throw new IllegalArgumentException("the model classifies text pairs: give --text-column-b");
      }
      Column pair = clf.pairs() ? Column.parse(pairName) : null;
      char delimiter = output.getFileName().toString().endsWith(".tsv") ? '\t' : ',';
      AtomicTextFile.write(output, w -> writePredictions(clf, header, text, pair, delimiter, w));
      spec.commandLine().getOut().println("wrote " + output);
      spec.commandLine().getOut().flush();
    }

    /** Streams the input rows with the predicted label and each class's probability appended. */
    private void writePredictions(TextClassifier clf, boolean header, Column text, Column pair, char delimiter,
        Writer w) throws IOException {
      try (DelimitedReader reader = DelimitedReader.open(input, DelimitedFormat.forFile(input).withHeader(header),
          BadRowPolicy.FAIL)) {
        reader.requireColumns(pair == null ? List.of(text) : List.of(text, pair));
        List<String> added = new ArrayList<>(List.of("predicted_label"));
        clf.labels().forEach(l -> added.add("p:" + l));
        List<DelimitedRow> rows = new ArrayList<>();
        boolean wroteHeader = false;
        if (header) {
          // written before any row, so a header-only input still gives a header-only output
          for (String column : reader.header()) {
            if (added.contains(column)) {
              throw new IllegalArgumentException(input + ": already has a column '" + column
                  + "', which the predictions would add again; remove it or rename it");
            }
          }
          List<String> head = new ArrayList<>(reader.header());
          head.addAll(added);
          writeRow(w, head, delimiter);
          wroteHeader = true;
        }
        while (reader.hasNext()) {
          DelimitedRow row = reader.next();
          if (!wroteHeader) {
            List<String> head = new ArrayList<>();
            for (int i = 0; i < row.fields().size(); i++) {
              head.add("column" + i);
            }
            head.addAll(added);
            writeRow(w, head, delimiter);
            wroteHeader = true;
          }
          rows.add(row);
          if (rows.size() == BATCH) {
            writeBatch(clf, rows, text, pair, w, delimiter);
          }
        }
        writeBatch(clf, rows, text, pair, w, delimiter);
      }
    }

    private static void writeBatch(TextClassifier clf, List<DelimitedRow> rows, Column text, Column pair, Writer w,
        char delimiter) throws IOException {
      if (rows.isEmpty()) {
        return;
      }
      List<String> a = rows.stream().map(r -> r.getNonBlank(text)).toList();
      List<Prediction> predictions = pair == null ? clf.predictBatch(a)
          : clf.predictPairs(a, rows.stream().map(r -> r.getNonBlank(pair)).toList());
      for (int i = 0; i < rows.size(); i++) {
        List<String> fields = new ArrayList<>(rows.get(i).fields());
        fields.add(predictions.get(i).label());
        predictions.get(i).probabilities().values().forEach(v -> fields.add(String.format(Locale.ROOT, "%.6f", v)));
        writeRow(w, fields, delimiter);
      }
      rows.clear();
    }

    /** RFC 4180: quote fields holding the delimiter, a quote or a line break; double inner quotes. */
    private static void writeRow(Writer w, List<String> fields, char delimiter) throws IOException {
      for (int i = 0; i < fields.size(); i++) {
        if (i > 0) {
          w.write(delimiter);
        }
        String f = fields.get(i);
        if (f.indexOf(delimiter) >= 0 || f.indexOf('"') >= 0 || f.indexOf('\n') >= 0 || f.indexOf('\r') >= 0) {
          w.write('"' + f.replace("\"", "\"\"") + '"');
        } else {
          w.write(f);
        }
      }
      w.write("\r\n".equals(System.lineSeparator()) ? "\r\n" : "\n");
    }
  }
}
