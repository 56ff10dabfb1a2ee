package org.mlmsuite.translation;

import java.nio.file.Path;
import java.util.Locale;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.mlmsuite.backbone.ModelDirectory;
import org.mlmsuite.backbone.UntrainedBackbone;
import org.mlmsuite.backbone.seq2seq.Seq2SeqTraining;
import org.mlmsuite.backbone.seq2seq.Seq2SeqTrainingConfig;
import org.mlmsuite.backbone.seq2seq.TextPair;
import org.mlmsuite.backbone.train.TrainingProgress;
import org.mlmsuite.datasets.TranslationPair;
import org.mlmsuite.eval.report.LossCurve;

/**
 * Trains a translation model: a BERT2BERT encoder-decoder warm-started from a backbone whose
 * vocabulary covers both languages (see {@link Seq2SeqTraining}), exported as a seq2seq model
 * directory with {@link TranslationInfo}.
 *
 * @param messages one line for each step worth telling (data, warm start, export)
 * @param progress the training progress display
 */
public record TranslationTraining(Consumer<String> messages, TrainingProgress progress) {
  /**
   * {@code mlm translate train}, whole; {@link #defaults} are the command line's.
   *
   * @param dev null or {@link ParallelData.Input#isEmpty() empty}: no dev data
   * @param dataDir the dataset mirror for catalog names (null: {@code $MLM_DATA_DIR})
   * @param maxTrainPairs use only the first N training pairs (0: all)
   * @param config steps, batch, learning rate, seed, lengths, dev evaluation and the decoding
   *     defaults saved with the model
   * @param resume continue the run in {@code output} from its newest checkpoint
   * @param overwrite replace a finished translation model in {@code output}
   */
  public record Request(Path backbone, ParallelData.Input train, ParallelData.Input dev, Path dataDir,
      int maxTrainPairs, Seq2SeqTrainingConfig config, Path output, boolean resume, boolean overwrite) {
    public static Request defaults(Path backbone, ParallelData.Input train, Path output) {
      return new Request(backbone, train, null, null, 0, Seq2SeqTrainingConfig.defaults(1000), output, false, false);
    }

    public Request withData(ParallelData.Input newDev, Path newDataDir, int newMaxTrainPairs) {
      return new Request(backbone, train, newDev, newDataDir, newMaxTrainPairs, config, output, resume, overwrite);
    }

    public Request withConfig(Seq2SeqTrainingConfig newConfig) {
      return new Request(backbone, train, dev, dataDir, maxTrainPairs, newConfig, output, resume, overwrite);
    }

    public Request withResume(boolean newResume) {
      return new Request(backbone, train, dev, dataDir, maxTrainPairs, config, output, newResume, overwrite);
    }

    public Request withOverwrite(boolean newOverwrite) {
      return new Request(backbone, train, dev, dataDir, maxTrainPairs, config, output, resume, newOverwrite);
    }
  }

  /** The run, and what {@code mlm translate train} prints of it. */
  public record Result(Path output, Seq2SeqTraining.Result training) {
    public String text() {
      String text = String.format(Locale.ROOT, "wrote %s (step %d exported of %d, %.1f s)%n", output,
          training.exportedStep(), training.summary().step(), training.summary().elapsedSeconds());
      if (training.dev().isEmpty()) {
        return text;
      }
      return text + String.format(Locale.ROOT, "dev: loss %.4f  perplexity %.2f  token accuracy %.4f%n",
          training.dev().get("dev_loss"), training.dev().get("dev_perplexity"), training.dev().get("dev_token_accuracy"));
    }
  }

  /** Reads the training (and dev) pairs and trains. */
  public Result run(Request request) {
    ParallelData train = request.train().read("train", request.dataDir(), "train").first(request.maxTrainPairs());
    ParallelData dev = request.dev() == null || request.dev().isEmpty() ? null
        : request.dev().read("val", request.dataDir(), "dev");
    return new Result(request.output(),
        run(request.backbone(), train, dev, request.config(), request.output(), request.resume(), request.overwrite()));
  }

  /** {@code dev} may be null. */
  public Seq2SeqTraining.Result run(Path backbone, ParallelData train, ParallelData dev,
      Seq2SeqTrainingConfig config, Path output, boolean resume, boolean overwrite) {
    boolean lowercase = ModelDirectory.open(backbone, UntrainedBackbone.KIND).tokenizer().config().lowercase();
    if (lowercase) {
      messages.accept("translate: the backbone's vocabulary is uncased: translations will be lowercase "
          + "(case-sensitive BLEU against cased references counts every capital as an error)");
    }
    String devSource = dev == null ? null : dev.source();
    TranslationInfo info = new TranslationInfo(train.source(), devSource, lowercase);
    Seq2SeqTraining.Task task = new Seq2SeqTraining.Task("translation", train.source(), train.source(), devSource, null,
        provenance -> Map.of(TranslationInfo.FILE_NAME, info));
    Seq2SeqTraining.Result result = new Seq2SeqTraining(messages, progress.afterEachCheckpoint(LossCurve::write)).run(new Seq2SeqTraining.Request(backbone,
        pairs(train.pairs()), dev == null ? List.of() : pairs(dev.pairs()), config, output, resume, overwrite, task));
    LossCurve.write(output);
    return result;
  }

  static List<TextPair> pairs(List<TranslationPair> pairs) {
    return pairs.stream().map(p -> new TextPair(p.source(), p.target(), String.valueOf(p.origin()))).toList();
  }
}
