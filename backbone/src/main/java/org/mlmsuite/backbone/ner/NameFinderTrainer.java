package org.mlmsuite.backbone.ner;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.mlmsuite.backbone.train.AtomicFiles;
import java.util.List;
import opennlp.tools.namefind.NameFinderME;
import opennlp.tools.namefind.NameSample;
import opennlp.tools.namefind.TokenNameFinderFactory;
import opennlp.tools.namefind.TokenNameFinderModel;
import opennlp.tools.util.CollectionObjectStream;
import opennlp.tools.util.TrainingParameters;

/**
 * Trains OpenNLP's maxent name finder (default feature generators, BIO codec) on a CoNLL-2003
 * style file. No English NER model is published as a package, so users train their own.
 *
 * <p>A model trained on CoNLL-2003 inherits its terms (Reuters data, research use only): it must
 * not be redistributed or shipped in a release. It is an artifact users build, never committed.
 */
public final class NameFinderTrainer {
  private NameFinderTrainer() {}

  public static TokenNameFinderModel train(Path conllFile, NameFinderTrainingConfig config) throws IOException {
    List<NameSample> samples = ConllNameSamples.read(conllFile);
    if (samples.isEmpty()) {
      throw new IllegalArgumentException(conllFile + ": no sentences to train on");
    }
    return train(samples, config);
  }

  static TokenNameFinderModel train(List<NameSample> samples, NameFinderTrainingConfig config) throws IOException {
    TrainingParameters params = new TrainingParameters();
    params.put(TrainingParameters.ALGORITHM_PARAM, "MAXENT");
    params.put(TrainingParameters.TRAINER_TYPE_PARAM, "Event");
    params.put(TrainingParameters.ITERATIONS_PARAM, config.iterations());
    params.put(TrainingParameters.CUTOFF_PARAM, config.cutoff());
    params.put(TrainingParameters.THREADS_PARAM, config.threads());
    return NameFinderME.train("en", null, new CollectionObjectStream<>(samples), params,
        new TokenNameFinderFactory());
  }

  /** Writes the model to a temporary file beside {@code out}, then renames it into place. */
  public static void save(TokenNameFinderModel model, Path out) {
    Path target = out.toAbsolutePath();
    try {
      Path parent = target.getParent();
      Files.createDirectories(parent);
      Path tmp = AtomicFiles.tempSibling(target);
      try {
        try (OutputStream os = Files.newOutputStream(tmp)) {
          model.serialize(os);
        }
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } finally {
        Files.deleteIfExists(tmp);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + out, e);
    }
  }

  public static TokenNameFinderModel load(Path modelFile) throws IOException {
    if (!Files.isRegularFile(modelFile)) {
      throw new IllegalArgumentException("no such name finder model: " + modelFile);
    }
    return new TokenNameFinderModel(modelFile);
  }
}
