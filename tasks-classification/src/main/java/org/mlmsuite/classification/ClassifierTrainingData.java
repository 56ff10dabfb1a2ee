package org.mlmsuite.classification;

import java.nio.file.Path;
import java.util.List;

/**
 * The data of a training run as {@code mlm classify train} names it: a file or catalog name for
 * the training data (read whole, or a seeded sample), an optional one for dev data, and how to
 * read them. {@link #request} reads them into a {@link ClassifierTraining.Request}.
 *
 * @param train a CSV/TSV file or {@code NAME[:SPLIT]} (split {@code train} by default)
 * @param dev the same for dev data (split {@code dev} by default), or null for none
 * @param maxTrainExamples train on a random sample of this many examples, seeded by the config's
 *     seed (0: all)
 */
public record ClassifierTrainingData(String train, String dev, int maxTrainExamples, LabeledData.Options options) {
  /** All of {@code train}, no dev data, read with {@link LabeledData.Options#defaults()}. */
  public static ClassifierTrainingData of(String train) {
    return new ClassifierTrainingData(train, null, 0, LabeledData.Options.defaults());
  }

  /** Reads the data and gives the run that fine-tunes {@code backbone} on it into {@code output}. */
  public ClassifierTraining.Request request(Path backbone, ClassifierTrainingConfig config, Path output,
      boolean resume) {
    LabeledData trainData = LabeledData.read(train, "train", options).sample(maxTrainExamples, config.seed());
    LabeledData devData = dev == null ? null : LabeledData.read(dev, "dev", options);
    return new ClassifierTraining.Request(backbone, trainData.examples(),
        devData == null ? List.of() : devData.examples(), trainData.description(), trainData.source(),
        devData == null ? null : devData.description(), options.columns(), config, output, resume);
  }
}
