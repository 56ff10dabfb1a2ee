package org.mlmsuite.backbone.seq2seq;

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
import org.mlmsuite.backbone.model.TransformerConfig;
import org.mlmsuite.backbone.text.WordPieceTokenizer;
import org.mlmsuite.backbone.train.Checkpoint;
import org.mlmsuite.backbone.train.EarlyStopping;
import org.mlmsuite.backbone.train.Feeds;
import org.mlmsuite.backbone.train.ShuffledBatchSource;
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
 */
public final class Seq2SeqTraining {
  private static final int EVAL_BATCH = 64;

  /**
   * A training run. {@code taskRecords} are extra JSON files written into the model directory
   * (file name to record, e.g. {@code translation.json}); {@code provenance} entries are added to
   * {@code provenance.json}.
   */
  public record Request(
      Path backbone,
      List<TextPair> train,
      List<TextPair> dev,
      Seq2SeqTrainingConfig config,
      Path output,
      boolean resume,
      Map<String, Object> provenance,
      Map<String, Object> taskRecords) {}

  /** How a run ended: the exported model and the dev scores of the exported step (empty without dev). */
  public record Result(
      ModelDirectory model,
      TrainingSummary summary,
      long exportedStep,
      Map<String, Double> dev,
      int truncatedSources,
      int truncatedTargets) {}

  private final Consumer<String> messages;
  private final TrainingProgress progress;

  public Seq2SeqTraining(Consumer<String> messages, TrainingProgress progress) {
    this.messages = messages;
    this.progress = progress;
  }

  public Result run(Request request) {
    Seq2SeqTrainingConfig cfg = request.config();
    ModelDirectory backbone = FineTuning.openBackbone(request.backbone(),
        Math.max(cfg.maxSourceLength(), cfg.maxTargetLength()), "maximum length");
    TransformerConfig config = backbone.config();
    WordPieceTokenizer tokenizer = backbone.tokenizer();
    if (request.train().isEmpty()) {
      throw new IllegalArgumentException("seq2seq training: no training pairs");
    }
    if (cfg.patience() > 0 && request.dev().isEmpty()) {
      throw new IllegalArgumentException("early stopping (patience " + cfg.patience() + ") needs dev data");
    }
    Seq2SeqConfig settings = cfg.modelSettings();
    Seq2SeqEncoder encoder = new Seq2SeqEncoder(tokenizer, settings);
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
        cfg.noPretraining() ? "NO pretraining (random init)" : "warm start from " + backbone.path()));

    int padId = tokenizer.vocabulary().padId();
    Seq2SeqGraph[] built = new Seq2SeqGraph[1];
    TrainingConfig trainingConfig = FineTuning.trainingConfig(cfg.learningRate(), cfg.steps(), cfg.batchSize(),
        hasDev, cfg.evalEvery(), cfg.checkpointEvery(), cfg.seed());
    var builder = Trainer.<List<Seq2SeqExample>>builder(trainingConfig, request.output(), tf -> {
          Seq2SeqGraph g = Seq2SeqGraph.forTraining(tf, config, cfg.labelSmoothing(),
              cfg.crossAttentionInitRange(), cfg.seed());
          built[0] = g;
          List<TrainableVariable> vars = FineTuning.trainable(g.parameters(), name -> true);
          TrainingObjective<List<Seq2SeqExample>> objective = TrainingObjective.<List<Seq2SeqExample>>of(
              g.loss(), vars, (batch, feeds) -> {
                long tokens = g.feed(batch, feeds, padId);
                feeds.put(g.dropout().training(), TBool.scalarOf(true));
                return tokens;
              })
              .withDropoutSeed(g.dropout().seed())
              .withThroughputUnit("target tokens");
          if (hasDev) {
            objective = objective.withEvaluator(session -> devMetrics(session, g, dev, padId));
          }
          return objective;
        }, new ShuffledBatchSource<>(train, cfg.batchSize(), cfg.seed()))
        .resume(request.resume())
        .progress(progress);
    if (hasDev) {
      builder.earlyStopping(EarlyStopping.minimize("dev_loss", cfg.patience() > 0 ? cfg.patience() : Integer.MAX_VALUE));
    }
    if (!cfg.noPretraining()) {
      builder.warmStart((session, graph) -> {
        List<String> loaded = DecoderWarmStart.loader(backbone.weightsPrefix(), built[0].parameterNames())
            .restoreInto(session, graph);
        messages.accept("seq2seq: warm start of " + loaded.size() + " of " + built[0].parameters().size()
            + " variables from " + backbone.path() + " (cross-attention fresh, std "
            + cfg.crossAttentionInitRange() + ")");
      });
    }
    TrainingSummary summary;
    try (Trainer<List<Seq2SeqExample>> trainer = builder.build()) {
      summary = trainer.train();
    }
    Checkpoint chosen = summary.bestCheckpoint().orElse(summary.lastCheckpoint());
    if (summary.bestCheckpoint().isPresent()) {
      messages.accept("seq2seq: exporting the checkpoint with the lowest dev loss (step " + chosen.step() + ")");
    }

    Map<String, Object> provenance = new LinkedHashMap<>();
    provenance.put("model", "BERT2BERT encoder-decoder (Rothe et al. 2020)");
    provenance.putAll(FineTuning.provenance(request.backbone(), backbone, cfg.noPretraining(),
        "encoder and decoder warm-started from the backbone"));
    provenance.putAll(request.provenance());
    provenance.put("trainPairs", train.size());
    provenance.put("devPairs", dev.size());
    provenance.put("truncatedSources", truncated[0]);
    provenance.put("truncatedTargets", truncated[1]);
    provenance.put("settings", cfg);
    provenance.put("steps", summary.step());
    provenance.put("exportedStep", chosen.step());
    provenance.put("stoppedEarly", summary.stoppedEarly());
    provenance.put("trainingSeconds", summary.elapsedSeconds());
    provenance.put("createdAt", Instant.now().toString());
    Map<String, Object> records = new LinkedHashMap<>(request.taskRecords());
    records.put(Seq2SeqConfig.FILE_NAME, settings);
    records.put(ModelDirectory.PROVENANCE, provenance);

    try (Graph graph = new Graph()) {
      Seq2SeqGraph g = Seq2SeqGraph.forInference(Ops.create(graph), config);
      try (Session session = new Session(graph)) {
        WeightLoader.from(chosen.prefix()).sameNames(g.parameterNames()).restoreInto(session, graph);
        Map<String, Double> devScores = hasDev ? devMetrics(session, g, dev, padId) : Map.of();
        ModelDirectory model = ModelDirectory.write(request.output(), Seq2SeqModel.KIND, config, tokenizer,
            session::save, records);
        return new Result(model, summary, chosen.step(), devScores, truncated[0], truncated[1]);
      }
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
    for (int from = 0; from < dev.size(); from += EVAL_BATCH) {
      List<Seq2SeqExample> batch = dev.subList(from, Math.min(dev.size(), from + EVAL_BATCH));
      try (Feeds feeds = new Feeds()) {
        g.feed(batch, feeds, padId);
        try (org.tensorflow.Result r = feeds.applyTo(session.runner())
            .fetch(g.nllSum()).fetch(g.tokenCount()).fetch(g.correctCount()).run()) {
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
