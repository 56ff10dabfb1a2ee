package org.mlmsuite.translation;

import java.nio.file.Path;
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
  /** {@code dev} may be null. */
  public Seq2SeqTraining.Result run(Path backbone, ParallelData train, ParallelData dev,
      Seq2SeqTrainingConfig config, Path output, boolean resume) {
    boolean lowercase = ModelDirectory.open(backbone, UntrainedBackbone.KIND).tokenizer().config().lowercase();
    if (lowercase) {
      messages.accept("translate: the backbone's vocabulary is uncased: translations will be lowercase "
          + "(case-sensitive BLEU against cased references counts every capital as an error)");
    }
    String devSource = dev == null ? null : dev.source();
    TranslationInfo info = new TranslationInfo(train.source(), devSource, lowercase);
    Seq2SeqTraining.Task task = new Seq2SeqTraining.Task("translation", train.source(), train.source(), devSource, null,
        provenance -> Map.of(TranslationInfo.FILE_NAME, info));
    Seq2SeqTraining.Result result = new Seq2SeqTraining(messages, progress).run(new Seq2SeqTraining.Request(backbone,
        pairs(train.pairs()), dev == null ? List.of() : pairs(dev.pairs()), config, output, resume, task));
    LossCurve.write(output);
    return result;
  }

  static List<TextPair> pairs(List<TranslationPair> pairs) {
    return pairs.stream().map(p -> new TextPair(p.source(), p.target(), String.valueOf(p.origin()))).toList();
  }
}
