package org.mlmsuite.backbone.train;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Path;

/**
 * How a model is trained: optimizer (AdamW), schedule (linear warmup, linear decay to 0), clipping,
 * accumulation, batch size, seed and the logging/eval/checkpoint cadence. Saved as
 * {@code training-config.json} in every output directory.
 *
 * <p>Warmup is either {@code warmupSteps} (when &gt; 0) or {@code warmupRatio} of {@code
 * totalSteps}; setting both is an error. {@code clipNorm <= 0} disables global-norm clipping.
 * {@code biasCorrection=false} is BERT's AdamWeightDecayOptimizer (no bias correction); {@code
 * true} is Loshchilov &amp; Hutter / PyTorch AdamW.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record TrainingConfig(
    double learningRate,
    int warmupSteps,
    double warmupRatio,
    long totalSteps,
    double weightDecay,
    double beta1,
    double beta2,
    double epsilon,
    double clipNorm,
    boolean biasCorrection,
    int gradientAccumulationSteps,
    int batchSize,
    long seed,
    int logEvery,
    int evalEvery,
    int checkpointEvery,
    int keepCheckpoints) {

  public static final String FILE_NAME = "training-config.json";
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  public TrainingConfig {
    require(learningRate > 0 && Double.isFinite(learningRate), "learningRate", "must be > 0");
    require(warmupSteps >= 0, "warmupSteps", "must be >= 0");
    require(warmupRatio >= 0 && warmupRatio < 1, "warmupRatio", "must be in [0, 1)");
    require(!(warmupSteps > 0 && warmupRatio > 0), "warmupSteps", "set warmupSteps or warmupRatio, not both");
    require(totalSteps > 0, "totalSteps", "must be > 0");
    require(warmupSteps <= totalSteps, "warmupSteps", "must be <= totalSteps (" + totalSteps + ")");
    require(weightDecay >= 0, "weightDecay", "must be >= 0");
    require(beta1 >= 0 && beta1 < 1, "beta1", "must be in [0, 1)");
    require(beta2 >= 0 && beta2 < 1, "beta2", "must be in [0, 1)");
    require(epsilon > 0, "epsilon", "must be > 0");
    require(gradientAccumulationSteps >= 1, "gradientAccumulationSteps", "must be >= 1");
    require(batchSize >= 1, "batchSize", "must be >= 1");
    require(logEvery >= 1, "logEvery", "must be >= 1");
    require(evalEvery >= 0, "evalEvery", "must be >= 0 (0 = never)");
    require(checkpointEvery >= 0, "checkpointEvery", "must be >= 0 (0 = only at the end)");
    require(keepCheckpoints >= 1, "keepCheckpoints", "must be >= 1");
  }

  /** BERT's fine-tuning defaults: warmup 10%, weight decay 0.01, betas 0.9/0.999, eps 1e-6, clip 1.0. */
  public static TrainingConfig bertDefaults(double learningRate, long totalSteps, int batchSize) {
    return new TrainingConfig(
        learningRate, 0, 0.1, totalSteps, 0.01, 0.9, 0.999, 1e-6, 1.0, false, 1, batchSize, 42L,
        50, 0, 1000, 3);
  }

  /** Warmup length in optimizer steps. */
  public long effectiveWarmupSteps() {
    return warmupSteps > 0 ? warmupSteps : (long) Math.floor(warmupRatio * totalSteps);
  }

  public LinearWarmupDecaySchedule schedule() {
    return new LinearWarmupDecaySchedule(learningRate, effectiveWarmupSteps(), totalSteps);
  }

  public TrainingConfig withTotalSteps(long steps) {
    return new TrainingConfig(learningRate, warmupSteps, warmupRatio, steps, weightDecay, beta1,
        beta2, epsilon, clipNorm, biasCorrection, gradientAccumulationSteps, batchSize, seed,
        logEvery, evalEvery, checkpointEvery, keepCheckpoints);
  }

  public TrainingConfig withCadence(int logEvery, int evalEvery, int checkpointEvery, int keep) {
    return new TrainingConfig(learningRate, warmupSteps, warmupRatio, totalSteps, weightDecay,
        beta1, beta2, epsilon, clipNorm, biasCorrection, gradientAccumulationSteps, batchSize,
        seed, logEvery, evalEvery, checkpointEvery, keep);
  }

  public TrainingConfig withSeed(long newSeed) {
    return new TrainingConfig(learningRate, warmupSteps, warmupRatio, totalSteps, weightDecay,
        beta1, beta2, epsilon, clipNorm, biasCorrection, gradientAccumulationSteps, batchSize,
        newSeed, logEvery, evalEvery, checkpointEvery, keepCheckpoints);
  }

  public void write(Path file) throws IOException {
    AtomicFiles.writeString(file, JSON.writeValueAsString(this) + "\n");
  }

  public static TrainingConfig read(Path file) throws IOException {
    try {
      return JSON.readValue(file.toFile(), TrainingConfig.class);
    } catch (com.fasterxml.jackson.databind.JsonMappingException e) {
      Throwable cause = e.getCause() instanceof IllegalArgumentException ? e.getCause() : e;
      throw new IllegalArgumentException(file + ": " + cause.getMessage(), e);
    }
  }

  private static void require(boolean ok, String field, String message) {
    if (!ok) {
      throw new IllegalArgumentException("training config: '" + field + "' " + message);
    }
  }
}
