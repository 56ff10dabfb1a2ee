package org.mlmsuite.backbone;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.mlmsuite.backbone.model.Parameter;
import org.mlmsuite.backbone.train.TrainableVariable;
import org.mlmsuite.backbone.train.TrainingConfig;

/**
 * What every fine-tuning run (classifier, extractive summarizer, encoder-decoder) does the same way
 * around the one {@link org.mlmsuite.backbone.train.Trainer}: open the backbone, pick the trained
 * variables, set BERT's recipe with the run's cadence, and start the exported model's provenance.
 */
public final class FineTuning {
  private FineTuning() {}

  /**
   * Opens the backbone a run starts from. {@code longestInput} is the longest sequence the run
   * will feed, named by {@code lengthName} (e.g. "--max-length") in the error when the backbone's
   * position table is shorter.
   */
  public static ModelDirectory openBackbone(Path dir, int longestInput, String lengthName) {
    ModelDirectory backbone = ModelDirectory.open(dir, UntrainedBackbone.KIND);
    int positions = backbone.config().maxPositions();
    if (longestInput > positions) {
      throw new IllegalArgumentException(lengthName + " " + longestInput + " exceeds the backbone's "
          + positions + " positions (" + dir + "/" + ModelDirectory.CONFIG + ")");
    }
    return backbone;
  }

  /**
   * BERT's fine-tuning recipe (AdamW, 10% warmup, linear decay) with this run's cadence: a log row
   * about every tenth of the run (at most every 50 steps); with dev data an evaluation every
   * {@code evalEvery} steps (0: only at the end); two checkpoints kept.
   */
  public static TrainingConfig trainingConfig(double learningRate, long steps, int batchSize, boolean hasDev,
      int evalEvery, int checkpointEvery, long seed) {
    int logEvery = (int) Math.max(1, Math.min(50, steps / 10));
    int devEvery = !hasDev ? 0 : evalEvery > 0 ? evalEvery : (int) Math.min(Integer.MAX_VALUE, steps);
    return TrainingConfig.bertDefaults(learningRate, steps, batchSize)
        .withCadence(logEvery, devEvery, checkpointEvery, 2)
        .withSeed(seed);
  }

  /** The parameters whose names pass {@code trains}, each with its own weight-decay rule. */
  public static List<TrainableVariable> trainable(List<Parameter> parameters, Predicate<String> trains) {
    return parameters.stream()
        .filter(p -> trains.test(p.name()))
        .map(p -> new TrainableVariable(p.variable(), p.weightDecay()))
        .toList();
  }

  /**
   * The entries every fine-tuned model's provenance starts with: the backbone folder as given,
   * whether its weights were loaded ({@code loadedAs} says how), and the backbone's own provenance.
   */
  public static Map<String, Object> provenance(Path requested, ModelDirectory backbone, boolean noPretraining,
      String loadedAs) {
    Map<String, Object> provenance = new LinkedHashMap<>();
    provenance.put("backbone", requested.toAbsolutePath().normalize().toString());
    provenance.put("backboneWeights", noPretraining ? "not loaded: random initialisation (--no-pretraining)" : loadedAs);
    if (Files.isRegularFile(backbone.path().resolve(ModelDirectory.PROVENANCE))) {
      provenance.put("backboneProvenance", backbone.read(ModelDirectory.PROVENANCE, Map.class));
    }
    return provenance;
  }
}
