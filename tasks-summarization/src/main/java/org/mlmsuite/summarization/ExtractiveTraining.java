package org.mlmsuite.summarization;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
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
import org.mlmsuite.backbone.train.ShuffledBatchSource;
import org.mlmsuite.backbone.train.TrainableVariable;
import org.mlmsuite.backbone.train.Trainer;
import org.mlmsuite.backbone.train.TrainingConfig;
import org.mlmsuite.backbone.train.TrainingObjective;
import org.mlmsuite.backbone.train.TrainingProgress;
import org.mlmsuite.backbone.train.TrainingSummary;
import org.mlmsuite.backbone.train.WeightLoader;
import org.mlmsuite.datasets.SummaryExample;
import org.tensorflow.Graph;
import org.tensorflow.Session;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TBool;

/**
 * Trains BertSumExt with the one {@link Trainer}: greedy oracle labels against each example's
 * first reference, the backbone warm-started with {@link WeightLoader}, and exports an
 * {@code extractive-summarizer} {@link ModelDirectory} into the output folder (which also keeps
 * the resumable run).
 */
public final class ExtractiveTraining {
  /** Training settings; {@code policy} null = detect from the training documents. */
  public record Settings(int k, int oracleK, SentencePolicy policy, int maxLength, boolean trigramBlocking,
      long steps, int batchSize, double learningRate, long seed, boolean noPretraining) {
    public static Settings defaults() {
      return new Settings(3, 3, null, 512, true, 1000, 8, 5e-5, 42, false);
    }

    public Settings withSteps(long s, int batch, double lr) {
      return new Settings(k, oracleK, policy, maxLength, trigramBlocking, s, batch, lr, seed, noPretraining);
    }

    public Settings withLength(int max) {
      return new Settings(k, oracleK, policy, max, trigramBlocking, steps, batchSize, learningRate, seed, noPretraining);
    }

    public Settings withSelection(int kk, int oracle, SentencePolicy p, boolean block) {
      return new Settings(kk, oracle, p, maxLength, block, steps, batchSize, learningRate, seed, noPretraining);
    }

    public Settings withSeed(long s, boolean noPre) {
      return new Settings(k, oracleK, policy, maxLength, trigramBlocking, steps, batchSize, learningRate, s, noPre);
    }
  }

  public record Request(Path backbone, List<SummaryExample> train, String trainDescription, Settings settings,
      Path output, boolean resume) {}

  public record Result(ModelDirectory model, SummarizerInfo info, TrainingSummary summary, int truncatedTrain,
      double oracleSentencesPerExample) {}

  private final Consumer<String> messages;
  private final TrainingProgress progress;

  public ExtractiveTraining(Consumer<String> messages, TrainingProgress progress) {
    this.messages = messages;
    this.progress = progress;
  }

  public Result run(Request request) {
    Settings s = request.settings();
    ModelDirectory backbone = FineTuning.openBackbone(request.backbone(), s.maxLength(), "--max-length");
    TransformerConfig config = backbone.config();
    WordPieceTokenizer tokenizer = backbone.tokenizer();
    if (request.train().isEmpty()) {
      throw new IllegalArgumentException(request.trainDescription() + ": no training examples");
    }
    SentencePolicy policy = s.policy() != null ? s.policy()
        : SentencePolicy.detect(request.train().stream().limit(200).map(SummaryExample::document).toList());
    OracleLabels oracle = new OracleLabels(s.oracleK());
    ExtractiveEncoder encoder = new ExtractiveEncoder(tokenizer, s.maxLength());
    List<ExtractiveInput> inputs = new ArrayList<>(request.train().size());
    int truncated = 0;
    long oracleSentences = 0;
    long started = System.nanoTime();
    for (SummaryExample e : request.train()) {
      List<String> sentences = policy.split(e.document());
      if (sentences.isEmpty()) {
        throw new IllegalArgumentException(e.origin() + ": field 'document' has no sentences");
      }
      float[] labels = oracle.labels(sentences, e.references().get(0));
      ExtractiveInput in = encoder.encode(sentences, labels);
      for (float l : labels) {
        oracleSentences += (long) l;
      }
      truncated += in.truncated() ? 1 : 0;
      inputs.add(in);
    }
    double oraclePer = (double) oracleSentences / inputs.size();
    messages.accept(String.format(Locale.ROOT,
        "summarize: %d train documents (%s), sentence policy %s, oracle %.2f sentences/document (%.1fs); "
            + "%d (%.1f%%) truncated at %d tokens; %s",
        inputs.size(), request.trainDescription(), policy.cliName(), oraclePer, (System.nanoTime() - started) / 1e9,
        truncated, 100.0 * truncated / inputs.size(), s.maxLength(),
        s.noPretraining() ? "NO pretraining (random init)" : "backbone warm start"));

    int padId = tokenizer.vocabulary().padId();
    ExtractiveGraph[] built = new ExtractiveGraph[1];
    TrainingConfig trainingConfig = FineTuning.trainingConfig(s.learningRate(), s.steps(), s.batchSize(), false, 0, 0,
        s.seed());
    var builder = Trainer.builder(trainingConfig, request.output(), tf -> {
          ExtractiveGraph g = ExtractiveGraph.build(tf, config, s.seed());
          built[0] = g;
          List<TrainableVariable> vars = FineTuning.trainable(g.parameters(), name -> true);
          return TrainingObjective.<List<ExtractiveInput>>of(g.loss(), vars, (batch, feeds) -> {
                long tokens = ExtractiveBatches.feed(batch, g, padId, feeds);
                feeds.put(g.dropout().training(), TBool.scalarOf(true));
                return tokens;
              })
              .withDropoutSeed(g.dropout().seed())
              .withThroughputUnit("tokens");
        }, new ShuffledBatchSource<>(inputs, s.batchSize(), s.seed()))
        .resume(request.resume())
        .progress(progress);
    if (!s.noPretraining()) {
      builder.warmStart((session, graph) -> {
        List<String> restored = built[0].parameters().stream().map(Parameter::name)
            .filter(n -> n.startsWith("bert.") && !n.startsWith("bert.pooler.")).toList();
        WeightLoader.from(backbone.weightsPrefix()).sameNames(restored).restoreInto(session, graph);
        messages.accept("summarize: warm start of " + restored.size() + " backbone variables from " + backbone.path());
      });
    }
    TrainingSummary summary;
    try (Trainer<List<ExtractiveInput>> trainer = builder.build()) {
      summary = trainer.train();
    }
    Checkpoint chosen = summary.lastCheckpoint();

    Map<String, Object> provenance = FineTuning.provenance(request.backbone(), backbone, s.noPretraining(),
        "loaded from the backbone");
    provenance.put("train", request.trainDescription());
    provenance.put("trainExamples", inputs.size());
    provenance.put("truncatedTrain", truncated);
    provenance.put("oracle", "greedy ROUGE-1 F + ROUGE-2 F vs the first reference, at most " + s.oracleK()
        + " sentences; " + String.format(Locale.ROOT, "%.3f", oraclePer) + " per document");
    provenance.put("steps", summary.step());
    provenance.put("batchSize", s.batchSize());
    provenance.put("learningRate", s.learningRate());
    provenance.put("seed", s.seed());
    provenance.put("trainingSeconds", summary.elapsedSeconds());
    provenance.put("createdAt", Instant.now().toString());
    SummarizerInfo info = new SummarizerInfo(SummarizerInfo.EXTRACTIVE, s.k(), policy.cliName(), s.maxLength(),
        s.trigramBlocking(), provenance);

    try (Graph graph = new Graph()) {
      ExtractiveGraph g = ExtractiveGraph.build(Ops.create(graph), config, 0);
      try (Session session = new Session(graph)) {
        WeightLoader.from(chosen.prefix())
            .sameNames(g.parameters().stream().map(Parameter::name).toList())
            .restoreInto(session, graph);
        ModelDirectory model = ModelDirectory.write(request.output(), SummarizerInfo.KIND, config, tokenizer,
            session::save, Map.of(SummarizerInfo.FILE_NAME, info));
        return new Result(model, info, summary, truncated, oraclePer);
      }
    }
  }
}
