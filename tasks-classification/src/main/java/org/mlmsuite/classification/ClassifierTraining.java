package org.mlmsuite.classification;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.mlmsuite.backbone.FineTuning;
import org.mlmsuite.backbone.ModelDirectory;
import org.mlmsuite.backbone.model.Parameter;
import org.mlmsuite.backbone.model.TransformerConfig;
import org.mlmsuite.backbone.text.WordPieceTokenizer;
import org.mlmsuite.backbone.train.Checkpoint;
import org.mlmsuite.backbone.train.EarlyStopping;
import org.mlmsuite.backbone.train.TrainableVariable;
import org.mlmsuite.backbone.train.Trainer;
import org.mlmsuite.backbone.train.TrainingConfig;
import org.mlmsuite.backbone.train.TrainingObjective;
import org.mlmsuite.backbone.train.TrainingProgress;
import org.mlmsuite.backbone.train.TrainingSummary;
import org.mlmsuite.backbone.train.WeightLoader;
import org.mlmsuite.datasets.LabeledText;
import org.mlmsuite.eval.classification.ClassificationMetrics;
import org.mlmsuite.eval.classification.ClassificationReport;
import org.tensorflow.Graph;
import org.tensorflow.Session;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TBool;

/**
 * Fine-tunes a backbone for classification with the one {@link Trainer} and exports the result as
 * a classifier {@link ModelDirectory} in the output folder (which also keeps the resumable run:
 * {@code checkpoints/}, {@code train-log.jsonl}).
 *
 * <p>With dev data, the dev set is scored every {@code evalEvery} steps and at the end; the best
 * evaluation's checkpoint is kept and exported (with {@code patience > 0}, training also stops
 * early). Without dev data the last step is exported.
 */
public final class ClassifierTraining {
  private static final int EVAL_BATCH = 64;

  /** Everything a training run needs. {@code dev} may be empty. */
  public record Request(
      Path backbone,
      List<LabeledText> train,
      List<LabeledText> dev,
      String trainDescription,
      String trainSource,
      String devDescription,
      TextColumns columns,
      ClassifierTrainingConfig config,
      Path output,
      boolean resume) {}

  /** How a run ended: the exported model, its dev scores (null without dev data), and counts. */
  public record Result(
      ModelDirectory model,
      LabelSet labels,
      TrainingSummary summary,
      long exportedStep,
      ClassificationReport dev,
      int truncatedTrain,
      int truncatedDev) {
    /** What {@code mlm classify train} prints of it: where the model is, and its dev scores. */
    public String text() {
      String text = String.format(Locale.ROOT, "wrote %s (%d labels, step %d exported of %d, %.1f s)%n", model.path(),
          labels.size(), exportedStep, summary.step(), summary.elapsedSeconds());
      if (dev == null) {
        return text;
      }
      return text + String.format(Locale.ROOT, "dev: accuracy %.4f  macro-F1 %.4f  (%d examples)%n",
          dev.accuracy(), dev.macro().f1(), dev.samples());
    }
  }

  private final Consumer<String> messages;
  private final TrainingProgress progress;

  public ClassifierTraining(Consumer<String> messages, TrainingProgress progress) {
    this.messages = messages;
    this.progress = progress;
  }

  public Result run(Request request) {
    ClassifierTrainingConfig cfg = request.config();
    ModelDirectory backbone = FineTuning.openBackbone(request.backbone(), cfg.maxLength(), "--max-length");
    TransformerConfig config = backbone.config();
    WordPieceTokenizer tokenizer = backbone.tokenizer();
    if (request.train().isEmpty()) {
      throw new IllegalArgumentException(request.trainDescription() + ": no training examples");
    }
    LabelSet labels = LabelSet.of(request.train());
    ExampleEncoder encoder = new ExampleEncoder(tokenizer, cfg.maxLength());
    ExampleEncoder.Encoded train = encoder.encodeAll(request.train(), labels);
    ExampleEncoder.Encoded dev = encoder.encodeAll(request.dev(), labels);
    warnTruncated(train.truncated(), request.train().size(), request.trainDescription(), cfg.maxLength());
    warnTruncated(dev.truncated(), request.dev().size(), request.devDescription(), cfg.maxLength());
    float[] classWeights = cfg.classWeights().weights(labels.counts(request.train()));
    boolean hasDev = !dev.examples().isEmpty();
    if (!hasDev && cfg.patience() > 0) {
      throw new IllegalArgumentException("early stopping (patience " + cfg.patience() + ") needs dev data (--dev)");
    }
    boolean backbonePooler = !cfg.noPretraining()
        && CheckpointEntries.contains(backbone.weightsPrefix(), ClassifierGraph.POOLER_PREFIX + "dense.weight");
    messages.accept(String.format(java.util.Locale.ROOT,
        "classify: %d train / %d dev examples, %d labels %s, class weights %s; pooler %s; %s",
        train.examples().size(), dev.examples().size(), labels.size(), labels.labels(),
        java.util.Arrays.toString(classWeights), backbonePooler ? "from the backbone" : "new",
        cfg.noPretraining() ? "NO pretraining (random init)" : cfg.freezeBackbone() ? "backbone frozen" : "full fine-tuning"));

    int padId = tokenizer.vocabulary().padId();
    ClassifierGraph[] built = new ClassifierGraph[1];
    TrainingConfig trainingConfig = FineTuning.trainingConfig(cfg.learningRate(), cfg.steps(), cfg.batchSize(),
        hasDev, cfg.evalEvery(), cfg.checkpointEvery(), cfg.seed());
    var builder = Trainer.builder(trainingConfig, request.output(), tf -> {
          ClassifierGraph g = ClassifierGraph.build(tf, config, labels.size(), classWeights, cfg.seed());
          built[0] = g;
          List<TrainableVariable> vars = FineTuning.trainable(g.parameters(),
              name -> trains(name, cfg.freezeBackbone(), backbonePooler));
          TrainingObjective<List<EncodedExample>> objective = TrainingObjective.<List<EncodedExample>>of(
              g.loss(), vars, (batch, feeds) -> {
                BatchTensors.feedInputs(batch, g.inputs(), padId, feeds);
                BatchTensors.feedLabels(batch, g, feeds);
                feeds.put(g.dropout().training(), TBool.scalarOf(true));
                return batch.size();
              })
              .withDropoutSeed(g.dropout().seed());
          if (hasDev) {
            ProbabilityRunner runner = new ProbabilityRunner(g, padId, EVAL_BATCH);
            objective = objective.withEvaluator(session ->
                devMetrics(runner.probabilities(session, dev.examples()), dev.examples(), labels));
          }
          return objective;
        }, new LengthBucketedBatchSource(train.examples(), cfg.batchSize(), cfg.windowBatches(), cfg.seed()))
        .resume(request.resume())
        .progress(progress);
    if (hasDev) {
      builder.earlyStopping(EarlyStopping.maximize(cfg.metric(), cfg.patience() > 0 ? cfg.patience() : Integer.MAX_VALUE));
    }
    if (!cfg.noPretraining()) {
      List<String> restored = new ArrayList<>();
      builder.warmStart((session, graph) -> {
        for (Parameter p : built[0].parameters()) {
          if (p.name().startsWith("bert.") && (backbonePooler || !p.name().startsWith(ClassifierGraph.POOLER_PREFIX))) {
            restored.add(p.name());
          }
        }
        WeightLoader.from(backbone.weightsPrefix()).sameNames(restored).restoreInto(session, graph);
        messages.accept("classify: warm start of " + restored.size() + " backbone variables from " + backbone.path());
      });
    }
    TrainingSummary summary;
    try (Trainer<List<EncodedExample>> trainer = builder.build()) {
      summary = trainer.train();
    }
    Checkpoint chosen = summary.bestCheckpoint().orElse(summary.lastCheckpoint());
    if (summary.bestCheckpoint().isPresent()) {
      messages.accept("classify: exporting the best dev checkpoint (step " + chosen.step() + ", "
          + cfg.metric() + ")");
    }

    Map<String, Object> provenance = FineTuning.provenance(request.backbone(), backbone, cfg.noPretraining(),
        "loaded from the backbone");
    provenance.put("train", request.trainDescription());
    provenance.put("trainSource", request.trainSource());
    provenance.put("trainExamples", request.train().size());
    provenance.put("dev", hasDev ? request.devDescription() : null);
    provenance.put("devExamples", request.dev().size());
    provenance.put("seed", cfg.seed());
    provenance.put("steps", summary.step());
    provenance.put("exportedStep", chosen.step());
    provenance.put("stoppedEarly", summary.stoppedEarly());
    provenance.put("truncatedTrain", train.truncated());
    provenance.put("classWeights", classWeights);
    provenance.put("settings", cfg);
    provenance.put("trainingSeconds", summary.elapsedSeconds());
    provenance.put("createdAt", Instant.now().toString());
    ClassifierInfo info = new ClassifierInfo(labels.labels(), cfg.maxLength(), request.train().get(0).isPair(),
        request.columns().text(), request.columns().textPair(), request.columns().label(), provenance);

    try (Graph graph = new Graph()) {
      ClassifierGraph g = ClassifierGraph.forInference(Ops.create(graph), config, labels.size());
      try (Session session = new Session(graph)) {
        WeightLoader.from(chosen.prefix())
            .sameNames(g.parameters().stream().map(Parameter::name).toList())
            .restoreInto(session, graph);
        ClassificationReport devReport = null;
        if (hasDev) {
          float[][] probs = new ProbabilityRunner(g, padId, EVAL_BATCH).probabilities(session, dev.examples());
          devReport = ClassificationMetrics.evaluate(gold(dev.examples(), labels), predicted(probs, labels), labels.labels());
        }
        ModelDirectory model = ModelDirectory.write(request.output(), ClassifierInfo.KIND, config, tokenizer,
            session::save, Map.of(ClassifierInfo.FILE_NAME, info));
        return new Result(model, labels, summary, chosen.step(), devReport, train.truncated(), dev.truncated());
      }
    }
  }

  /** Which variables the optimizer updates. */
  static boolean trains(String name, boolean freezeBackbone, boolean backboneHasPooler) {
    if (!freezeBackbone) {
      return true;
    }
    return name.startsWith(ClassifierGraph.HEAD_PREFIX)
        || (!backboneHasPooler && name.startsWith(ClassifierGraph.POOLER_PREFIX));
  }

  static Map<String, Double> devMetrics(float[][] probs, List<EncodedExample> examples, LabelSet labels) {
    ClassificationReport r = ClassificationMetrics.evaluate(gold(examples, labels), predicted(probs, labels), labels.labels());
    double nll = 0;
    for (int i = 0; i < probs.length; i++) {
      nll -= Math.log(Math.max(1e-12, probs[i][examples.get(i).label()]));
    }
    Map<String, Double> m = new LinkedHashMap<>();
    m.put("accuracy", r.accuracy());
    m.put("macro_f1", r.macro().f1());
    m.put("dev_loss", nll / probs.length);
    return m;
  }

  static List<String> gold(List<EncodedExample> examples, LabelSet labels) {
    return examples.stream().map(e -> labels.label(e.label())).toList();
  }

  static List<String> predicted(float[][] probs, LabelSet labels) {
    List<String> out = new ArrayList<>(probs.length);
    for (float[] p : probs) {
      out.add(labels.label(argMax(p)));
    }
    return out;
  }

  static int argMax(float[] p) {
    int best = 0;
    for (int c = 1; c < p.length; c++) {
      if (p[c] > p[best]) {
        best = c;
      }
    }
    return best;
  }

  private void warnTruncated(int truncated, int total, String what, int maxLength) {
    if (truncated > 0) {
      messages.accept(String.format(java.util.Locale.ROOT,
          "classify: warning: %d of %d examples in %s (%.1f%%) exceed %d tokens and were truncated",
          truncated, total, what, 100.0 * truncated / total, maxLength));
    }
  }
}
