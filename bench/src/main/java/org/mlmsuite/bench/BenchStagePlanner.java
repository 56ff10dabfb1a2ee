package org.mlmsuite.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.mlmsuite.backbone.masking.MaskingConfig;

/**
 * Turns a {@link BenchSuite} into {@link BenchPlan} stages, each an ordinary {@code mlm} command:
 * vocabulary, NER model (entity masking only), pretraining, and per task run the fine-tuning of
 * the pretrained and of the randomly initialised backbone and their evaluations with baselines.
 */
final class BenchStagePlanner {
  /** What a task run's stages are called, for reading their reports back. */
  record TaskStages(BenchSuite.TaskRun run, String eval, String baselineEval, int trainSize, int testSize) {}

  private final BenchPlan plan;
  private final BenchSubsets subsets;

  BenchStagePlanner(BenchPlan plan, BenchSubsets subsets) {
    this.plan = plan;
    this.subsets = subsets;
  }

  /** The vocabulary stage (once per plan); returns the vocab.txt reference. */
  String vocabulary(BenchSuite.BackboneRecipe r) {
    if (!plan.has("vocab")) {
      plan.add("vocab", String.format(Locale.ROOT, "WordPiece vocabulary, %d tokens%s, on %s", r.vocabSize(),
          r.cased() ? " (cased)" : "", String.join(" + ", r.corpus())),
          new VocabularyStage(r.corpus(), r.vocabSize(), r.cased(), "vocab.txt"), 5);
    }
    return "{stage:vocab}/vocab.txt";
  }

  /** Pretrains a backbone with the recipe; returns the backbone folder reference. */
  String backbone(BenchSuite.BackboneRecipe r, String stageName) {
    String vocab = vocabulary(r);
    String ner = null;
    if (MaskingConfig.parse(r.masking()).usesEntities()) {
      if (!plan.has("ner")) {
        plan.add("ner", "English name finder on CoNLL-2003 (for entity masking)",
            new NameFinderStage("conll2003", null, null, "ner-en.bin"), 30);
      }
      ner = "{stage:ner}/ner-en.bin";
    }
    int every = (int) Math.max(1, r.steps() / 4);
    PretrainingStage pretraining = new PretrainingStage(r.corpus(), vocab, r.cased(), ner, r.masking(), r.preset(),
        r.steps(), r.batchSize(), r.seqLength(), r.lr(), r.seed(), every, every, "model");
    plan.add(stageName, String.format(Locale.ROOT, "pretrain a %s backbone, %s masking, %,d steps of %d x %d tokens, seed %d",
        r.preset(), r.masking(), r.steps(), r.batchSize(), r.seqLength(), r.seed()), pretraining,
        cost(r.preset(), r.steps() * r.batchSize() * r.seqLength()));
    return "{stage:" + stageName + "}/model";
  }

  /** Plans a task run whose data subsets are drawn with the run's own seed. */
  TaskStages task(BenchSuite.TaskRun run, String backbone, String preset, String prefix, boolean withBaselines) {
    return task(run, run.seed(), backbone, preset, prefix, withBaselines);
  }

  /**
   * Plans a task run on {@code backbone}: fine-tuning and evaluation, plus the no-pretraining
   * baseline when the run lists it and {@code withBaselines}. Subsets are drawn with
   * {@code dataSeed}, so runs that differ only in their training seed see the same examples.
   */
  TaskStages task(BenchSuite.TaskRun run, long dataSeed, String backbone, String preset, String prefix,
      boolean withBaselines) {
    boolean noPretraining = withBaselines && run.hasBaseline("no-pretraining");
    double trainCost = cost(preset, run.steps() * run.batchSize() * (long) run.maxLength());
    return switch (run.task()) {
      case "classification" -> classification(run, dataSeed, backbone, prefix + run.name(), noPretraining, withBaselines, trainCost);
      case "translation" -> translation(run, backbone, prefix + run.name(), noPretraining, trainCost);
      case "summarization" -> summarization(run, backbone, prefix + run.name(), noPretraining, withBaselines, trainCost);
      default -> throw new IllegalArgumentException("unknown task kind " + run.task());
    };
  }

  private TaskStages classification(BenchSuite.TaskRun run, long dataSeed, String backbone, String stem, boolean noPretraining,
      boolean withBaselines, double trainCost) {
    String train = run.trainExamples() > 0 ? subsets.labeled(run.train(), "train", run.trainExamples(), dataSeed).toString() : run.train();
    String test = run.testExamples() > 0 ? subsets.labeled(run.test(), "test", run.testExamples(), dataSeed).toString() : run.test();
    plan.add(stem + "-train", "fine-tune on " + describe(run.train(), run.trainExamples()) + " (" + run.title() + ")",
        classifier(run, backbone, train, false, "pretrained"), trainCost);
    if (noPretraining) {
      plan.add(stem + "-train-nopretrain", "the same fine-tuning from random weights (no-pretraining baseline)",
          classifier(run, backbone, train, true, "no-pretraining"), trainCost);
    }
    boolean doccat = withBaselines && run.hasBaseline("doccat");
    plan.add(stem + "-eval", "evaluate on " + describe(run.test(), run.testExamples())
        + (withBaselines ? " beside the baselines" : ""), new ClassifierEvaluationStage("{stage:" + stem + "-train}/pretrained",
        test, doccat ? List.of("doccat") : List.of(), doccat ? train : null,
        noPretraining ? List.of("{stage:" + stem + "-train-nopretrain}/no-pretraining") : List.of(), "report"),
        trainCost * 0.2);
    return new TaskStages(run, stem + "-eval", null, run.trainExamples(), run.testExamples());
  }

  private static ClassifierTrainingStage classifier(BenchSuite.TaskRun run, String backbone, String train,
      boolean noPretraining, String out) {
    return new ClassifierTrainingStage(backbone, train, null, 0, run.steps(), run.batchSize(), run.maxLength(), run.lr(),
        run.seed(), 0, noPretraining, out);
  }

  private TaskStages translation(BenchSuite.TaskRun run, String backbone, String stem, boolean noPretraining,
      double trainCost) {
    plan.add(stem + "-train", "fine-tune a warm-started encoder-decoder on " + run.train(),
        translator(run, backbone, false, "warm-started"), trainCost * 2);
    TranslationEvaluationStage eval = translationEval(run, "{stage:" + stem + "-train}/warm-started");
    plan.add(stem + "-eval", "translate " + describe(run.test(), run.testExamples()) + " and score BLEU/chrF", eval,
        trainCost * 0.5);
    String baselineEval = null;
    if (noPretraining) {
      plan.add(stem + "-train-nopretrain", "the same model from random weights (no-pretraining baseline)",
          translator(run, backbone, true, "random-init"), trainCost * 2);
      baselineEval = stem + "-eval-nopretrain";
      plan.add(baselineEval, "score the no-pretraining model the same way",
          translationEval(run, "{stage:" + stem + "-train-nopretrain}/random-init"), trainCost * 0.5);
    }
    return new TaskStages(run, stem + "-eval", baselineEval, 0, run.testExamples());
  }

  /** With dev data: scored every eighth of the run on at most 500 pairs. */
  private static TranslationTrainingStage translator(BenchSuite.TaskRun run, String backbone, boolean noPretraining,
      String out) {
    boolean dev = run.dev() != null;
    return new TranslationTrainingStage(backbone, run.train(), 0, run.dev(), dev ? (int) Math.max(1, run.steps() / 8) : 0,
        dev ? 500 : null, run.steps(), run.batchSize(), run.lr(), run.seed(), run.maxLength(), run.maxLength(),
        noPretraining, out);
  }

  /** The test split, or its first N pairs as two line-aligned files. */
  private TranslationEvaluationStage translationEval(BenchSuite.TaskRun run, String model) {
    if (run.testExamples() > 0) {
      Path source = subsets.parallelFirst(run.test(), run.testExamples());
      return new TranslationEvaluationStage(model, null, source.toString(), BenchSubsets.targetOf(source).toString(), 0,
          run.beams(), "report");
    }
    return new TranslationEvaluationStage(model, run.test(), null, null, 0, run.beams(), "report");
  }

  private TaskStages summarization(BenchSuite.TaskRun run, String backbone, String stem, boolean noPretraining,
      boolean withBaselines, double trainCost) {
    plan.add(stem + "-train", "train the " + run.mode() + " summarizer on " + describe(run.train(), run.trainExamples()),
        summarizer(run, backbone, false, "pretrained"), trainCost);
    List<String> lexical = run.baselines().stream().filter(b -> b.startsWith("lead-") || b.startsWith("longest-")).toList();
    plan.add(stem + "-eval", "summarize " + describe(run.test(), run.testExamples()) + " and score ROUGE",
        summaryEval(run, "{stage:" + stem + "-train}/pretrained",
            withBaselines && !lexical.isEmpty() ? String.join(",", lexical) : "none"), trainCost * 0.3);
    String baselineEval = null;
    if (noPretraining) {
      plan.add(stem + "-train-nopretrain", "the same summarizer from random weights (no-pretraining baseline)",
          summarizer(run, backbone, true, "no-pretraining"), trainCost);
      baselineEval = stem + "-eval-nopretrain";
      plan.add(baselineEval, "score the no-pretraining summarizer the same way",
          summaryEval(run, "{stage:" + stem + "-train-nopretrain}/no-pretraining", "none"), trainCost * 0.3);
    }
    return new TaskStages(run, stem + "-eval", baselineEval, run.trainExamples(), run.testExamples());
  }

  /** Extractive reads whole documents up to maxLength; abstractive truncates its source and bounds its target. */
  private static SummarizerTrainingStage summarizer(BenchSuite.TaskRun run, String backbone, boolean noPretraining,
      String out) {
    boolean abstractive = run.mode().equals("abstractive");
    return new SummarizerTrainingStage(run.mode(), backbone, run.train(), run.trainExamples(), run.steps(),
        run.batchSize(), run.lr(), run.seed(), abstractive ? null : run.maxLength(),
        abstractive ? run.maxLength() : null, abstractive ? 64 : null, noPretraining, out);
  }

  /** The test split, or its first N documents as a JSON lines file with fixed reference fields. */
  private SummaryEvaluationStage summaryEval(BenchSuite.TaskRun run, String model, String baselines) {
    if (run.testExamples() > 0) {
      BenchSubsets.SummaryFile file = subsets.summaryFirst(run.test(), run.testExamples());
      return new SummaryEvaluationStage(model, file.file().toString(), "document", file.referenceFields(), 0, baselines,
          "report");
    }
    return new SummaryEvaluationStage(model, run.test(), null, null, 0, baselines, "report");
  }

  private static String describe(String spec, int n) {
    return n > 0 ? n + " examples of " + spec : spec;
  }

  /** Relative compute: tokens processed times a per-preset factor (micro is ~30x cheaper than tiny). */
  private static double cost(String preset, long tokens) {
    double factor = switch (preset) {
      case "micro" -> 0.03;
      case "mini" -> 4;
      default -> 1;
    };
    return tokens * factor / 1000.0 + 5;
  }

  static String number(double x) {
    return java.math.BigDecimal.valueOf(x).stripTrailingZeros().toPlainString();
  }
}
