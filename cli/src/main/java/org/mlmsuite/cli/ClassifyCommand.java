package org.mlmsuite.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.mlmsuite.backbone.train.TrainingProgress;
import org.mlmsuite.classification.ClassWeights;
import org.mlmsuite.classification.ClassifierEvaluation;
import org.mlmsuite.classification.ClassifierPredictions;
import org.mlmsuite.classification.ClassifierTraining;
import org.mlmsuite.classification.ClassifierTrainingConfig;
import org.mlmsuite.classification.ClassifierTrainingData;
import org.mlmsuite.classification.LabeledData;
import org.mlmsuite.classification.LongTextStrategy;
import org.mlmsuite.classification.TextClassifier;
import org.mlmsuite.classification.TextColumns;
import org.mlmsuite.eval.classification.ClassScores;
import org.mlmsuite.eval.classification.McNemarTest;
import org.mlmsuite.eval.report.ReportWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code mlm classify train|eval|predict}: fine-tune a backbone on labeled text, evaluate, predict.
 * Each subcommand turns its flags into a request of tasks-classification ({@link
 * ClassifierTraining}, {@link ClassifierEvaluation}, {@link ClassifierPredictions}) and prints the
 * result; the flags' defaults are the library's (ClassifyCommandDefaultsTest checks).
 */
@Command(
    name = "classify", header = "Fine-tune, evaluate and run text classifiers on any labeled CSV/TSV or catalog data set.",
    mixinStandardHelpOptions = true,
    description = {
        "Fine-tune a backbone for text (or text-pair) classification on any CSV/TSV or a catalog "
            + "dataset (sst2, agnews, imdb), evaluate it against baselines, and predict.",
        "Texts longer than --max-length: --long-text truncate (default), head+tail, or sliding windows "
            + "(--stride, --pool) pooled into one prediction; eval and predict read them as the model was trained.",
        "No-pretraining baseline: the same command with --no-pretraining (same Transformer and "
            + "vocabulary, random weights)."},
    subcommands = {ClassifyCommand.Train.class, ClassifyCommand.Eval.class, ClassifyCommand.Predict.class})
public final class ClassifyCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** Progress messages to stderr, each flushed so they interleave with the training progress. */
  static Consumer<String> messagesTo(PrintWriter err) {
    return m -> {
      err.println(m);
      err.flush();
    };
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

    LabeledData.Options options() {
      return new LabeledData.Options(new TextColumns(text, textPair, label), noHeader ? Boolean.FALSE : null, dataDir);
    }
  }

  /** How texts longer than the window are read; no flag: truncate (train) or as the model was trained (eval, predict). */
  static final class LongTextOptions {
    @Option(names = "--long-text", description = "Texts longer than --max-length: truncate (keep the start), head+tail "
        + "(first and last word pieces, Sun et al. 2019) or sliding (windows pooled into one prediction). "
        + "Default: truncate when training; eval and predict: as the model was trained.")
    String kind;

    @Option(names = "--stride", description = "sliding: word pieces between window starts, 1..max length - 2 (default: half the window).")
    Integer stride;

    @Option(names = "--pool", description = "sliding: mean or max of the windows' logits (default: mean).")
    String pool;

    /** The strategy the flags name, or null when none was given. */
    LongTextStrategy strategyOrNull() {
      return kind == null && stride == null && pool == null ? null : LongTextStrategy.of(kind, stride, pool);
    }

    /**
     * For eval and predict on {@code model}: as {@link #strategyOrNull()}, except that {@code --stride}
     * or {@code --pool} alone change the strategy the model was trained with.
     */
    LongTextStrategy strategyOrNull(Path model) {
      return kind == null && (stride != null || pool != null)
          ? TextClassifier.trainedLongText(model).withWindows(stride, pool) : strategyOrNull();
    }
  }

  @Command(name = "train", mixinStandardHelpOptions = true,
      description = "Fine-tune a backbone (BERT pooler + dropout + linear head) with AdamW, warmup and decay.")
  static final class Train implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin ColumnOptions columns;
    @Mixin ClassifierTrainingOptions training;
    @Mixin LongTextOptions longText;

    @Option(names = "--backbone", required = true, description = "Backbone model directory (kind 'backbone').")
    Path backbone;

    @Option(names = "--train", required = true, description = "Training data: CSV/TSV file, or NAME[:SPLIT] (e.g. sst2, agnews).")
    String train;

    @Option(names = "--dev", description = "Dev data (file or NAME[:SPLIT], e.g. sst2:dev): scored during training; the best checkpoint is exported.")
    String dev;

    @Option(names = "--out", required = true, description = "Classifier directory to write (also holds the resumable run).")
    Path out;

    @Option(names = "--freeze-backbone", description = "Train only the head (classifier.*, and the pooler if the backbone has none).")
    boolean freeze;

    @Option(names = "--no-pretraining", description = "Ignore the backbone's weights: random init, same config and vocabulary (the no-pretraining baseline).")
    boolean noPretraining;

    @Option(names = "--class-weights", defaultValue = "none", description = "none or balanced (n / (classes * count), for imbalanced data).")
    String classWeights;

    @Option(names = "--max-train-examples", defaultValue = "0", description = "Train on a seeded random sample of this many examples (0: all).")
    int maxTrainExamples;

    @Override
    public Integer call() {
      CommandOutput.print(spec, new ClassifierTraining(messagesTo(spec.commandLine().getErr()),
          TrainingProgress.toStderr()).run(data().request(backbone, config(), out, training.resume, training.overwrite)).text());
      return 0;
    }

    ClassifierTrainingData data() {
      return new ClassifierTrainingData(train, dev, maxTrainExamples, columns.options());
    }

    ClassifierTrainingConfig config() {
      return training.config().withBackbone(freeze, noPretraining).withClassWeights(ClassWeights.parse(classWeights))
          .withLongText(longText.strategyOrNull());
    }
  }

  @Command(name = "eval", mixinStandardHelpOptions = true,
      description = "Accuracy, macro-F1, per-class scores and confusion matrix on labeled test data; writes report.json/md/html.")
  static final class Eval implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin ColumnOptions columns;
    @Mixin LongTextOptions longText;

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
      List<String> commandLine = new ArrayList<>(List.of("mlm"));
      commandLine.addAll(spec.commandLine().getParseResult().originalArgs());
      CommandOutput.print(spec, ClassifierEvaluation.run(request(commandLine), messagesTo(spec.commandLine().getErr())).text());
      return 0;
    }

    ClassifierEvaluation.Request request(List<String> commandLine) {
      return new ClassifierEvaluation.Request(model, test, baselines, baselineTrain, baselineModels,
          columns.options(), reportDir, commandLine).withLongText(longText.strategyOrNull(model));
    }

  }

  @Command(name = "predict", mixinStandardHelpOptions = true,
      description = {"Predict labels with probabilities.",
          "Without --input: reads one text per line from stdin (pairs: two tab-separated texts) and "
              + "writes 'label<TAB>p(label1)<TAB>...' lines after a header line.",
          "With --input: reads a CSV/TSV and writes --output with the input columns plus "
              + "predicted_label and p:<label> columns (written atomically)."})
  static final class Predict implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin LongTextOptions longText;

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
      PrintWriter out = spec.commandLine().getOut();
      try (TextClassifier clf = TextClassifier.load(model, longText.strategyOrNull(model))) {
        if (input == null) {
          BufferedReader stdin = StrictStdin.open();
          ClassifierPredictions.writeLines(clf, stdin, "stdin", out);
        } else {
          if (output == null) {
            throw new IllegalArgumentException("--output is required with --input");
          }
          ClassifierPredictions.writeFile(clf, input, output, columns());
          out.println("wrote " + output);
          out.flush();
        }
      }
      return 0;
    }

    ClassifierPredictions.Columns columns() {
      return new ClassifierPredictions.Columns(textColumn, textPairColumn, !noHeader);
    }
  }
}
