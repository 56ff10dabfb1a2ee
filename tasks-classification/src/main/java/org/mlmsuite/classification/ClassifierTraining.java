package org.mlmsuite.classification;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.mlmsuite.backbone.FineTuningRun;
import org.mlmsuite.backbone.ModelDirectory;
import org.mlmsuite.backbone.OutputFolder;
import org.mlmsuite.backbone.TrainingProvenance;
import org.mlmsuite.backbone.model.Parameter;
import org.mlmsuite.backbone.model.TransformerConfig;
import org.mlmsuite.backbone.train.CheckpointVariables;
import org.mlmsuite.backbone.train.EarlyStopping;
import org.mlmsuite.backbone.train.LengthBucketedBatchSource;
import org.mlmsuite.backbone.train.RunInputs;
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
  /**
   * Everything a training run needs: {@code train} must not be empty, {@code dev} may be. {@code
   * resume} continues the run in {@code output}; {@code overwrite} replaces a finished classifier
   * there.
   */
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
      boolean resume,
      boolean overwrite) {
    public Request {
      if (train.isEmpty()) {
        throw new IllegalArgumentException(trainDescription + ": no training examples");
      }
    }

    /** A run that replaces nothing. */
    public Request(Path backbone, List<LabeledText> train, List<LabeledText> dev, String trainDescription,
        String trainSource, String devDescription, TextColumns columns, ClassifierTrainingConfig config, Path output,
        boolean resume) {
      this(backbone, train, dev, trainDescription, trainSource, devDescription, columns, config, output, resume, false);
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

  public Result run(Request request) {
    ClassifierTrainingConfig cfg = request.config();
    FineTuningRun run = FineTuningRun.open(request.backbone(), cfg.maxLength(), "--max-length", cfg.noPretraining(),
        "classify", messages, progress.afterEachCheckpoint(LossCurve::write));
    OutputFolder output = run.output(request.output(), ClassifierInfo.KIND, request.resume(), request.overwrite());
    LabelSet labels = LabelSet.of(request.train());
    LongTextStrategy longText = cfg.longText().resolvedFor(cfg.maxLength());
    ExampleEncoder encoder = new ExampleEncoder(run.tokenizer(), cfg.maxLength(), longText);
    ExampleEncoder.Encoded train = encoder.encodeAll(request.train(), labels);
    ExampleEncoder.Encoded dev = encoder.encodeAll(request.dev(), labels);
    boolean pairs = request.train().get(0).isPair();
    warnTruncated(train, request.trainDescription(), cfg.maxLength(), longText, pairs);
    warnTruncated(dev, request.devDescription(), cfg.maxLength(), longText, pairs);
    float[] classWeights = cfg.classWeights().weights(labels.counts(request.train()));
    boolean hasDev = !dev.documents().isEmpty();
    EarlyStopping keepBest = FineTuningRun.keepBest(cfg.metric(), true, cfg.patience(), hasDev, "--dev");
    boolean backbonePooler = !cfg.noPretraining() && backboneHasPooler(run.backbone());
    messages.accept(String.format(java.util.Locale.ROOT,
        "classify: %d train / %d dev examples, %d labels %s, class weights %s; pooler %s; %s",
        train.documents().size(), dev.documents().size(), labels.size(), labels.labels(),
        java.util.Arrays.toString(classWeights), backbonePooler ? "from the backbone" : "new",
        cfg.noPretraining() ? "NO pretraining (random init)" : cfg.freezeBackbone() ? "backbone frozen" : "full fine-tuning"));

    Graphs graphs = new Graphs(run.config(), labels, classWeights, cfg, backbonePooler, run.padId(),
        hasDev ? dev.documents() : null, longText);
    FineTuningRun.Trained trained = run.train(
        FineTuningRun.trainingConfig(cfg.learningRate(), cfg.steps(), cfg.batchSize(), hasDev, cfg.evalEvery(),
            cfg.checkpointEvery(), cfg.seed()),
        output, dataFingerprint(request), cfg, graphs,
        new LengthBucketedBatchSource<>(train.examples(), EncodedExample::length, cfg.batchSize(), cfg.windowBatches(),
            cfg.seed()), keepBest);

    TrainingProvenance provenance = run.provenance(trained,
        new TrainingProvenance.Data("classification", null, request.trainDescription(), request.trainSource(),
            request.train().size(), hasDev ? request.devDescription() : null, request.dev().size(),
            train.truncated(), null),
        "loaded from the backbone", cfg, cfg.seed(), new Details(classWeights));
    ClassifierInfo info = new ClassifierInfo(labels.labels(), cfg.maxLength(), pairs,
        request.columns().text(), request.columns().textPair(), request.columns().label(), provenance,
        pairs ? LongTextStrategy.TRUNCATE : longText);
    FineTuningRun.Exported<ClassificationReport> exported = run.export(trained, output,
        graphs, (session, g) -> hasDev ? devReport(session, g, run.padId(), dev.documents(), labels, longText) : null,
        Map.of(ClassifierInfo.FILE_NAME, info));
    LossCurve.write(request.output());
    return new Result(exported.model(), labels, trained.summary(), trained.chosen().step(), exported.scores(),
        train.truncated(), dev.truncated());
  }

  /** The examples as read, train and dev, each named as the user gave it. */
  private static Map<String, String> dataFingerprint(Request request) {
    java.util.function.Function<LabeledText, List<String>> fields =
        e -> java.util.Arrays.asList(e.text(), e.textPair(), e.label());
    return Map.of("train", RunInputs.fingerprint(request.trainDescription(), request.train(), fields),
        "dev", request.dev().isEmpty() ? RunInputs.NONE
            : RunInputs.fingerprint(request.devDescription(), request.dev(), fields));
  }

  /** The classifier's own part of its provenance. */
  public record Details(float[] classWeights) {}

  /**
   * The classifier's graphs: {@link ClassifierGraph} trained with dropout and class weights, the
   * backbone's {@code bert.*} weights warm-starting it (its pooler only when it has one).
   */
  private record Graphs(TransformerConfig config, LabelSet labels, float[] classWeights, ClassifierTrainingConfig cfg,
      boolean backbonePooler, int padId, List<EncodedDocument> dev, LongTextStrategy longText)
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
      return objective.withEvaluator(
          session -> devMetrics(runner.documentProbabilities(session, dev, longText), dev, labels));
    }

    @Override
    public WeightLoader warmStart(ClassifierGraph g, String backbonePrefix) {
      return WeightLoader.from(backbonePrefix).sameNames(warmStartNames(parameterNames(g), backbonePooler));
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
      List<EncodedDocument> dev, LabelSet labels, LongTextStrategy longText) {
    float[][] probs = new ProbabilityRunner(g, padId, FineTuningRun.DEV_BATCH_SIZE)
        .documentProbabilities(session, dev, longText);
    return ClassificationMetrics.evaluate(gold(dev, labels), predicted(probs, labels), labels.labels());
  }

  /**
   * Whether the backbone's weights hold a pooler: Google's BERT has one (pretrained on next-sentence
   * prediction), a backbone pretrained here on MLM alone has none, so the classifier makes its own.
   */
  static boolean backboneHasPooler(ModelDirectory backbone) {
    try (var weights = new CheckpointVariables(backbone.path().toString(), backbone.weightsPrefix())) {
      return weights.contains(ClassifierGraph.POOLER_PREFIX + "dense.weight");
    }
  }

  /** The classifier's parameters a warm start reads from the backbone: the encoder, and the pooler if it has one. */
  static List<String> warmStartNames(List<String> parameterNames, boolean backboneHasPooler) {
    return parameterNames.stream()
        .filter(n -> n.startsWith("bert.") && (backboneHasPooler || !n.startsWith(ClassifierGraph.POOLER_PREFIX)))
        .toList();
  }

  /** Which variables the optimizer updates. */
  static boolean trains(String name, boolean freezeBackbone, boolean backboneHasPooler) {
    if (!freezeBackbone) {
      return true;
    }
    return name.startsWith(ClassifierGraph.HEAD_PREFIX)
        || (!backboneHasPooler && name.startsWith(ClassifierGraph.POOLER_PREFIX));
  }

  static Map<String, Double> devMetrics(float[][] probs, List<EncodedDocument> examples, LabelSet labels) {
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

  static List<String> gold(List<EncodedDocument> examples, LabelSet labels) {
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

  /** Says how many texts did not fit one window and what became of them. */
  private void warnTruncated(ExampleEncoder.Encoded encoded, String what, int maxLength, LongTextStrategy longText,
      boolean pairs) {
    int truncated = encoded.truncated();
    if (truncated == 0) {
      return;
    }
    String share = String.format(java.util.Locale.ROOT, "classify: %d of %d examples in %s (%.1f%%) exceed %d tokens",
        truncated, encoded.documents().size(), what, 100.0 * truncated / encoded.documents().size(), maxLength);
    if (longText.isTruncate() || pairs) {
      messages.accept("classify: warning: " + share.substring("classify: ".length()) + " and were truncated"
          + (pairs && !longText.isTruncate() ? " (text pairs are always truncated)" : ""));
    } else {
      messages.accept(String.format(java.util.Locale.ROOT, "%s; read as %s: %d windows in all", share,
          longText.describe(maxLength), encoded.examples().size()));
    }
  }
}
