package org.mlmsuite.backbone;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.mlmsuite.backbone.model.Parameter;
import org.mlmsuite.backbone.model.TransformerConfig;
import org.mlmsuite.backbone.text.WordPieceTokenizer;
import org.mlmsuite.backbone.train.BatchSource;
import org.mlmsuite.backbone.train.Checkpoint;
import org.mlmsuite.backbone.train.EarlyStopping;
import org.mlmsuite.backbone.train.TrainableVariable;
import org.mlmsuite.backbone.train.Trainer;
import org.mlmsuite.backbone.train.TrainingConfig;
import org.mlmsuite.backbone.train.TrainingObjective;
import org.mlmsuite.backbone.train.TrainingProgress;
import org.mlmsuite.backbone.train.TrainingSummary;
import org.mlmsuite.backbone.train.WeightLoader;
import org.tensorflow.Graph;
import org.tensorflow.Session;
import org.tensorflow.op.Ops;

/**
 * One fine-tuning run, the sequence every task (classifier, extractive summarizer,
 * encoder-decoder) shares around the one {@link Trainer}:
 *
 * <ol>
 *   <li>{@link #open}: the backbone, refused when its positions are fewer than the run feeds;
 *   <li>the task encodes its data with {@link #tokenizer()};
 *   <li>{@link #train}: the task's graph, warm-started from the backbone (unless {@code
 *       noPretraining}), keeping the best dev checkpoint when there is dev data;
 *   <li>{@link #provenance}: the typed record of how the model was made;
 *   <li>{@link #export}: the chosen checkpoint restored into the task's inference graph and written
 *       as a {@link ModelDirectory} with the task's records, beside the resumable run.
 * </ol>
 *
 * <p>The task supplies what differs through {@link TaskGraphs}.
 */
public final class FineTuningRun {
  /** Examples per batch when a task scores its dev set. */
  public static final int DEV_BATCH_SIZE = 64;

  private final Path requested;
  private final ModelDirectory backbone;
  private final boolean noPretraining;
  private final String name;
  private final Consumer<String> messages;
  private final TrainingProgress progress;

  /** What a task builds: its graphs, its objective and which backbone weights start it. */
  public interface TaskGraphs<B, G> {
    /** The task's training graph (backbone, head, loss; dropout switchable) in the trainer's graph. */
    G buildForTraining(Ops tf);

    /** Loss, trained variables, batch feeder and (with dev data) evaluator of that graph. */
    TrainingObjective<B> objective(G training);

    /** Which weights of the backbone checkpoint at {@code backbonePrefix} start the training graph. */
    WeightLoader warmStart(G training, String backbonePrefix);

    /** The graph the exported model runs, with the same variable names as the training graph. */
    G buildForInference(Ops tf);

    List<String> parameterNames(G graph);
  }

  /** How training ended and the checkpoint to export: the best dev one, else the last. */
  public record Trained(TrainingSummary summary, Checkpoint chosen) {}

  /** The written model and what the task computed on it before writing (e.g. dev scores). */
  public record Exported<S>(ModelDirectory model, S scores) {}

  private FineTuningRun(Path requested, ModelDirectory backbone, boolean noPretraining, String name,
      Consumer<String> messages, TrainingProgress progress) {
    this.requested = requested;
    this.backbone = backbone;
    this.noPretraining = noPretraining;
    this.name = name;
    this.messages = messages;
    this.progress = progress;
  }

  /**
   * Opens the backbone a run starts from. {@code longestInput} is the longest sequence the run
   * will feed, named by {@code lengthName} (e.g. "--max-length") in the error when the backbone's
   * position table is shorter. {@code name} starts the run's messages (e.g. "classify").
   */
  public static FineTuningRun open(Path backbone, int longestInput, String lengthName, boolean noPretraining,
      String name, Consumer<String> messages, TrainingProgress progress) {
    return new FineTuningRun(backbone, openBackbone(backbone, longestInput, lengthName), noPretraining, name,
        messages, progress);
  }

  static ModelDirectory openBackbone(Path dir, int longestInput, String lengthName) {
    ModelDirectory backbone = ModelDirectory.open(dir, UntrainedBackbone.KIND);
    int positions = backbone.config().maxPositions();
    if (longestInput > positions) {
      throw new IllegalArgumentException(lengthName + " " + longestInput + " exceeds the backbone's "
          + positions + " positions (" + dir + "/" + ModelDirectory.CONFIG + ")");
    }
    return backbone;
  }

  public ModelDirectory backbone() {
    return backbone;
  }

  public TransformerConfig config() {
    return backbone.config();
  }

  public WordPieceTokenizer tokenizer() {
    return backbone.tokenizer();
  }

  public int padId() {
    return backbone.tokenizer().vocabulary().padId();
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

  /**
   * How the best dev checkpoint is kept: by {@code metric}, stopping after {@code patience} dev
   * evaluations without improvement (0: never stop early). Null without dev data, where a
   * patience is refused ({@code devOption} names the missing option in the error, or is empty).
   */
  public static EarlyStopping keepBest(String metric, boolean higherIsBetter, int patience, boolean hasDev,
      String devOption) {
    if (!hasDev) {
      if (patience > 0) {
        throw new IllegalArgumentException("early stopping (patience " + patience + ") needs dev data"
            + (devOption.isEmpty() ? "" : " (" + devOption + ")"));
      }
      return null;
    }
    int stopAfter = patience > 0 ? patience : Integer.MAX_VALUE;
    return higherIsBetter ? EarlyStopping.maximize(metric, stopAfter) : EarlyStopping.minimize(metric, stopAfter);
  }

  /** The parameters whose names pass {@code trains}, each with its own weight-decay rule. */
  public static List<TrainableVariable> trainable(List<Parameter> parameters, Predicate<String> trains) {
    return parameters.stream()
        .filter(p -> trains.test(p.name()))
        .map(p -> new TrainableVariable(p.variable(), p.weightDecay()))
        .toList();
  }

  /**
   * Trains the task's graph into {@code output} (resuming the run there if asked) and chooses the
   * checkpoint to export. {@code keepBest} (from {@link #keepBest}) is null without dev data.
   */
  public <B, G> Trained train(TrainingConfig config, Path output, boolean resume, TaskGraphs<B, G> task,
      BatchSource<B> batches, EarlyStopping keepBest) {
    // The warm start runs after the trainer built the graph: it needs that graph's variables.
    List<G> built = new ArrayList<>(1);
    var builder = Trainer.builder(config, output, tf -> {
          G graph = task.buildForTraining(tf);
          built.add(graph);
          return task.objective(graph);
        }, batches)
        .resume(resume)
        .progress(progress);
    if (keepBest != null) {
      builder.earlyStopping(keepBest);
    }
    if (!noPretraining) {
      builder.warmStart((session, graph) -> {
        G training = built.get(0);
        List<String> loaded = task.warmStart(training, backbone.weightsPrefix()).restoreInto(session, graph);
        messages.accept(name + ": warm start of " + loaded.size() + " of " + task.parameterNames(training).size()
            + " variables from " + backbone.path());
      });
    }
    TrainingSummary summary;
    try (Trainer<B> trainer = builder.build()) {
      summary = trainer.train();
    }
    Checkpoint chosen = summary.bestCheckpoint().orElse(summary.lastCheckpoint());
    if (summary.bestCheckpoint().isPresent()) {
      messages.accept(name + ": exporting the best dev checkpoint (step " + chosen.step() + ", "
          + keepBest.metric() + ")");
    }
    return new Trained(summary, chosen);
  }

  /**
   * The provenance of the model this run exports: the task's data and settings, the backbone and
   * its own provenance, the run's steps and timing, and the machine it ran on.
   *
   * @param loadedAs how the backbone's weights were used, when they were (e.g. "loaded from the
   *     backbone")
   * @param settings the task's training config record
   * @param taskDetails the task's own record (null when it has none)
   */
  public TrainingProvenance provenance(Trained trained, TrainingProvenance.Data data, String loadedAs,
      Object settings, long seed, Object taskDetails) {
    TrainingSummary summary = trained.summary();
    BackboneOrigin origin = BackboneOrigin.of(requested, backbone, noPretraining, loadedAs);
    return new TrainingProvenance(data.task(), data.model(), origin.backbone(), origin.backboneWeights(),
        origin.backboneProvenance(), data.train(), data.trainSource(), data.trainExamples(), data.dev(), data.devExamples(),
        data.truncatedTrain(), data.truncatedTargets(), TrainingProvenance.tree(settings), seed, summary.step(),
        trained.chosen().step(), summary.stoppedEarly(), summary.elapsedSeconds(), Instant.now().toString(),
        TrainingProvenance.currentVersions(), TrainingProvenance.currentHardware(),
        TrainingProvenance.tree(taskDetails));
  }

  /**
   * Restores the chosen checkpoint into the task's inference graph, lets the task compute {@code
   * scores} on it (e.g. dev scores; may return null), and writes the model directory of {@code kind}
   * into {@code output} with the task's {@code records} (file name to JSON value).
   */
  public <G, S> Exported<S> export(Trained trained, Path output, String kind, TaskGraphs<?, G> task,
      BiFunction<Session, G, S> scores, Map<String, Object> records) {
    try (Graph graph = new Graph()) {
      G inference = task.buildForInference(Ops.create(graph));
      try (Session session = new Session(graph)) {
        WeightLoader.from(trained.chosen().prefix()).sameNames(task.parameterNames(inference))
            .restoreInto(session, graph);
        S computed = scores.apply(session, inference);
        ModelDirectory model = ModelDirectory.write(output, kind, config(), tokenizer(), session::save, records);
        return new Exported<>(model, computed);
      }
    }
  }
}
