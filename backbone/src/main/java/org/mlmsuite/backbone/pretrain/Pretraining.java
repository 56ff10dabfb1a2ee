package org.mlmsuite.backbone.pretrain;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.StreamSupport;
import org.mlmsuite.backbone.BackboneOrigin;
import org.mlmsuite.backbone.FineTuningRun;
import org.mlmsuite.backbone.ModelDirectory;
import org.mlmsuite.backbone.UntrainedBackbone;
import org.mlmsuite.backbone.masking.DynamicMasker;
import org.mlmsuite.backbone.masking.MaskingConfig;
import org.mlmsuite.backbone.masking.MaskingStrategy;
import org.mlmsuite.backbone.masking.MaskingVocabulary;
import org.mlmsuite.backbone.model.BertForMaskedLm;
import org.mlmsuite.backbone.model.Parameter;
import org.mlmsuite.backbone.model.TransformerConfig;
import org.mlmsuite.backbone.ner.EntityFinder;
import org.mlmsuite.backbone.ner.NameFinderTrainer;
import org.mlmsuite.backbone.text.TokenizerConfig;
import org.mlmsuite.backbone.text.Vocabulary;
import org.mlmsuite.backbone.text.WordPieceTokenizer;
import org.mlmsuite.backbone.train.TrainableVariable;
import org.mlmsuite.backbone.train.Trainer;
import org.mlmsuite.backbone.train.TrainingConfig;
import org.mlmsuite.backbone.train.TrainingObjective;
import org.mlmsuite.backbone.train.TrainingProgress;
import org.mlmsuite.backbone.train.TrainingSummary;
import org.mlmsuite.backbone.train.WeightLoader;
import org.mlmsuite.datasets.BadRowPolicy;
import org.mlmsuite.datasets.RecordReader;
import org.mlmsuite.datasets.TextCorpusSource;
import org.mlmsuite.datasets.TextDocument;
import org.mlmsuite.datasets.TextUnit;
import org.tensorflow.Graph;
import org.tensorflow.Session;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TBool;

/**
 * Masked-LM pretraining end to end: corpus -> packed sequences -> dynamically masked batches ->
 * {@link BertForMaskedLm} on the one {@link Trainer} -> a backbone {@link ModelDirectory} whose
 * weights hold the model's variables only. The output folder is also the trainer's (checkpoints
 * with optimizer state and data position, {@code train-log.jsonl}; {@code mlm pretrain} draws the
 * log as {@code loss-curve.svg}), so a killed run continues with {@code resume}.
 */
public final class Pretraining {
  public static final String CONFIG_FILE = "pretraining-config.json";

  private final Consumer<String> messages;
  private final TrainingProgress progress;

  public Pretraining(Consumer<String> messages, TrainingProgress progress) {
    this.messages = messages;
    this.progress = progress;
  }

  public record Result(ModelDirectory model, TrainingSummary summary, int trainSequences, int heldOutSequences) {}

  public Result run(PretrainingConfig cfg, Path dataDirFlag, Path out, boolean resume) {
    MaskingConfig masking = MaskingConfig.parse(cfg.masking());
    if (masking.usesEntities() && cfg.ner() == null) {
      throw new IllegalArgumentException("masking '" + cfg.masking()
          + "' needs entities: give a name-finder model with --ner (train one with 'mlm ner train')");
    }
    ModelDirectory init = cfg.initFrom() == null ? null : ModelDirectory.open(Path.of(cfg.initFrom()), UntrainedBackbone.KIND);
    WordPieceTokenizer tokenizer;
    TransformerConfig config;
    if (init == null) {
      tokenizer = WordPieceTokenizer.load(Path.of(cfg.vocab()),
          (cfg.cased() ? TokenizerConfig.cased() : TokenizerConfig.uncased()).withMaxLength(cfg.seqLength()));
      config = TransformerConfig.preset(cfg.preset(), tokenizer.vocabulary().size());
    } else {
      WordPieceTokenizer saved = init.tokenizer();
      tokenizer = new WordPieceTokenizer(saved.vocabulary(), saved.config().withMaxLength(cfg.seqLength()));
      config = init.config();
      messages.accept(String.format(java.util.Locale.ROOT,
          "pretrain: continuing from %s (L%d/H%d, vocabulary %d, %s): its weights, a new optimizer and schedule",
          init.path(), config.numLayers(), config.hiddenSize(), config.vocabSize(),
          saved.config().lowercase() ? "uncased" : "cased"));
    }
    if (cfg.seqLength() > config.maxPositions()) {
      throw new IllegalArgumentException("--seq-length " + cfg.seqLength() + " exceeds the model's "
          + config.maxPositions() + " positions");
    }
    EntityFinder entities = masking.usesEntities() ? EntityFinder.english(loadNer(cfg.ner())) : null;
    PretrainingCorpus corpus = readCorpus(cfg, dataDirFlag, tokenizer, entities);

    Vocabulary vocab = tokenizer.vocabulary();
    int[] specialIds = {vocab.padId(), vocab.unkId(), vocab.clsId(), vocab.sepId(), vocab.maskId()};
    MaskingStrategy strategy = masking.create(new MaskingVocabulary(vocab.size(), vocab.maskId(), specialIds));
    TrainingConfig training = TrainingConfig.bertDefaults(cfg.learningRate(), cfg.steps(), cfg.batchSize())
        .withCadence((int) Math.max(1, Math.min(50, cfg.steps() / 20)), cfg.evalEvery(), cfg.checkpointEvery(), 2)
        .withSeed(cfg.seed());
    MlmBatchSource batches = new MlmBatchSource(corpus.train(), cfg.batchSize(),
        new DynamicMasker(strategy, cfg.seed()), cfg.seed(), cfg.steps(), vocab.padId());
    // A different seed for the held-out masks, drawn once: every evaluation scores the same slots.
    DynamicMasker heldOutMasker = new DynamicMasker(strategy, cfg.seed() ^ 0x5eed_0e7a1L);
    TrainingSummary summary;
    List<String> parameterNames = new ArrayList<>();
    var builder = Trainer.<MlmBatch>builder(training, out, tf -> {
          BertForMaskedLm model = BertForMaskedLm.build(tf, config, cfg.seed());
          model.parameters().forEach(p -> parameterNames.add(p.name()));
          List<TrainableVariable> vars = FineTuningRun.trainable(model.parameters(), name -> true);
          return TrainingObjective.<MlmBatch>of(model.loss(), vars, (batch, feeds) -> {
                batch.feed(model, feeds);
                feeds.put(model.dropout().training(), TBool.scalarOf(true));
                return batch.tokens();
              })
              .withDropoutSeed(model.dropout().seed())
              .withEvaluator(new HeldOutEvaluator(model, corpus.heldOut(), heldOutMasker, vocab.padId()))
              .withThroughputUnit("tokens");
        }, batches)
        .resume(resume)
        .progress(progress);
    if (init != null) {
      builder.warmStart((session, graph) ->
          WeightLoader.from(init.weightsPrefix()).sameNames(parameterNames).restoreInto(session, graph));
    }
    try (Trainer<MlmBatch> trainer = builder.build()) {
      summary = trainer.train();
    }
    ModelDirectory.writeJson(out.resolve(CONFIG_FILE), cfg);

    PretrainingProvenance provenance = PretrainingProvenance.of(cfg, init == null ? null
        : BackboneOrigin.of(init.path(), init, false, "continued from the backbone's weights"), corpus, summary);
    ModelDirectory model = export(out, config, tokenizer, summary.lastCheckpoint().prefix(), cfg.seed(), provenance);
    messages.accept("pretrain: backbone written to " + model.path());
    return new Result(model, summary, corpus.train().size(), corpus.heldOut().size());
  }

  /** Writes the model's variables only (no optimizer state) from a training checkpoint. */
  static ModelDirectory export(Path out, TransformerConfig config, WordPieceTokenizer tokenizer, String checkpointPrefix,
      long seed, PretrainingProvenance provenance) {
    try (Graph graph = new Graph()) {
      BertForMaskedLm model = BertForMaskedLm.build(Ops.create(graph), config, seed);
      try (Session session = new Session(graph)) {
        WeightLoader.from(checkpointPrefix)
            .sameNames(model.parameters().stream().map(Parameter::name).toList())
            .restoreInto(session, graph);
        return ModelDirectory.write(out, UntrainedBackbone.KIND, config, tokenizer, session::save,
            Map.of(ModelDirectory.PROVENANCE, provenance));
      }
    }
  }

  private PretrainingCorpus readCorpus(PretrainingConfig cfg, Path dataDirFlag, WordPieceTokenizer tokenizer,
      EntityFinder entities) {
    List<TextCorpusSource> sources = cfg.corpus().stream()
        .map(c -> TextCorpusSource.of(c, "train", TextUnit.PARAGRAPH)).toList();
    messages.accept("pretrain: reading " + String.join(", ", sources.stream().map(TextCorpusSource::describe).toList())
        + (entities == null ? "" : " and finding entities with " + cfg.ner()));
    List<RecordReader<TextDocument>> readers = new ArrayList<>();
    try {
      for (TextCorpusSource source : sources) {
        readers.add(source.open(dataDirFlag, BadRowPolicy.FAIL));
      }
      Iterable<TextDocument> paragraphs = () -> readers.stream()
          .flatMap(r -> StreamSupport.stream(r.spliterator(), false)).iterator();
      return PretrainingCorpus.build(paragraphs, tokenizer, cfg.seqLength(), entities, cfg.heldOutFraction(), cfg.seed(),
          messages);
    } catch (IOException e) {
      throw new UncheckedIOException("reading corpus " + cfg.corpus(), e);
    } finally {
      readers.forEach(RecordReader::close);
    }
  }

  private static opennlp.tools.namefind.TokenNameFinderModel loadNer(String path) {
    try {
      return NameFinderTrainer.load(Path.of(path));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read NER model " + path, e);
    }
  }
}
