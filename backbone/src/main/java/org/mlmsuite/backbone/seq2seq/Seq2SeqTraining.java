package org.mlmsuite.backbone.seq2seq;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import org.mlmsuite.backbone.FineTuningRun;
import org.mlmsuite.backbone.ModelDirectory;
import org.mlmsuite.backbone.OutputFolder;
import org.mlmsuite.backbone.TrainingProvenance;
import org.mlmsuite.backbone.model.TransformerConfig;
import org.mlmsuite.backbone.train.EarlyStopping;
import org.mlmsuite.backbone.train.ExitGate;
import org.mlmsuite.backbone.train.Feeds;
import org.mlmsuite.backbone.train.RunInputs;
import org.mlmsuite.backbone.train.ShuffledBatchSource;
import org.mlmsuite.backbone.train.TrainableVariable;
import org.mlmsuite.backbone.train.Trainer;
import org.mlmsuite.backbone.train.TrainingObjective;
import org.mlmsuite.backbone.train.TrainingProgress;
import org.mlmsuite.backbone.train.TrainingSummary;
import org.mlmsuite.backbone.train.WeightLoader;
import org.tensorflow.Session;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat32;

/**
 * Fine-tunes a BERT2BERT {@link Seq2SeqGraph} warm-started from a backbone with the one {@link
 * Trainer} (teacher forcing, label-smoothed cross-entropy, dropout on) and exports a {@value
 * Seq2SeqModel#KIND} model directory into the output folder, which also keeps the resumable run.
 *
 * <p>With dev pairs, the dev loss (mean per-token NLL, unsmoothed), perplexity and teacher-forced
 * token accuracy are computed every {@code evalEvery} steps and at the end; the checkpoint with the
 * lowest dev loss is exported. Without dev pairs, the last step is exported.
 *
 * @param messages one line for each step worth telling (data, warm start, export)
 * @param progress the training progress display
 */
public record Seq2SeqTraining(Consumer<String> messages, TrainingProgress progress) {
  /**
   * A training run of {@code task}; {@code train} must not be empty, {@code dev} may be. {@code
   * resume} continues the run in {@code output}; {@code overwrite} replaces a finished model there.
   */
  public record Request(
      Path backbone,
      List<TextPair> train,
      List<TextPair> dev,
      Seq2SeqTrainingConfig config,
      Path output,
      boolean resume,
      boolean overwrite,
      Task task) {
    public Request {
      if (train.isEmpty()) {
        throw new IllegalArgumentException("seq2seq training: no training pairs");
      }
    }
  }

  /**
   * What the task (translation, abstractive summarization) adds to the model it trains.
   *
   * @param name what the model does, e.g. "translation"
   * @param train the training data as the user named it; {@code trainSource} reopens it (or null)
   * @param dev the dev data, or null
   * @param details the task's own provenance record, or null
   * @param records the task's JSON files written into the model directory (file name to record,
   *     e.g. {@code translation.json}), given the model's provenance
   */
  public record Task(String name, String train, String trainSource, String dev, Object details,
      Function<TrainingProvenance, Map<String, Object>> records) {}

  /** How a run ended: the exported model and the dev scores of the exported step (empty without dev). */
  public record Result(
      ModelDirectory model,
      TrainingSummary summary,
      long exportedStep,
      Map<String, Double> dev,
      int truncatedSources,
      int truncatedTargets,
      TrainingProvenance provenance) {}

  public Result run(Request request) {
    Seq2SeqTrainingConfig cfg = request.config();
    FineTuningRun run = FineTuningRun.open(request.backbone(), Math.max(cfg.maxSourceLength(), cfg.maxTargetLength()),
        "maximum length", cfg.noPretraining(), "seq2seq", messages, progress);
    OutputFolder output = run.output(request.output(), Seq2SeqModel.KIND, request.resume(), request.overwrite());
    TransformerConfig config = run.config();
    EarlyStopping keepBest = FineTuningRun.keepBest("dev_loss", false, cfg.patience(), !request.dev().isEmpty(), "");
    Seq2SeqConfig settings = cfg.modelSettings();
    Seq2SeqEncoder encoder = new Seq2SeqEncoder(run.tokenizer(), settings);
    int[] truncated = new int[2];
    List<Seq2SeqExample> train = encodeAll(request.train(), encoder, truncated);
    List<TextPair> devPairs = cfg.maxDevExamples() > 0 && request.dev().size() > cfg.maxDevExamples()
        ? request.dev().subList(0, cfg.maxDevExamples()) : request.dev();
    List<Seq2SeqExample> dev = encodeAll(devPairs, encoder, new int[2]);
    boolean hasDev = !dev.isEmpty();
    if (truncated[0] + truncated[1] > 0) {
      messages.accept(String.format(Locale.ROOT,
          "seq2seq: warning: truncated %d of %d sources to %d tokens and %d targets to %d tokens",
          truncated[0], train.size(), cfg.maxSourceLength(), truncated[1], cfg.maxTargetLength()));
    }
    messages.accept(String.format(Locale.ROOT,
        "seq2seq: %d train / %d dev pairs; encoder+decoder L%d/H%d, vocabulary %d; %s",
        train.size(), dev.size(), config.numLayers(), config.hiddenSize(), config.vocabSize(),
        cfg.noPretraining() ? "NO pretraining (random init)" : "warm start from " + run.backbone().path()
            + " (cross-attention fresh, std " + cfg.crossAttentionInitRange() + ")"));

    int padId = run.padId();
    Graphs graphs = new Graphs(config, cfg, padId, hasDev ? dev : null);
    FineTuningRun.Trained trained = run.train(
        FineTuningRun.trainingConfig(cfg.learningRate(), cfg.steps(), cfg.batchSize(), hasDev, cfg.evalEvery(),
            cfg.checkpointEvery(), cfg.seed()),
        output, dataFingerprint(request.task(), request.train(), devPairs), cfg, graphs,
        new ShuffledBatchSource<>(train, cfg.batchSize(), cfg.seed()), keepBest);

    Task task = request.task();
    TrainingProvenance provenance = run.provenance(trained,
        new TrainingProvenance.Data(task.name(), "BERT2BERT encoder-decoder (Rothe et al. 2020)", task.train(),
            task.trainSource(), train.size(), task.dev(), dev.size(), truncated[0], truncated[1]),
        "encoder and decoder warm-started from the backbone", cfg, cfg.seed(), task.details());
    Map<String, Object> records = new LinkedHashMap<>(task.records().apply(provenance));
    records.put(Seq2SeqConfig.FILE_NAME, settings);
    records.put(ModelDirectory.PROVENANCE, provenance);
    FineTuningRun.Exported<Map<String, Double>> exported = run.export(trained, output, graphs,
        (session, g) -> hasDev ? devMetrics(session, g, dev, padId) : Map.of(), records);
    return new Result(exported.model(), trained.summary(), trained.chosen().step(), exported.scores(), truncated[0],
        truncated[1], provenance);
  }

  /** The pairs as read, train and the dev pairs scored, each named as the user gave it. */
  private static Map<String, String> dataFingerprint(Task task, List<TextPair> train, List<TextPair> dev) {
    Function<TextPair, List<String>> fields = p -> List.of(p.source(), p.target());
    return Map.of("train", RunInputs.fingerprint(task.train(), train, fields),
        "dev", dev.isEmpty() ? RunInputs.NONE : RunInputs.fingerprint(task.dev(), dev, fields));
  }

  /** BERT2BERT's graphs: encoder and decoder warm-started by {@link DecoderWarmStart}, cross-attention fresh. */
  private record Graphs(TransformerConfig config, Seq2SeqTrainingConfig cfg, int padId, List<Seq2SeqExample> dev)
      implements FineTuningRun.TaskGraphs<List<Seq2SeqExample>, Seq2SeqGraph> {
    @Override
    public Seq2SeqGraph buildForTraining(Ops tf) {
      return Seq2SeqGraph.forTraining(tf, config, cfg.labelSmoothing(), cfg.crossAttentionInitRange(), cfg.seed());
    }

    @Override
    public TrainingObjective<List<Seq2SeqExample>> objective(Seq2SeqGraph g) {
      List<TrainableVariable> vars = FineTuningRun.trainable(g.parameters(), name -> true);
      TrainingObjective<List<Seq2SeqExample>> objective = TrainingObjective.<List<Seq2SeqExample>>of(
          g.loss(), vars, (batch, feeds) -> {
            long tokens = g.feed(batch, feeds, padId);
            feeds.put(g.dropout().training(), TBool.scalarOf(true));
            return tokens;
          })
          .withDropoutSeed(g.dropout().seed())
          .withThroughputUnit("target tokens");
      return dev == null ? objective : objective.withEvaluator(session -> devMetrics(session, g, dev, padId));
    }

    @Override
    public WeightLoader warmStart(Seq2SeqGraph g, String backbonePrefix) {
      return DecoderWarmStart.loader(backbonePrefix, g.parameterNames());
    }

    @Override
    public Seq2SeqGraph buildForInference(Ops tf) {
      return Seq2SeqGraph.forInference(tf, config);
    }

    @Override
    public List<String> parameterNames(Seq2SeqGraph g) {
      return g.parameterNames();
    }
  }

  private static List<Seq2SeqExample> encodeAll(List<TextPair> pairs, Seq2SeqEncoder encoder, int[] truncated) {
    List<Seq2SeqExample> out = new ArrayList<>(pairs.size());
    for (TextPair p : pairs) {
      Seq2SeqEncoder.Encoded s = encoder.source(p.source());
      Seq2SeqEncoder.Encoded t = encoder.target(p.target());
      truncated[0] += s.truncated() ? 1 : 0;
      truncated[1] += t.truncated() ? 1 : 0;
      out.add(new Seq2SeqExample(s.ids(), t.ids()));
    }
    return out;
  }

  /** Teacher-forced dev scores with dropout off: dev_loss (mean NLL per token), perplexity, token accuracy. */
  public static Map<String, Double> devMetrics(Session session, Seq2SeqGraph g, List<Seq2SeqExample> dev, int padId) {
    double nll = 0;
    double tokens = 0;
    double correct = 0;
    for (int from = 0; from < dev.size(); from += FineTuningRun.DEV_BATCH_SIZE) {
      List<Seq2SeqExample> batch = dev.subList(from, Math.min(dev.size(), from + FineTuningRun.DEV_BATCH_SIZE));
      try (Feeds feeds = new Feeds()) {
        g.feed(batch, feeds, padId);
        try (org.tensorflow.Result r = ExitGate.run(feeds.applyTo(session.runner())
            .fetch(g.nllSum()).fetch(g.tokenCount()).fetch(g.correctCount()))) {
          nll += ((TFloat32) r.get(0)).getFloat();
          tokens += ((TFloat32) r.get(1)).getFloat();
          correct += ((TFloat32) r.get(2)).getFloat();
        }
      }
    }
    Map<String, Double> m = new LinkedHashMap<>();
    m.put("dev_loss", nll / tokens);
    m.put("dev_perplexity", Math.exp(nll / tokens));
    m.put("dev_token_accuracy", correct / tokens);
    return m;
  }
}
