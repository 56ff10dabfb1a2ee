package org.mlmsuite.summarization;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.mlmsuite.backbone.seq2seq.GenerationOptions;
import org.mlmsuite.backbone.seq2seq.Seq2SeqTrainingConfig;
import org.mlmsuite.backbone.train.TrainingProgress;

/**
 * {@code mlm summarize train}, whole: reads the training data and trains an extractive ({@link
 * ExtractiveTraining}) or an abstractive ({@link AbstractiveTraining}) summarizer, as the request's
 * mode says. Each mode's settings are a record of their own; the other mode's record is not read.
 * (The command line refuses a flag of the other mode: it can tell a flag given from a default.)
 */
public final class SummarizerTraining {
  /** Which kind of summarizer to train. */
  public enum Mode {
    EXTRACTIVE, ABSTRACTIVE;

    /** {@code extractive} or {@code abstractive}, case-insensitive. */
    public static Mode parse(String name) {
      for (Mode m : values()) {
        if (m.name().equalsIgnoreCase(name)) {
          return m;
        }
      }
      throw new IllegalArgumentException("--mode: unknown mode '" + name + "' (use extractive or abstractive)");
    }
  }

  /**
   * What to train; {@link #defaults} are the command line's.
   *
   * @param train a file, or {@code NAME[:SPLIT]} (split {@code train} when omitted)
   * @param maxTrainExamples use only the first N training documents (0: all)
   * @param learningRate null: extractive {@link ExtractiveTraining#defaultLearningRate} (2e-5 for BERT-Base's width
   *     and up, else 5e-5), abstractive 1e-4
   * @param resume continue the run in {@code output} from its newest checkpoint
   * @param overwrite replace a finished summarizer in {@code output}
   */
  public record Request(Mode mode, Path backbone, String train, SummaryData.ReadOptions data, Path output,
      int maxTrainExamples, long steps, int batchSize, Double learningRate, long seed, boolean noPretraining,
      boolean resume, boolean overwrite, Extractive extractive, Abstractive abstractive) {
    public static Request defaults(Mode mode, Path backbone, String train, Path output) {
      return new Request(mode, backbone, train, SummaryData.ReadOptions.DEFAULTS, output, 0, 1000, 8, null, 42, false,
          false, false, Extractive.defaults(), Abstractive.defaults());
    }

    public Request withData(SummaryData.ReadOptions newData, int newMaxTrainExamples) {
      return new Request(mode, backbone, train, newData, output, newMaxTrainExamples, steps, batchSize, learningRate,
          seed, noPretraining, resume, overwrite, extractive, abstractive);
    }

    public Request withSteps(long newSteps, int newBatchSize, Double newLearningRate) {
      return new Request(mode, backbone, train, data, output, maxTrainExamples, newSteps, newBatchSize,
          newLearningRate, seed, noPretraining, resume, overwrite, extractive, abstractive);
    }

    public Request withSeed(long newSeed, boolean newNoPretraining) {
      return new Request(mode, backbone, train, data, output, maxTrainExamples, steps, batchSize, learningRate,
          newSeed, newNoPretraining, resume, overwrite, extractive, abstractive);
    }

    public Request withResume(boolean newResume) {
      return new Request(mode, backbone, train, data, output, maxTrainExamples, steps, batchSize, learningRate, seed,
          noPretraining, newResume, overwrite, extractive, abstractive);
    }

    public Request withOverwrite(boolean newOverwrite) {
      return new Request(mode, backbone, train, data, output, maxTrainExamples, steps, batchSize, learningRate, seed,
          noPretraining, resume, newOverwrite, extractive, abstractive);
    }

    public Request with(Extractive newExtractive) {
      return new Request(mode, backbone, train, data, output, maxTrainExamples, steps, batchSize, learningRate, seed,
          noPretraining, resume, overwrite, newExtractive, abstractive);
    }

    public Request with(Abstractive newAbstractive) {
      return new Request(mode, backbone, train, data, output, maxTrainExamples, steps, batchSize, learningRate, seed,
          noPretraining, resume, overwrite, extractive, newAbstractive);
    }
  }

  /**
   * Extractive (BertSumExt) settings.
   *
   * @param k sentences per summary at inference
   * @param oracleK most sentences in an oracle label set
   * @param splitPolicy {@code turns}, {@code sentences}, or {@code auto} (detect from the training documents)
   * @param maxLength tokens per document; later sentences are cut (counted)
   * @param trigramBlocking skip candidates sharing a trigram with chosen sentences
   * @param checkpointEvery steps between resumable checkpoints (0: at the end only)
   */
  public record Extractive(int k, int oracleK, String splitPolicy, int maxLength, boolean trigramBlocking,
      int checkpointEvery) {
    public static Extractive defaults() {
      return new Extractive(3, 3, "auto", 512, true, 0);
    }
  }

  /**
   * Abstractive (BERT2BERT) settings.
   *
   * @param dev dev data (file or {@code NAME[:SPLIT]}, split {@code dev} when omitted) for the dev
   *     loss and early stopping, or null
   * @param maxDevExamples dev examples scored per evaluation (0: all)
   * @param evalEvery steps between dev evaluations (0: only at the end)
   * @param patience dev evaluations without improvement before stopping (0: never)
   * @param checkpointEvery steps between resumable checkpoints (0: at the end and at each new best)
   * @param maxSourceLength null: the backbone's max positions
   * @param maxTargetLength null: {@value AbstractiveTraining#DEFAULT_MAX_TARGET}, at most the backbone's positions
   * @param beam, lengthPenalty, noRepeatNgram decoding defaults saved with the model
   * @param minLength saved minimum summary length, null: the 5th percentile of the training summaries
   */
  public record Abstractive(String dev, int maxDevExamples, int evalEvery, int patience, int checkpointEvery,
      Integer maxSourceLength, Integer maxTargetLength, double labelSmoothing, double crossAttentionInit, int beam,
      double lengthPenalty, Integer minLength, int noRepeatNgram) {
    public static Abstractive defaults() {
      return new Abstractive(null, 500, 0, 0, 0, null, null, 0.1, 0.1, 4, 1.0, null,
          AbstractiveTraining.DEFAULT_NO_REPEAT_NGRAM);
    }

    public Abstractive withDev(String newDev, int newMaxDevExamples, int newEvalEvery, int newPatience) {
      return new Abstractive(newDev, newMaxDevExamples, newEvalEvery, newPatience, checkpointEvery, maxSourceLength,
          maxTargetLength, labelSmoothing, crossAttentionInit, beam, lengthPenalty, minLength, noRepeatNgram);
    }

    public Abstractive withLengths(Integer newMaxSourceLength, Integer newMaxTargetLength) {
      return new Abstractive(dev, maxDevExamples, evalEvery, patience, checkpointEvery, newMaxSourceLength,
          newMaxTargetLength, labelSmoothing, crossAttentionInit, beam, lengthPenalty, minLength, noRepeatNgram);
    }

    public Abstractive withDecoding(int newBeam, double newLengthPenalty, Integer newMinLength, int newNoRepeatNgram) {
      return new Abstractive(dev, maxDevExamples, evalEvery, patience, checkpointEvery, maxSourceLength,
          maxTargetLength, labelSmoothing, crossAttentionInit, newBeam, newLengthPenalty, newMinLength,
          newNoRepeatNgram);
    }

    public Abstractive withModel(double newLabelSmoothing, double newCrossAttentionInit, int newCheckpointEvery) {
      return new Abstractive(dev, maxDevExamples, evalEvery, patience, newCheckpointEvery, maxSourceLength,
          maxTargetLength, newLabelSmoothing, newCrossAttentionInit, beam, lengthPenalty, minLength, noRepeatNgram);
    }
  }

  /**
   * The run of the chosen mode (the other is null).
   *
   * @param trainDocuments the training documents used (after {@code maxTrainExamples})
   * @param maxSourceLength word pieces a document is cut at
   */
  public record Result(Path output, int trainDocuments, ExtractiveTraining.Result extractive,
      AbstractiveTraining.Result abstractive, int maxSourceLength) {
    /** What {@code mlm summarize train} prints. */
    public String text() {
      if (extractive != null) {
        return String.format(Locale.ROOT, "summarizer: %s (%d steps, last loss %.4f, %d of %d documents truncated)%n",
            output, extractive.summary().step(), extractive.summary().lastLoss(), extractive.truncatedTrain(),
            trainDocuments);
      }
      var training = abstractive.training();
      String text = String.format(Locale.ROOT, "summarizer: %s (abstractive; step %d exported of %d, %.1f s; %d of %d "
              + "documents truncated to %d word pieces)%n", output, training.exportedStep(), training.summary().step(),
          training.summary().elapsedSeconds(), abstractive.truncatedDocuments(), abstractive.trainDocuments(),
          maxSourceLength);
      if (training.dev().isEmpty()) {
        return text;
      }
      return text + String.format(Locale.ROOT, "dev: loss %.4f  perplexity %.2f  token accuracy %.4f%n",
          training.dev().get("dev_loss"), training.dev().get("dev_perplexity"), training.dev().get("dev_token_accuracy"));
    }
  }

  private final Consumer<String> messages;
  private final TrainingProgress progress;

  public SummarizerTraining(Consumer<String> messages, TrainingProgress progress) {
    this.messages = messages;
    this.progress = progress;
  }

  public Result run(Request request) {
    return request.mode() == Mode.ABSTRACTIVE ? abstractive(request) : extractive(request);
  }

  private Result extractive(Request request) {
    SummaryData data = request.data().read(request.train(), "train").first(request.maxTrainExamples());
    Extractive e = request.extractive();
    SentencePolicy policy = e.splitPolicy().equalsIgnoreCase("auto") ? null : SentencePolicy.parse(e.splitPolicy());
    ExtractiveTraining.Settings settings = ExtractiveTraining.Settings.defaults()
        .withSteps(request.steps(), request.batchSize(), request.learningRate())
        .withLength(e.maxLength()).withSelection(e.k(), e.oracleK(), policy, e.trigramBlocking())
        .withSeed(request.seed(), request.noPretraining()).withCheckpointEvery(e.checkpointEvery());
    ExtractiveTraining.Result r = new ExtractiveTraining(messages, progress).run(new ExtractiveTraining.Request(
        request.backbone(), data.examples(), data.source(), settings, request.output(), request.resume(),
        request.overwrite()));
    return new Result(request.output(), data.size(), r, null, e.maxLength());
  }

  private Result abstractive(Request request) {
    Abstractive a = request.abstractive();
    // the backbone is opened before the data is read: a wrong folder fails first
    Seq2SeqTrainingConfig defaults = AbstractiveTraining.defaults(request.backbone(), request.steps());
    int source = a.maxSourceLength() != null ? a.maxSourceLength() : defaults.maxSourceLength();
    int target = a.maxTargetLength() != null ? a.maxTargetLength() : defaults.maxTargetLength();
    Seq2SeqTrainingConfig config = defaults
        .withBatch(request.batchSize(), request.learningRate() != null ? request.learningRate() : defaults.learningRate())
        .withSeed(request.seed()).withLengths(source, target)
        .withModel(a.labelSmoothing(), a.crossAttentionInit(), request.noPretraining())
        .withEvaluation(a.evalEvery(), a.patience(), a.maxDevExamples()).withCheckpointEvery(a.checkpointEvery())
        .withGeneration(new GenerationOptions(a.beam(), a.lengthPenalty(), target, 0, a.noRepeatNgram()));
    SummaryData data = request.data().read(request.train(), "train").first(request.maxTrainExamples());
    SummaryData dev = a.dev() == null ? null : request.data().read(a.dev(), "dev");
    AbstractiveTraining.Result r = new AbstractiveTraining(messages, progress).run(new AbstractiveTraining.Request(
        request.backbone(), data.examples(), data.source(), dev == null ? List.of() : dev.examples(),
        dev == null ? null : dev.source(), config, a.minLength(), request.output(), request.resume(),
        request.overwrite()));
    return new Result(request.output(), data.size(), null, r, source);
  }
}
