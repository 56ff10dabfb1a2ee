package org.mlmsuite.summarization;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.mlmsuite.backbone.FineTuningRun;
import org.mlmsuite.backbone.ModelDirectory;
import org.mlmsuite.backbone.OutputFolder;
import org.mlmsuite.backbone.TrainingProvenance;
import org.mlmsuite.backbone.model.Parameter;
import org.mlmsuite.backbone.model.TransformerConfig;
import org.mlmsuite.backbone.train.LengthBucketedBatchSource;
import org.mlmsuite.backbone.train.RunInputs;
import org.mlmsuite.backbone.train.TrainableVariable;
import org.mlmsuite.backbone.train.Trainer;
import org.mlmsuite.backbone.train.TrainingObjective;
import org.mlmsuite.backbone.train.TrainingProgress;
import org.mlmsuite.backbone.train.TrainingSummary;
import org.mlmsuite.backbone.train.WeightLoader;
import org.mlmsuite.datasets.SummaryExample;
import org.mlmsuite.eval.report.LossCurve;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TBool;

/**
 * Trains BertSumExt with the one {@link Trainer}: greedy oracle labels against each example's
 * first reference, the backbone warm-started with {@link WeightLoader}, and exports an
 * {@code extractive-summarizer} {@link ModelDirectory} into the output folder (which also keeps
 * the resumable run).
 *
 * @param messages one line for each step worth telling (data, warm start, export)
 * @param progress the training progress display
 */
public record ExtractiveTraining(Consumer<String> messages, TrainingProgress progress) {
  /**
   * Documents are batched with others of similar length (sorted within windows of this many
   * batches), as classification does: a batch pads to its longest, and DialogSum's dialogues run
   * from a few dozen word pieces to the 512 of BERT's window.
   */
  static final int BUCKET_WINDOW_BATCHES = 50;

  /**
   * Backbones at least this wide (BERT-Base's 768) train at {@link #defaultLearningRate} 2e-5: a full
   * DialogSum epoch from BERT-Base at 5e-5 kept the loss at a constant guess's level and ended below
   * Lead-3, the same epoch at 2e-5 (PreSumm's peak) well above it (docs/benchmarks.md).
   */
  static final int BASE_WIDTH = 768;

  /**
   * Training settings; {@code policy} null = detect from the training documents; {@code
   * learningRate} null = {@link #defaultLearningRate} of the backbone; {@code checkpointEvery}
   * steps between resumable checkpoints (0: at the end only).
   */
  public record Settings(int k, int oracleK, SentencePolicy policy, int maxLength, boolean trigramBlocking,
      long steps, int batchSize, Double learningRate, long seed, boolean noPretraining, int checkpointEvery) {
    public static Settings defaults() {
      return new Settings(3, 3, null, 512, true, 1000, 8, null, 42, false, 0);
    }

    /** {@code lr} null: {@link #defaultLearningRate} of the backbone. */
    public Settings withSteps(long s, int batch, Double lr) {
      return new Settings(k, oracleK, policy, maxLength, trigramBlocking, s, batch, lr, seed, noPretraining,
          checkpointEvery);
    }

    public Settings withLength(int max) {
      return new Settings(k, oracleK, policy, max, trigramBlocking, steps, batchSize, learningRate, seed, noPretraining,
          checkpointEvery);
    }

    public Settings withSelection(int kk, int oracle, SentencePolicy p, boolean block) {
      return new Settings(kk, oracle, p, maxLength, block, steps, batchSize, learningRate, seed, noPretraining,
          checkpointEvery);
    }

    public Settings withSeed(long s, boolean noPre) {
      return new Settings(k, oracleK, policy, maxLength, trigramBlocking, steps, batchSize, learningRate, s, noPre,
          checkpointEvery);
    }

    public Settings withCheckpointEvery(int every) {
      return new Settings(k, oracleK, policy, maxLength, trigramBlocking, steps, batchSize, learningRate, seed,
          noPretraining, every);
    }
  }

  /**
   * A training run; {@code train} must not be empty. {@code resume} continues the run in {@code
   * output}; {@code overwrite} replaces a finished summarizer there.
   */
  public record Request(Path backbone, List<SummaryExample> train, String trainDescription, Settings settings,
      Path output, boolean resume, boolean overwrite) {
    public Request {
      if (train.isEmpty()) {
        throw new IllegalArgumentException(trainDescription + ": no training examples");
      }
    }

    /** A run that replaces nothing. */
    public Request(Path backbone, List<SummaryExample> train, String trainDescription, Settings settings,
        Path output, boolean resume) {
      this(backbone, train, trainDescription, settings, output, resume, false);
    }
  }

  public record Result(ModelDirectory model, SummarizerInfo info, TrainingSummary summary, int truncatedTrain,
      double oracleSentencesPerExample) {}

  /** The peak learning rate when none is given: 2e-5 from {@link #BASE_WIDTH} wide up, else 5e-5. */
  public static double defaultLearningRate(TransformerConfig backbone) {
    return backbone.hiddenSize() >= BASE_WIDTH ? 2e-5 : 5e-5;
  }

  public Result run(Request request) {
    Settings given = request.settings();
    FineTuningRun run = FineTuningRun.open(request.backbone(), given.maxLength(), "--max-length",
        given.noPretraining(), "summarize", messages, progress.afterEachCheckpoint(LossCurve::write));
    // resolved before the run records its recipe, so provenance and --resume see the rate used
    Settings s = given.learningRate() != null ? given
        : given.withSteps(given.steps(), given.batchSize(), defaultLearningRate(run.config()));
    OutputFolder output = run.output(request.output(), SummarizerInfo.KIND, request.resume(), request.overwrite());
    SentencePolicy policy = s.policy() != null ? s.policy()
        : SentencePolicy.detect(request.train().stream().limit(200).map(SummaryExample::document).toList());
    OracleLabels oracle = new OracleLabels(s.oracleK());
    ExtractiveEncoder encoder = new ExtractiveEncoder(run.tokenizer(), s.maxLength());
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

    Graphs graphs = new Graphs(run.config(), s.seed(), run.padId());
    FineTuningRun.Trained trained = run.train(
        FineTuningRun.trainingConfig(s.learningRate(), s.steps(), s.batchSize(), false, 0, s.checkpointEvery(),
            s.seed()),
        output, Map.of("train", RunInputs.fingerprint(request.trainDescription(), request.train(),
            e -> Stream.concat(Stream.of(e.document()), e.references().stream()).toList())),
        s, graphs, new LengthBucketedBatchSource<>(inputs, ExtractiveInput::length, s.batchSize(), BUCKET_WINDOW_BATCHES,
            s.seed()), null);

    TrainingProvenance provenance = run.provenance(trained,
        new TrainingProvenance.Data("extractive summarization", null, request.trainDescription(), null,
            inputs.size(), null, 0, truncated, null),
        "loaded from the backbone", s, s.seed(), new Details("greedy ROUGE-1 F + ROUGE-2 F vs the first reference, "
            + "at most " + s.oracleK() + " sentences; " + String.format(Locale.ROOT, "%.3f", oraclePer)
            + " per document"));
    SummarizerInfo info = new SummarizerInfo(SummarizerInfo.EXTRACTIVE, s.k(), policy.cliName(), s.maxLength(),
        s.trigramBlocking(), provenance);
    ModelDirectory model = run.export(trained, output, graphs, (session, g) -> null,
        Map.of(SummarizerInfo.FILE_NAME, info)).model();
    LossCurve.write(request.output());
    return new Result(model, info, trained.summary(), truncated, oraclePer);
  }

  /** The extractive summarizer's own part of its provenance: how oracle labels were chosen. */
  public record Details(String oracle) {}

  /** BertSumExt's graphs: {@link ExtractiveGraph}, warm-started from the backbone's encoder (not its pooler). */
  private record Graphs(TransformerConfig config, long seed, int padId)
      implements FineTuningRun.TaskGraphs<List<ExtractiveInput>, ExtractiveGraph> {
    @Override
    public ExtractiveGraph buildForTraining(Ops tf) {
      return ExtractiveGraph.build(tf, config, seed);
    }

    @Override
    public TrainingObjective<List<ExtractiveInput>> objective(ExtractiveGraph g) {
      List<TrainableVariable> vars = FineTuningRun.trainable(g.parameters(), name -> true);
      return TrainingObjective.<List<ExtractiveInput>>of(g.loss(), vars, (batch, feeds) -> {
            long tokens = ExtractiveBatches.feed(batch, g, padId, feeds);
            feeds.put(g.dropout().training(), TBool.scalarOf(true));
            return tokens;
          })
          .withDropoutSeed(g.dropout().seed())
          .withThroughputUnit("tokens");
    }

    @Override
    public WeightLoader warmStart(ExtractiveGraph g, String backbonePrefix) {
      return WeightLoader.from(backbonePrefix).sameNames(parameterNames(g).stream()
          .filter(n -> n.startsWith("bert.") && !n.startsWith("bert.pooler.")).toList());
    }

    @Override
    public ExtractiveGraph buildForInference(Ops tf) {
      return ExtractiveGraph.build(tf, config, 0);
    }

    @Override
    public List<String> parameterNames(ExtractiveGraph g) {
      return g.parameters().stream().map(Parameter::name).toList();
    }
  }
}
