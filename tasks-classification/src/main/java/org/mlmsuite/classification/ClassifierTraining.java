package org.mlmsuite.classification;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.mlmsuite.backbone.FineTuningRun;
import org.mlmsuite.backbone.ModelDirectory;
import org.mlmsuite.backbone.TrainingProvenance;
import org.mlmsuite.backbone.model.Parameter;
import org.mlmsuite.backbone.model.TransformerConfig;
import org.mlmsuite.backbone.train.EarlyStopping;
import org.mlmsuite.backbone.train.TrainableVariable;
import org.mlmsuite.backbone.train.Trainer;
import org.mlmsuite.backbone.train.TrainingObjective;
import org.mlmsuite.backbone.train.TrainingProgress;
import org.mlmsuite.backbone.train.TrainingSummary;
import org.mlmsuite.backbone.train.WeightLoader;
import org.mlmsuite.datasets.LabeledText;
import org.mlmsuite.eval.classification.ClassificationMetrics;
import org.mlmsuite.eval.classification.ClassificationReport;
import org.mlmsuite.eval.report.LossCurve;
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
 *
 * @param messages one line for each step worth telling (data, warm start, export)
 * @param progress the training progress display
 */
public record ClassifierTraining(Consumer<String> messages, TrainingProgress progress) {
  /** Everything a training run needs: {@code train} must not be empty, {@code dev} may be. */
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
      boolean resume) {
    public Request {
      if (train.isEmpty()) {
        throw new IllegalArgumentException(trainDescription + ": no training examples");
      }
    }
  }

  /** How a run ended: the exported model, its dev scores (null without dev data), and counts. */
  public record Result(
      ModelDirectory model,
      LabelSet labels,
      TrainingSummary summary,
      long exportedStep,
      ClassificationReport dev,
      int truncatedTrain,
      int truncatedDev) {}

  public Result run(Request request) {
    ClassifierTrainingConfig cfg = request.config();
    FineTuningRun run = FineTuningRun.open(request.backbone(), cfg.maxLength(), "--max-length", cfg.noPretraining(),
        "classify", messages, progress);
    LabelSet labels = LabelSet.of(request.train());
    ExampleEncoder encoder = new ExampleEncoder(run.tokenizer(), cfg.maxLength());
    ExampleEncoder.Encoded train = encoder.encodeAll(request.train(), labels);
    ExampleEncoder.Encoded dev = encoder.encodeAll(request.dev(), labels);
    warnTruncated(train.truncated(), request.train().size(), request.trainDescription(), cfg.maxLength());
    warnTruncated(dev.truncated(), request.dev().size(), request.devDescription(), cfg.maxLength());
    float[] classWeights = cfg.classWeights().weights(labels.counts(request.train()));
    boolean hasDev = !dev.examples().isEmpty();
    EarlyStopping keepBest = FineTuningRun.keepBest(cfg.metric(), true, cfg.patience(), hasDev, "--dev");
    boolean backbonePooler = !cfg.noPretraining()
        && CheckpointEntries.contains(run.backbone().weightsPrefix(), ClassifierGraph.POOLER_PREFIX + "dense.weight");
    messages.accept(String.format(java.util.Locale.ROOT,
        "classify: %d train / %d dev examples, %d labels %s, class weights %s; pooler %s; %s",
        train.examples().size(), dev.examples().size(), labels.size(), labels.labels(),
        java.util.Arrays.toString(classWeights), backbonePooler ? "from the backbone" : "new",
        cfg.noPretraining() ? "NO pretraining (random init)" : cfg.freezeBackbone() ? "backbone frozen" : "full fine-tuning"));

    Graphs graphs = new Graphs(run.config(), labels, classWeights, cfg, backbonePooler, run.padId(),
        hasDev ? dev.examples() : null);
    FineTuningRun.Trained trained = run.train(
        FineTuningRun.trainingConfig(cfg.learningRate(), cfg.steps(), cfg.batchSize(), hasDev, cfg.evalEvery(),
            cfg.checkpointEvery(), cfg.seed()),
        request.output(), request.resume(), graphs,
        new LengthBucketedBatchSource(train.examples(), cfg.batchSize(), cfg.windowBatches(), cfg.seed()), keepBest);
    LossCurve.write(request.output());

    TrainingProvenance provenance = run.provenance(trained,
        new TrainingProvenance.Data("classification", null, request.trainDescription(), request.trainSource(),
            request.train().size(), hasDev ? request.devDescription() : null, request.dev().size(),
            train.truncated(), null),
        "loaded from the backbone", cfg, cfg.seed(), new Details(classWeights));
    ClassifierInfo info = new ClassifierInfo(labels.labels(), cfg.maxLength(), request.train().get(0).isPair(),
        request.columns().text(), request.columns().textPair(), request.columns().label(), provenance);
    FineTuningRun.Exported<ClassificationReport> exported = run.export(trained, request.output(), ClassifierInfo.KIND,
        graphs, (session, g) -> hasDev ? devReport(session, g, run.padId(), dev.examples(), labels) : null,
        Map.of(ClassifierInfo.FILE_NAME, info));
    return new Result(exported.model(), labels, trained.summary(), trained.chosen().step(), exported.scores(),
        train.truncated(), dev.truncated());
  }

  /** The classifier's own part of its provenance. */
  public record Details(float[] classWeights) {}

  /**
   * The classifier's graphs: {@link ClassifierGraph} trained with dropout and class weights, the
   * backbone's {@code bert.*} weights warm-starting it (its pooler only when it has one).
   */
  private record Graphs(TransformerConfig config, LabelSet labels, float[] classWeights, ClassifierTrainingConfig cfg,
      boolean backbonePooler, int padId, List<EncodedExample> dev)
      implements FineTuningRun.TaskGraphs<List<EncodedExample>, ClassifierGraph> {
    @Override
    public ClassifierGraph buildForTraining(Ops tf) {
      return ClassifierGraph.build(tf, config, labels.size(), classWeights, cfg.seed());
    }

    @Override
    public TrainingObjective<List<EncodedExample>> objective(ClassifierGraph g) {
      List<TrainableVariable> vars = FineTuningRun.trainable(g.parameters(),
          name -> trains(name, cfg.freezeBackbone(), backbonePooler));
      TrainingObjective<List<EncodedExample>> objective = TrainingObjective.<List<EncodedExample>>of(
          g.loss(), vars, (batch, feeds) -> {
            BatchTensors.feedInputs(batch, g.inputs(), padId, feeds);
            BatchTensors.feedLabels(batch, g, feeds);
            feeds.put(g.dropout().training(), TBool.scalarOf(true));
            return batch.size();
          })
          .withDropoutSeed(g.dropout().seed());
      if (dev == null) {
        return objective;
      }
      ProbabilityRunner runner = new ProbabilityRunner(g, padId, FineTuningRun.DEV_BATCH_SIZE);
      return objective.withEvaluator(session -> devMetrics(runner.probabilities(session, dev), dev, labels));
    }

    @Override
    public WeightLoader warmStart(ClassifierGraph g, String backbonePrefix) {
      return WeightLoader.from(backbonePrefix).sameNames(parameterNames(g).stream()
          .filter(n -> n.startsWith("bert.") && (backbonePooler || !n.startsWith(ClassifierGraph.POOLER_PREFIX)))
          .toList());
    }

    @Override
    public ClassifierGraph buildForInference(Ops tf) {
      return ClassifierGraph.forInference(tf, config, labels.size());
    }

    @Override
    public List<String> parameterNames(ClassifierGraph g) {
      return g.parameters().stream().map(Parameter::name).toList();
    }
  }

  private static ClassificationReport devReport(Session session, ClassifierGraph g, int padId,
      List<EncodedExample> dev, LabelSet labels) {
    float[][] probs = new ProbabilityRunner(g, padId, FineTuningRun.DEV_BATCH_SIZE).probabilities(session, dev);
    return ClassificationMetrics.evaluate(gold(dev, labels), predicted(probs, labels), labels.labels());
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
