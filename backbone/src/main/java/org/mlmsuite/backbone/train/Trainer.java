package org.mlmsuite.backbone.train;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.tensorflow.Graph;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.op.Ops;
import org.tensorflow.proto.ConfigProto;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;

/**
 * The one training loop for pretraining and every task. Owns the TF graph and session: it builds
 * the task's objective into a fresh graph, adds the AdamW ops ({@link AdamWGraph}), then either
 * starts fresh (optionally warm-started) or resumes from the newest checkpoint in the output
 * directory, and runs optimizer steps of {@code gradientAccumulationSteps} micro-batches each.
 *
 * <p>Output directory: {@code training-config.json}, {@code run-inputs.json} ({@link RunInputs}:
 * what the run started from, which a resumed run must bring again), {@code train-log.jsonl} (which the layers
 * that have {@code eval} draw as {@code loss-curve.svg}), {@code checkpoints/ckpt-<step>/} + {@code
 * checkpoints/latest}, and {@code best/} when early stopping is on. A run killed at any moment
 * resumes with {@code resume(true)} and reproduces the loss curve of an uninterrupted run.
 */
public final class Trainer<B> implements AutoCloseable {
  private final TrainingConfig config;
  private final Path outputDirectory;
  private final BatchSource<B> source;
  private final Optional<EarlyStopping> earlyStopping;
  private final TrainingProgress progress;
  private final Consumer<StepMetrics> listener;
  private final Graph graph;
  private final Session session;
  private final TrainingObjective<B> objective;
  private final AdamWGraph optimizer;
  private final CheckpointStore checkpoints;
  private final TrainingLog log;
  private final LinearWarmupDecaySchedule schedule;
  private final RunLock runLock;
  private final RunInputs inputs;
  private final FreshRunFiles freshRunFiles = new FreshRunFiles();
  private TrainerState state;
  private long lastCheckpointStep;
  private Checkpoint lastCheckpoint;

  // Opens the run in order: lock the folder, build graph and optimizer, then resume or start fresh.
  private Trainer(Builder<B> b) throws IOException {
    this.config = b.config;
    this.outputDirectory = b.outputDirectory;
    this.source = b.source;
    this.earlyStopping = Optional.ofNullable(b.earlyStopping);
    this.progress = b.progress;
    this.listener = b.listener;
    this.inputs = b.inputs;
    this.schedule = config.schedule();
    this.checkpoints = new CheckpointStore(outputDirectory, config.keepCheckpoints());
    if (b.resume && inputs != null) {
      refuseOtherInputs();
    }
    freshRunFiles.aboutToCreate(outputDirectory);
    try {
      Files.createDirectories(outputDirectory);
      runLock = RunLock.acquire(outputDirectory);
    } catch (IOException | RuntimeException e) {
      freshRunFiles.delete();
      throw e;
    }
    graph = new Graph();
    Session s = null;
    try {
      Optional<Checkpoint> existing = existingRun(b.resume);
      Ops tf = Ops.create(graph);
      objective = buildObjective(b.objective, tf);
      optimizer = new AdamWGraph(graph, tf, objective.loss(), objective.variables(), config);
      s = b.sessionConfig == null ? new Session(graph) : new Session(graph, b.sessionConfig);
      session = s;
      log = existing.isPresent() ? resumeFrom(existing.get()) : startFresh(b.warmStart);
      checkGraphIsAtTheStatesStep();
    } catch (RuntimeException | IOException e) {
      if (s != null) {
        s.close();
      }
      graph.close();
      runLock.close();
      freshRunFiles.delete();
      throw e;
    }
  }

  /** The newest checkpoint of a run already in the output folder; refused unless resuming. */
  private Optional<Checkpoint> existingRun(boolean resume) throws IOException {
    checkpoints.removeIncompleteWrites();
    Optional<Checkpoint> existing = checkpoints.latest();
    if (existing.isPresent() && !resume) {
      throw new IllegalArgumentException(outputDirectory + ": already holds a training run ("
          + existing.get().directory().getFileName() + "); resume it or choose a new output directory");
    }
    if (existing.isPresent()) {
      checkSameOptimizer(outputDirectory.resolve(TrainingConfig.FILE_NAME));
    }
    return existing;
  }

  /**
   * A resumed run must continue on the data, model and recipe it started with. Checked before the
   * folder is locked, so a refused resume leaves it as it was.
   */
  private void refuseOtherInputs() {
    if (checkpoints.latest().isPresent()) {
      RunInputs.read(outputDirectory).ifPresent(saved -> inputs.requireSameAs(saved, outputDirectory));
    }
  }

  private TrainingObjective<B> buildObjective(ObjectiveBuilder<B> builder, Ops tf) {
    TrainingObjective<B> built = builder.build(tf);
    checkVariableNames(built.variables());
    if (earlyStopping.isPresent() && built.evaluator().isEmpty()) {
      throw new IllegalArgumentException("early stopping on '" + earlyStopping.get().metric()
          + "' needs an evaluator in the training objective");
    }
    return built;
  }

  /** Restores weights, optimizer and trainer state of {@code ckpt}; returns the log, continued. */
  private TrainingLog resumeFrom(Checkpoint ckpt) throws IOException {
    try {
      ExitGate.restore(session, ckpt.prefix());
    } catch (RuntimeException e) { // TF reports NotFound / InvalidArgument with varied types
      throw new IllegalArgumentException(ckpt.directory() + ": cannot resume, the checkpoint"
          + " does not match the graph built now (" + e.getMessage().lines().findFirst().orElse("") + ")", e);
    }
    state = CheckpointStore.readState(ckpt);
    if (state.seed() != config.seed()) {
      throw new IllegalArgumentException(outputDirectory + ": run was started with seed "
          + state.seed() + ", config has seed " + config.seed());
    }
    source.seek(state.dataPosition());
    TrainingLog continued = TrainingLog.resume(outputDirectory, state.step());
    lastCheckpoint = ckpt;
    lastCheckpointStep = state.step();
    progress.message("resuming " + outputDirectory + " from step " + state.step());
    return continued;
  }

  /** Step 0: the warm start (if any), the config saved, no best checkpoint; returns a new log. */
  private TrainingLog startFresh(WarmStart warmStart) throws IOException {
    if (warmStart != null) {
      warmStart.apply(session, graph);
    }
    freshRunFiles.aboutToCreate(outputDirectory.resolve(TrainingConfig.FILE_NAME));
    freshRunFiles.aboutToCreate(outputDirectory.resolve(TrainingLog.FILE_NAME));
    freshRunFiles.aboutToCreate(outputDirectory.resolve(CheckpointStore.DIRECTORY));
    freshRunFiles.aboutToCreate(outputDirectory.resolve(BEST));
    freshRunFiles.aboutToCreate(outputDirectory.resolve(RunInputs.FILE_NAME));
    config.write(outputDirectory.resolve(TrainingConfig.FILE_NAME));
    if (inputs != null) {
      inputs.write(outputDirectory);
    }
    AtomicFiles.deleteTree(outputDirectory.resolve(BEST));
    state = TrainerState.initial(source.position(), config.seed(), EarlyStopping.State.initial());
    lastCheckpointStep = -1;
    return TrainingLog.create(outputDirectory);
  }

  private void checkGraphIsAtTheStatesStep() {
    long graphStep = readStep();
    if (graphStep != state.step()) {
      throw new IllegalStateException("checkpoint inconsistent: variables at step " + graphStep
          + ", trainer state at step " + state.step());
    }
  }

  static final String BEST = "best";

  /** What a run writes into its output folder before its first checkpoint (and beside it after). */
  public static final Set<String> RUN_FILES = Set.of(RunLock.FILE_NAME, TrainingConfig.FILE_NAME, RunInputs.FILE_NAME,
      TrainingLog.FILE_NAME, CheckpointStore.DIRECTORY);

  public static <B> Builder<B> builder(TrainingConfig config, Path outputDirectory,
      ObjectiveBuilder<B> objective, BatchSource<B> source) {
    return new Builder<>(config, outputDirectory, objective, source);
  }

  /** Trains until {@code totalSteps} or early stopping; saves a checkpoint at the end. */
  public TrainingSummary train() {
    return trainUntil(config.totalSteps());
  }

  /**
   * Trains until step {@code stopStep} (at most {@code totalSteps}) and saves a checkpoint there,
   * so that a later {@code resume} continues exactly (used for staged runs and tests).
   */
  public TrainingSummary trainUntil(long stopStep) {
    long end = Math.min(stopStep, config.totalSteps());
    long sessionStartNanos = System.nanoTime();
    long sessionStartStep = state.step();
    long sessionStartUnits = state.unitsSeen();
    double elapsedAtStart = state.elapsedSeconds();
    long windowStartNanos = sessionStartNanos;
    long windowUnits = 0;
    // A run that already stopped early stays stopped when resumed.
    boolean stop = earlyStopping.isPresent() && state.earlyStopping() != null
        && earlyStopping.get().decision(state.earlyStopping()) == EarlyStopping.Decision.STOP;
    double lastLoss = Double.NaN;
    try {
      while (state.step() < end && !stop) {
        long step = state.step();
        double lr = schedule.learningRate(step);
        StepOutcome outcome = runOptimizerStep(step, lr);
        double loss = outcome.loss();
        long units = outcome.units();
        float gradNorm = outcome.gradNorm();
        if (!Double.isFinite(loss)) {
          throw new IllegalStateException("training diverged: loss is " + loss + " at step "
              + (step + 1) + " (lr " + lr + "); lower the learning rate or check the data");
        }
        lastLoss = loss;
        long newStep = step + 1;
        windowUnits += units;
        long now = System.nanoTime();
        double elapsed = elapsedAtStart + (now - sessionStartNanos) / 1e9;
        state = state.afterStep(source.position(), elapsed, units, loss);
        listener.accept(new StepMetrics(newStep, loss, lr, gradNorm, units));

        Map<String, Double> eval = Map.of();
        boolean finalStep = newStep == config.totalSteps();
        if (objective.evaluator().isPresent() && config.evalEvery() > 0
            && (newStep % config.evalEvery() == 0 || finalStep)) {
          eval = evaluate(newStep);
          stop = state.earlyStopping() != null && earlyStopping.isPresent()
              && earlyStopping.get().decision(state.earlyStopping()) == EarlyStopping.Decision.STOP;
        }
        if (newStep % config.logEvery() == 0 || !eval.isEmpty() || finalStep || stop) {
          double windowSeconds = Math.max(1e-9, (now - windowStartNanos) / 1e9);
          log.append(newStep, state.windowMeanLoss(), lr, gradNorm,
              windowUnits / windowSeconds, objective.throughputUnit(), elapsed, eval);
          state = state.withWindowReset();
          windowStartNanos = now;
          windowUnits = 0;
        }
        if ((config.checkpointEvery() > 0 && newStep % config.checkpointEvery() == 0) || stop) {
          checkpoint();
        }
        long doneThisSession = newStep - sessionStartStep;
        double sessionSeconds = (now - sessionStartNanos) / 1e9;
        double eta = sessionSeconds / doneThisSession * (end - newStep);
        progress.update(newStep, config.totalSteps(), state.smoothedLoss(), lr,
            (state.unitsSeen() - sessionStartUnits) / Math.max(1e-9, sessionSeconds),
            objective.throughputUnit(), elapsed, eta, newStep == end || stop);
      }
      if (state.step() != lastCheckpointStep) {
        checkpoint();
      }
      if (stop) {
        progress.message("early stopping at step " + state.step() + ": '"
            + earlyStopping.get().metric() + "' best " + state.earlyStopping().best() + " at step "
            + state.earlyStopping().bestStep());
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write training output in " + outputDirectory, e);
    } finally {
      progress.finish();
    }
    Optional<Checkpoint> best = Files.isDirectory(outputDirectory.resolve(BEST))
        ? Optional.of(new Checkpoint(outputDirectory.resolve(BEST), state.earlyStopping().bestStep()))
        : Optional.empty();
    return new TrainingSummary(state.step(), lastLoss, stop, lastCheckpoint, best,
        state.lastEval(), state.elapsedSeconds());
  }

  private record StepOutcome(double loss, float gradNorm, long units) {}

  /**
   * One optimizer step: accumulate the first N-1 micro-batches, apply on the last. The dropout
   * seed of micro-batch k of step s is [config seed, s * N + k].
   */
  private StepOutcome runOptimizerStep(long step, double lr) {
    int n = config.gradientAccumulationSteps();
    double lossSum = 0;
    long units = 0;
    float gradNorm = Float.NaN;
    for (int k = 0; k < n; k++) {
      boolean last = k == n - 1;
      try (Feeds feeds = new Feeds()) {
        units += objective.feeder().feed(source.next(), feeds);
        if (objective.dropoutSeed().isPresent()) {
          feeds.put(objective.dropoutSeed().get(), TInt64.vectorOf(config.seed(), step * n + k));
        }
        if (last) {
          feeds.put(optimizer.learningRate(), TFloat32.scalarOf((float) lr));
        }
        Session.Runner runner = feeds.applyTo(session.runner()).fetch(objective.loss());
        if (last) {
          runner.fetch(optimizer.gradNorm()).addTarget(optimizer.apply());
        } else {
          runner.addTarget(optimizer.accumulate());
        }
        try (Result result = ExitGate.run(runner)) {
          lossSum += ((TFloat32) result.get(0)).getFloat();
          if (last) {
            gradNorm = ((TFloat32) result.get(1)).getFloat();
          }
        }
      }
    }
    return new StepOutcome(lossSum / n, gradNorm, units);
  }

  private Map<String, Double> evaluate(long step) throws IOException {
    Map<String, Double> metrics = new LinkedHashMap<>(objective.evaluator().get().evaluate(session));
    EarlyStopping.State es = state.earlyStopping();
    if (earlyStopping.isPresent()) {
      EarlyStopping policy = earlyStopping.get();
      Double value = metrics.get(policy.metric());
      if (value == null) {
        throw new IllegalArgumentException("early stopping metric '" + policy.metric()
            + "' is not among the evaluator's metrics " + metrics.keySet());
      }
      es = policy.observe(es, step, value);
    }
    state = state.withEvaluation(es, java.util.Collections.unmodifiableMap(metrics));
    if (earlyStopping.isPresent() && earlyStopping.get().decision(es) == EarlyStopping.Decision.IMPROVED) {
      CheckpointStore.writeAtomically(session, state, outputDirectory, BEST);
    }
    progress.message("step " + step + " eval " + metrics);
    return metrics;
  }

  private void checkpoint() throws IOException {
    log.sync();
    // one step for a SIGTERM's exit cleanup: a checkpoint in place always has its run kept (the
    // cleanup cannot come between the rename and keep()) and its loss curve renamed into place
    ExitGate.pass(() -> {
      lastCheckpoint = checkpoints.save(session, state);
      lastCheckpointStep = state.step();
      freshRunFiles.keep();
      progress.checkpointed(outputDirectory);
      return null;
    });
  }

  private long readStep() {
    try (Result r = ExitGate.run(session.runner().fetch(optimizer.step()))) {
      return ((TInt64) r.get(0)).getLong();
    }
  }

  private void checkSameOptimizer(Path savedFile) throws IOException {
    if (!Files.exists(savedFile)) {
      return;
    }
    TrainingConfig saved = TrainingConfig.read(savedFile);
    // totalSteps and the logging cadence may change between sessions (e.g. to extend a run).
    TrainingConfig normalized = saved.withTotalSteps(config.totalSteps())
        .withCadence(config.logEvery(), config.evalEvery(), config.checkpointEvery(), config.keepCheckpoints());
    if (!normalized.equals(config)) {
      throw new IllegalArgumentException(savedFile + ": the run being resumed was trained with "
          + saved + "; resuming with a different optimizer config " + config + " is not supported");
    }
    if (saved.totalSteps() != config.totalSteps()) {
      config.write(savedFile);
    }
  }

  private static void checkVariableNames(List<TrainableVariable> vars) {
    Set<String> seen = new HashSet<>();
    for (TrainableVariable v : vars) {
      if (v.name().contains("/")) {
        throw new IllegalArgumentException("variable name '" + v.name() + "' must not contain '/'");
      }
      if (!seen.add(v.name())) {
        throw new IllegalArgumentException("variable '" + v.name() + "' is listed twice");
      }
    }
  }

  public long step() {
    return state.step();
  }

  public TrainingConfig config() {
    return config;
  }

  public Path outputDirectory() {
    return outputDirectory;
  }

  /** The newest checkpoint written or resumed from (empty before the first one). */
  public Optional<Checkpoint> lastCheckpoint() {
    return Optional.ofNullable(lastCheckpoint);
  }

  /** The objective built into this trainer's graph (its placeholders and outputs). */
  public TrainingObjective<B> objective() {
    return objective;
  }

  /** The session holding the current weights; owned by the trainer, valid until close. */
  public Session session() {
    return session;
  }

  public Graph graph() {
    return graph;
  }

  @Override
  public void close() {
    try {
      log.close();
    } catch (IOException e) {
      // Nothing is lost: every line was written and the log was synced at each checkpoint.
    } finally {
      session.close();
      graph.close();
      runLock.close();
      freshRunFiles.delete(); // a no-op once a checkpoint was written
    }
  }

  /** Options of a {@link Trainer}; {@link #build()} opens the graph and session. */
  public static final class Builder<B> {
    private final TrainingConfig config;
    private final Path outputDirectory;
    private final ObjectiveBuilder<B> objective;
    private final BatchSource<B> source;
    private boolean resume;
    private WarmStart warmStart;
    private EarlyStopping earlyStopping;
    private TrainingProgress progress = TrainingProgress.toStderr();
    private Consumer<StepMetrics> listener = m -> {};
    private ConfigProto sessionConfig;
    private RunInputs inputs;

    private Builder(TrainingConfig config, Path outputDirectory, ObjectiveBuilder<B> objective,
        BatchSource<B> source) {
      this.config = Objects.requireNonNull(config, "config");
      this.outputDirectory = Objects.requireNonNull(outputDirectory, "outputDirectory");
      this.objective = Objects.requireNonNull(objective, "objective");
      this.source = Objects.requireNonNull(source, "source");
    }

    /** Continue from the newest checkpoint if the directory has one (else start fresh). */
    public Builder<B> resume(boolean resume) {
      this.resume = resume;
      return this;
    }

    /** What the run starts from: recorded at a fresh start, and a resumed run must start from the same. */
    public Builder<B> inputs(RunInputs inputs) {
      this.inputs = inputs;
      return this;
    }

    public Builder<B> warmStart(WarmStart warmStart) {
      this.warmStart = warmStart;
      return this;
    }

    public Builder<B> earlyStopping(EarlyStopping policy) {
      this.earlyStopping = policy;
      return this;
    }

    public Builder<B> progress(TrainingProgress progress) {
      this.progress = Objects.requireNonNull(progress);
      return this;
    }

    public Builder<B> onStep(Consumer<StepMetrics> listener) {
      this.listener = Objects.requireNonNull(listener);
      return this;
    }

    /**
     * Session options (thread pools, graph optimizations); default: TensorFlow's defaults, which
     * measured fastest on 2 cores (docs/benchmarks.md, pretraining throughput).
     */
    public Builder<B> sessionConfig(ConfigProto sessionConfig) {
      this.sessionConfig = sessionConfig;
      return this;
    }

    public Trainer<B> build() {
      if (earlyStopping != null && config.evalEvery() == 0) {
        throw new IllegalArgumentException("early stopping needs evaluations: set evalEvery > 0");
      }
      try {
        return new Trainer<>(this);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot prepare output directory " + outputDirectory, e);
      }
    }
  }
}
