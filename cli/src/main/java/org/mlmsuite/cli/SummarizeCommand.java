package org.mlmsuite.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.mlmsuite.backbone.train.TrainingProgress;
import org.mlmsuite.summarization.JsonLinesSummarizer;
import org.mlmsuite.summarization.Summarizer;
import org.mlmsuite.summarization.SummarizerTraining;
import org.mlmsuite.summarization.SummarizerTraining.Mode;
import org.mlmsuite.summarization.SummaryData;
import org.mlmsuite.summarization.SummaryDecoding;
import org.mlmsuite.summarization.SummaryEvaluation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code mlm summarize baseline|train|eval|run}: extractive (BertSumExt) and abstractive (the shared
 * BERT2BERT encoder-decoder) summarization and their ROUGE harness. Each subcommand parses its
 * flags into a request of the {@code summarization} module, calls it and prints.
 */
@Command(
    name = "summarize", header = "Train, evaluate and run extractive or abstractive summarizers; score baselines.",
    mixinStandardHelpOptions = true,
    description = "Summarize documents (DialogSum or any JSONL/CSV with document and summary fields): "
        + "Lead-N/Longest-N baselines, an extractive BertSumExt model or an abstractive encoder-decoder "
        + "(BERT2BERT, warm-started from a backbone) trained with --mode, ROUGE reports with baselines.",
    subcommands = {SummarizeCommand.BaselineCmd.class, SummarizeCommand.Train.class, SummarizeCommand.Eval.class,
        SummarizeCommand.Run.class})
public final class SummarizeCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** Where document and reference are in a JSONL/CSV; catalog datasets ignore these. */
  static final class FieldOptions {
    @Option(names = "--document-field", description = "Document field/column (default: document).")
    String document;

    @Option(names = "--summary-field", split = ",", description = "Reference summary field(s)/column(s), comma separated (default: summary).")
    List<String> summaries;

    @Option(names = "--data-dir", description = "Dataset mirror for catalog names (default: $MLM_DATA_DIR).")
    Path dataDir;

    SummaryData.ReadOptions readOptions() {
      return new SummaryData.ReadOptions(document, summaries, dataDir);
    }
  }

  @Command(name = "baseline", mixinStandardHelpOptions = true,
      description = "Score model-free baselines (lead-N, longest-N) with ROUGE; no model needed.")
  static final class BaselineCmd implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin FieldOptions fields;

    @Option(names = "--test", required = true, description = "Test data: file or NAME[:SPLIT] (e.g. dialogsum:test).")
    String test;

    @Option(names = {"--baseline", "--baselines"}, defaultValue = SummaryEvaluation.DEFAULT_BASELINES, description = "Comma-separated baselines (default ${DEFAULT-VALUE}).")
    String baselines;

    @Option(names = "--split-policy", defaultValue = "auto", description = "Sentence units: turns (one per dialogue line), sentences, or auto (default).")
    String policy;

    @Option(names = "--report", description = "Report directory (default: none).")
    Path reportDir;

    @Override
    public Integer call() {
      CommandOutput.print(spec, SummaryEvaluation.runBaselines(request()).text());
      return 0;
    }

    SummaryEvaluation.BaselineRequest request() {
      return SummaryEvaluation.BaselineRequest.defaults(test).withData(fields.readOptions())
          .withBaselines(baselines, policy).withReport(reportDir, spec.commandLine().getParseResult().originalArgs());
    }
  }

  /** Rejects options given explicitly that the other mode would silently ignore. */
  static void rejectOptions(CommandSpec spec, String mode, String... options) {
    for (String option : options) {
      if (spec.commandLine().getParseResult().hasMatchedOption(option)) {
        throw new IllegalArgumentException(option + " does not apply to " + mode + " summarization");
      }
    }
  }

  /** Abstractive decoding flags; unset ones fall back to the model's saved defaults. */
  static final class DecodeOptions {
    @Option(names = "--beam", description = "Abstractive: beam size, 1 = greedy (default: the model's).")
    Integer beam;

    @Option(names = "--length-penalty", description = "Abstractive: length penalty alpha (default: the model's).")
    Double lengthPenalty;

    @Option(names = "--min-length", description = "Abstractive: minimum summary word pieces (default: the model's).")
    Integer minLength;

    @Option(names = "--max-length", description = "Abstractive: maximum summary word pieces, EOS included (default: the model's).")
    Integer maxLength;

    @Option(names = "--no-repeat-ngram", description = "Abstractive: block repeated word-piece n-grams of this size, 0 = off (default: the model's).")
    Integer noRepeatNgram;

    SummaryDecoding withK(Integer k) {
      return new SummaryDecoding(k, beam, lengthPenalty, minLength, maxLength, noRepeatNgram);
    }
  }

  @Command(name = "train", header = "Train an extractive (BertSumExt) or abstractive (BERT2BERT) summarizer.", mixinStandardHelpOptions = true,
      description = {
          "Train a summarizer. --mode extractive (default): BertSumExt, per-sentence [CLS] scores on greedy "
              + "ROUGE oracle labels.",
          "--mode abstractive: a BERT2BERT encoder-decoder warm-started from the backbone "
              + "(--no-pretraining: random init, same shape), document -> first reference, label-smoothed "
              + "cross-entropy; sources cut at the backbone's max positions (counted); with --dev the lowest dev loss "
              + "is exported.",
          "Flags marked 'abstractive'/'extractive' apply to that mode only."})
  static final class Train implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin FieldOptions fields;

    @Option(names = "--backbone", required = true, description = "Backbone model directory (kind 'backbone').")
    Path backbone;

    @Option(names = "--train", required = true, description = "Training data: file or NAME[:SPLIT] (default split train).")
    String train;

    @Option(names = "--out", required = true, description = "Summarizer directory to write (also holds the resumable run).")
    Path out;

    @Option(names = "--mode", defaultValue = "extractive", description = "extractive (default) or abstractive.")
    String mode;

    @Option(names = "--k", defaultValue = "3", description = "Extractive: sentences per summary at inference (default ${DEFAULT-VALUE}).")
    int k;

    @Option(names = "--oracle-k", defaultValue = "3", description = "Extractive: most sentences in an oracle label set (default ${DEFAULT-VALUE}).")
    int oracleK;

    @Option(names = "--split-policy", defaultValue = "auto", description = "Extractive: turns (one unit per dialogue line), sentences, or auto (default).")
    String policy;

    @Option(names = "--no-trigram-blocking", description = "Extractive: do not skip candidates sharing a trigram with chosen sentences.")
    boolean noBlocking;

    @Option(names = "--steps", defaultValue = "1000", description = "Optimizer steps (default ${DEFAULT-VALUE}).")
    long steps;

    @Option(names = "--batch-size", defaultValue = "8", description = "Documents per step (default ${DEFAULT-VALUE}).")
    int batchSize;

    @Option(names = "--lr", description = "Peak learning rate (default 1e-4 abstractive; extractive 2e-5 for backbones as wide as BERT-Base (768) or wider, else 5e-5); 10%% warmup, linear decay.")
    Double lr;

    @Option(names = "--max-length", defaultValue = "512", description = "Extractive: tokens per document; later sentences are cut (counted) (default ${DEFAULT-VALUE}).")
    int maxLength;

    @Option(names = "--dev", description = "Abstractive: dev data (file or NAME[:SPLIT], e.g. dialogsum:dev) for the dev loss and early stopping.")
    String dev;

    @Option(names = "--max-dev-examples", defaultValue = "500", description = "Abstractive: dev examples scored per evaluation (default ${DEFAULT-VALUE}; 0: all).")
    int maxDev;

    @Option(names = "--eval-every", defaultValue = "0", description = "Abstractive: steps between dev evaluations (default: only at the end).")
    int evalEvery;

    @Option(names = "--patience", defaultValue = "0", description = "Abstractive: stop after this many dev evaluations without improvement (0: never).")
    int patience;

    @Option(names = "--checkpoint-every", defaultValue = "0", description = "Steps between resumable checkpoints (0: at the end, and for abstractive at each new best).")
    int checkpointEvery;

    @Option(names = "--max-source-length", description = "Abstractive: document word pieces incl. [CLS]/[SEP]; longer ones are cut and counted (default: the backbone's max positions).")
    Integer maxSource;

    @Option(names = "--max-target-length", description = "Abstractive: summary word pieces incl. [CLS]/[SEP] for training, and the saved maximum generated length (default 128, at most the backbone's positions).")
    Integer maxTarget;

    @Option(names = "--label-smoothing", defaultValue = "0.1", description = "Abstractive: label smoothing epsilon (default ${DEFAULT-VALUE}).")
    double labelSmoothing;

    @Option(names = "--cross-attention-init", defaultValue = "0.1", description = "Abstractive: std of the new cross-attention weights (default ${DEFAULT-VALUE}).")
    double crossInit;

    @Option(names = "--beam", defaultValue = "4", description = "Abstractive: default beam size saved with the model (default ${DEFAULT-VALUE}).")
    int beam;

    @Option(names = "--length-penalty", defaultValue = "1.0", description = "Abstractive: default length penalty alpha saved with the model (default ${DEFAULT-VALUE}).")
    double lengthPenalty;

    @Option(names = "--min-length", description = "Abstractive: default minimum summary word pieces saved with the model (default: the 5th percentile of the training summaries).")
    Integer minLength;

    @Option(names = "--no-repeat-ngram", defaultValue = "3", description = "Abstractive: default no-repeat n-gram size saved with the model, 0 = off (default ${DEFAULT-VALUE}).")
    int noRepeatNgram;

    @Option(names = "--max-train-examples", defaultValue = "0", description = "Use only the first N training documents (0: all).")
    int maxTrain;

    @Option(names = "--seed", defaultValue = "42", description = "Seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--no-pretraining", description = "Random init with the backbone's config and vocabulary (baseline).")
    boolean noPretraining;

    @Option(names = "--resume", description = "Continue the run in --out from its newest checkpoint.")
    boolean resume;

    @Option(names = "--overwrite", description = "Replace a finished model of the same kind in --out (atomically: the old one stays until the new one is complete).")
    boolean overwrite;

    @Override
    public Integer call() {
      Mode chosen = Mode.parse(mode);
      // a flag of the other mode would be silently ignored: refuse it (the typed request has no room for it)
      if (chosen == Mode.ABSTRACTIVE) {
        rejectOptions(spec, "abstractive", "--k", "--oracle-k", "--split-policy", "--no-trigram-blocking", "--max-length");
      } else {
        rejectOptions(spec, "extractive", "--dev", "--max-dev-examples", "--eval-every", "--patience",
            "--max-source-length", "--max-target-length", "--label-smoothing",
            "--cross-attention-init", "--beam", "--length-penalty", "--min-length", "--no-repeat-ngram");
      }
      CommandOutput.print(spec, new SummarizerTraining(CommandOutput.progress(spec), TrainingProgress.toStderr())
          .run(request(chosen)).text());
      return 0;
    }

    SummarizerTraining.Request request(Mode chosen) {
      return SummarizerTraining.Request.defaults(chosen, backbone, train, out)
          .withData(fields.readOptions(), maxTrain).withSteps(steps, batchSize, lr).withSeed(seed, noPretraining)
          .withResume(resume).withOverwrite(overwrite)
          .with(new SummarizerTraining.Extractive(k, oracleK, policy, maxLength, !noBlocking, checkpointEvery))
          .with(new SummarizerTraining.Abstractive(dev, maxDev, evalEvery, patience, checkpointEvery, maxSource,
              maxTarget, labelSmoothing, crossInit, beam, lengthPenalty, minLength, noRepeatNgram));
    }
  }

  @Command(name = "eval", header = "ROUGE-1/2/L/Lsum of a summarizer on test data, beside baselines.", mixinStandardHelpOptions = true,
      description = "ROUGE-1/2/L/Lsum F1 of a summarizer (either mode) on test data, max over references, 95%% bootstrap "
          + "intervals, with Lead-N/Longest-N baselines and --baseline-model summarizers in the same table, and a "
          + "paired permutation test of the model against each on per-document F1; writes report.json/md/html.")
  static final class Eval implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin FieldOptions fields;
    @Mixin DecodeOptions decode;

    @Option(names = "--model", required = true, description = "Summarizer directory.")
    Path model;

    @Option(names = "--test", required = true, description = "Test data: file or NAME[:SPLIT] (e.g. dialogsum:test).")
    String test;

    @Option(names = "--baselines", defaultValue = SummaryEvaluation.DEFAULT_BASELINES, description = "Baselines in the same table (default ${DEFAULT-VALUE}; 'none' for none).")
    String baselines;

    @Option(names = "--baseline-model", description = "Another summarizer scored in the same table with its saved decoding, and paired with the model (repeatable).")
    List<Path> baselineModels = new ArrayList<>();

    @Option(names = "--k", description = "Extractive: sentences per summary (default: the model's).")
    Integer k;

    @Option(names = "--summaries", description = "Also write the model's summaries here as JSON lines {\"id\", \"summary\"} (id: the dataset's, or file:line).")
    Path summariesFile;

    @Option(names = "--max-test-examples", defaultValue = "0", description = "Score only the first N test documents (0: all).")
    int maxTest;

    @Option(names = "--report", description = "Report directory (default: <model>/eval).")
    Path reportDir;

    @Override
    public Integer call() throws IOException {
      CommandOutput.print(spec, SummaryEvaluation.run(request(), CommandOutput.progress(spec)).text());
      return 0;
    }

    SummaryEvaluation.Request request() {
      return SummaryEvaluation.Request.defaults(model, test).withData(fields.readOptions(), maxTest)
          .withBaselines(baselines).withBaselineModels(baselineModels).withDecoding(decode.withK(k)).withOutputs(summariesFile, reportDir)
          .withCommandLine(spec.commandLine().getParseResult().originalArgs());
    }
  }

  @Command(name = "run", header = "Summarize JSON lines from stdin, one summary per line.", mixinStandardHelpOptions = true,
      description = "Summarize JSON lines from stdin: each line an object with a \"document\" field (dialogues "
          + "contain newlines, so plain lines would not do). Writes one JSON line {\"summary\": ...} per input, "
          + "in order, keeping an \"id\" field if present. Either mode; decoding flags apply to abstractive models.")
  static final class Run implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin DecodeOptions decode;

    @Option(names = "--model", required = true, description = "Summarizer directory.")
    Path model;

    @Option(names = "--k", description = "Extractive: sentences per summary (default: the model's).")
    Integer k;

    @Option(names = "--document-field", defaultValue = JsonLinesSummarizer.DEFAULT_DOCUMENT_FIELD,
        description = "JSON field holding the document (default: ${DEFAULT-VALUE}; DialogSum files say dialogue).")
    String documentField;

    @Override
    public Integer call() throws IOException {
      try (Summarizer s = Summarizer.load(model)) {
        BufferedReader in = StrictStdin.open();
        new JsonLinesSummarizer(s, decode.withK(k), documentField).summarize(in, "stdin", spec.commandLine().getOut());
      }
      return 0;
    }
  }
}
