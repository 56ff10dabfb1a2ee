package org.mlmsuite.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.mlmsuite.backbone.seq2seq.GenerationOptions;
import org.mlmsuite.backbone.seq2seq.Seq2SeqTrainingConfig;
import org.mlmsuite.backbone.train.TrainingProgress;
import org.mlmsuite.translation.ParallelData;
import org.mlmsuite.translation.TranslationDecoding;
import org.mlmsuite.translation.TranslationEvaluation;
import org.mlmsuite.translation.TranslationTraining;
import org.mlmsuite.translation.Translator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code mlm translate train|eval|run}: BERT2BERT translation warm-started from a backbone. Each
 * subcommand parses its flags into a request of the {@code translation} module, calls it and prints.
 */
@Command(
    name = "translate", header = "Fine-tune, evaluate and run translation models warm-started from a backbone.",
    mixinStandardHelpOptions = true,
    description = "Train an encoder-decoder translation model warm-started from a backbone (BERT2BERT: the "
        + "decoder starts from the backbone's layers, cross-attention is new), evaluate it with "
        + "sacreBLEU-exact BLEU and chrF, and translate text. Source and target share the backbone's "
        + "vocabulary, so pretrain the backbone (or at least its vocabulary) on both languages.",
    subcommands = {TranslateCommand.Train.class, TranslateCommand.Eval.class, TranslateCommand.Run.class})
public final class TranslateCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  @Command(name = "train", header = "Fine-tune a BERT2BERT translation model on parallel text.", mixinStandardHelpOptions = true,
      description = "Fine-tune a BERT2BERT model on parallel text with AdamW, warmup and decay; label-smoothed "
          + "cross-entropy with teacher forcing. With dev data the lowest dev loss is exported.")
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

    @Option(names = "--overwrite", description = "Replace a finished model of the same kind in --out (atomically: the old one stays until the new one is complete).")
    boolean overwrite;

    @Override
    public Integer call() {
      CommandOutput.print(spec,
          new TranslationTraining(CommandOutput.progress(spec), TrainingProgress.toStderr()).run(request()).text());
      return 0;
    }

    TranslationTraining.Request request() {
      Seq2SeqTrainingConfig config = Seq2SeqTrainingConfig.defaults(steps).withBatch(batchSize, lr).withSeed(seed)
          .withLengths(maxSource, maxTarget).withModel(labelSmoothing, crossInit, noPretraining)
          .withEvaluation(evalEvery, patience, maxDev).withCheckpointEvery(checkpointEvery)
          .withGeneration(new GenerationOptions(beam, lengthPenalty, maxTarget));
      ParallelData.Input devInput = new ParallelData.Input(dev, devSourceFile, devTargetFile, sourceColumn,
          targetColumn, noHeader);
      return TranslationTraining.Request.defaults(backbone, new ParallelData.Input(train, sourceFile, targetFile,
              sourceColumn, targetColumn, noHeader), out)
          .withData(devInput, dataDir, maxTrain).withConfig(config).withResume(resume).withOverwrite(overwrite);
    }
  }

  @Command(name = "eval", header = "Translate a test set and score BLEU and chrF2 exactly as sacreBLEU does.", mixinStandardHelpOptions = true,
      description = "Translate a test set and score it: corpus BLEU (13a, case-sensitive) and chrF2 on detokenised "
          + "output, exactly as sacreBLEU, with signatures; a copy-source baseline row; writes report.json/md/html.")
  static final class Eval implements Callable<Integer> {
    @Spec CommandSpec spec;
    List<Integer> beams = new ArrayList<>();
    Double lengthPenalty;
    Integer maxLength;

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
      beams = sizes;
    }

    @Option(names = "--length-penalty", description = "Length penalty alpha (default: the model's).")
    void lengthPenalty(double alpha) {
      lengthPenalty = alpha;
    }

    @Option(names = "--max-length", description = "Maximum generated word pieces (default: the model's).")
    void maxLength(int n) {
      maxLength = n;
    }

    @Option(names = "--hypotheses", description = "Also write the first system's translations here, one per line.")
    Path hypotheses;

    @Option(names = "--report", description = "Report directory (default: <model>/eval).")
    Path reportDir;

    @Override
    public Integer call() throws IOException {
      CommandOutput.print(spec, TranslationEvaluation.run(request(), CommandOutput.progress(spec)).text());
      return 0;
    }

    TranslationEvaluation.Request request() {
      ParallelData.Input input = new ParallelData.Input(test, sourceFile, targetFile, sourceColumn, targetColumn,
          noHeader);
      return TranslationEvaluation.Request.defaults(model, input).withData(dataDir, maxTest)
          .withDecoding(new TranslationDecoding(beams, lengthPenalty, maxLength)).withOutputs(hypotheses, reportDir)
          .withCommandLine(spec.commandLine().getParseResult().originalArgs());
    }
  }

  @Command(name = "run", header = "Translate lines from stdin to stdout, one translation per line.", mixinStandardHelpOptions = true,
      description = "Translate lines from stdin to stdout, one translation per line, in order (a blank line "
          + "gives a blank line).")
  static final class Run implements Callable<Integer> {
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
        BufferedReader in = StrictStdin.open();
        translator.translateLines(in, spec.commandLine().getOut(),
            TranslationDecoding.of(beam, lengthPenalty, maxLength).resolve(translator.defaultOptions()).get(0));
      }
      return 0;
    }
  }
}
