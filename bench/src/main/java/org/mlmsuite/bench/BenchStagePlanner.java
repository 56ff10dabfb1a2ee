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
  private final CommandRunner mlm;

  BenchStagePlanner(BenchPlan plan, BenchSubsets subsets, CommandRunner mlm) {
    this.plan = plan;
    this.subsets = subsets;
    this.mlm = mlm;
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
    List<String> trainArgs = List.of("classify", "train", "--backbone", backbone, "--train", train,
        "--steps", String.valueOf(run.steps()), "--batch-size", String.valueOf(run.batchSize()),
        "--max-length", String.valueOf(run.maxLength()), "--lr", number(run.lr()), "--seed", String.valueOf(run.seed()));
    add(stem + "-train", "fine-tune on " + describe(run.train(), run.trainExamples()) + " (" + run.title() + ")",
        with(trainArgs, "--out", "{out}/pretrained"), trainCost);
    if (noPretraining) {
      add(stem + "-train-nopretrain", "the same fine-tuning from random weights (no-pretraining baseline)",
          with(trainArgs, "--no-pretraining", "--out", "{out}/no-pretraining"), trainCost);
    }
    List<String> eval = new ArrayList<>(List.of("classify", "eval", "--model", "{stage:" + stem + "-train}/pretrained",
        "--test", test));
    if (withBaselines && run.hasBaseline("doccat")) {
      eval.addAll(List.of("--baseline", "doccat", "--baseline-train", train));
    }
    if (noPretraining) {
      eval.addAll(List.of("--baseline-model", "{stage:" + stem + "-train-nopretrain}/no-pretraining"));
    }
    eval.addAll(List.of("--report", "{out}/report"));
    add(stem + "-eval", "evaluate on " + describe(run.test(), run.testExamples())
        + (withBaselines ? " beside the baselines" : ""), eval, trainCost * 0.2);
    return new TaskStages(run, stem + "-eval", null, run.trainExamples(), run.testExamples());
  }

  private TaskStages translation(BenchSuite.TaskRun run, String backbone, String stem, boolean noPretraining,
      double trainCost) {
    List<String> trainArgs = new ArrayList<>(List.of("translate", "train", "--backbone", backbone, "--train", run.train()));
    if (run.dev() != null) {
      trainArgs.addAll(List.of("--dev", run.dev(), "--eval-every", String.valueOf(Math.max(1, run.steps() / 8)),
          "--max-dev-pairs", "500"));
    }
    trainArgs.addAll(List.of("--steps", String.valueOf(run.steps()), "--batch-size", String.valueOf(run.batchSize()),
        "--lr", number(run.lr()), "--seed", String.valueOf(run.seed()), "--max-source-length", String.valueOf(run.maxLength()),
        "--max-target-length", String.valueOf(run.maxLength())));
    add(stem + "-train", "fine-tune a warm-started encoder-decoder on " + run.train(),
        with(trainArgs, "--out", "{out}/warm-started"), trainCost * 2);
    List<String> test;
    if (run.testExamples() > 0) {
      Path source = subsets.parallelFirst(run.test(), run.testExamples());
      test = List.of("--source-file", source.toString(), "--target-file", BenchSubsets.targetOf(source).toString());
    } else {
      test = List.of("--test", run.test());
    }
    List<String> beams = run.beams().isEmpty() ? List.of() : List.of("--beam",
        String.join(",", run.beams().stream().map(String::valueOf).toList()));
    List<String> eval = new ArrayList<>(List.of("translate", "eval", "--model", "{stage:" + stem + "-train}/warm-started"));
    eval.addAll(test);
    eval.addAll(beams);
    add(stem + "-eval", "translate " + describe(run.test(), run.testExamples()) + " and score BLEU/chrF",
        with(eval, "--report", "{out}/report"), trainCost * 0.5);
    String baselineEval = null;
    if (noPretraining) {
      add(stem + "-train-nopretrain", "the same model from random weights (no-pretraining baseline)",
          with(trainArgs, "--no-pretraining", "--out", "{out}/random-init"), trainCost * 2);
      List<String> evalRandom = new ArrayList<>(List.of("translate", "eval", "--model", "{stage:" + stem + "-train-nopretrain}/random-init"));
      evalRandom.addAll(test);
      evalRandom.addAll(beams);
      baselineEval = stem + "-eval-nopretrain";
      add(baselineEval, "score the no-pretraining model the same way", with(evalRandom, "--report", "{out}/report"),
          trainCost * 0.5);
    }
    return new TaskStages(run, stem + "-eval", baselineEval, 0, run.testExamples());
  }

  private TaskStages summarization(BenchSuite.TaskRun run, String backbone, String stem, boolean noPretraining,
      boolean withBaselines, double trainCost) {
    List<String> trainArgs = new ArrayList<>(List.of("summarize", "train", "--backbone", backbone, "--train", run.train(),
        "--mode", run.mode()));
    if (run.trainExamples() > 0) {
      trainArgs.addAll(List.of("--max-train-examples", String.valueOf(run.trainExamples())));
    }
    trainArgs.addAll(List.of("--steps", String.valueOf(run.steps()), "--batch-size", String.valueOf(run.batchSize()),
        "--lr", number(run.lr()), "--seed", String.valueOf(run.seed())));
    // Extractive reads whole documents up to --max-length; abstractive truncates its source and bounds its target.
    trainArgs.addAll(run.mode().equals("abstractive")
        ? List.of("--max-source-length", String.valueOf(run.maxLength()), "--max-target-length", "64")
        : List.of("--max-length", String.valueOf(run.maxLength())));
    add(stem + "-train", "train the " + run.mode() + " summarizer on " + describe(run.train(), run.trainExamples()),
        with(trainArgs, "--out", "{out}/pretrained"), trainCost);
    List<String> test;
    if (run.testExamples() > 0) {
      BenchSubsets.SummaryFile file = subsets.summaryFirst(run.test(), run.testExamples());
      test = List.of("--test", file.file().toString(), "--document-field", "document", "--summary-field",
          String.join(",", file.referenceFields()));
    } else {
      test = List.of("--test", run.test());
    }
    List<String> lexical = run.baselines().stream().filter(b -> b.startsWith("lead-") || b.startsWith("longest-")).toList();
    List<String> eval = new ArrayList<>(List.of("summarize", "eval", "--model", "{stage:" + stem + "-train}/pretrained"));
    eval.addAll(test);
    eval.addAll(List.of("--baselines", withBaselines && !lexical.isEmpty() ? String.join(",", lexical) : "none",
        "--report", "{out}/report"));
    add(stem + "-eval", "summarize " + describe(run.test(), run.testExamples()) + " and score ROUGE", eval,
        trainCost * 0.3);
    String baselineEval = null;
    if (noPretraining) {
      add(stem + "-train-nopretrain", "the same summarizer from random weights (no-pretraining baseline)",
          with(trainArgs, "--no-pretraining", "--out", "{out}/no-pretraining"), trainCost);
      List<String> evalRandom = new ArrayList<>(List.of("summarize", "eval", "--model",
          "{stage:" + stem + "-train-nopretrain}/no-pretraining"));
      evalRandom.addAll(test);
      evalRandom.addAll(List.of("--baselines", "none", "--report", "{out}/report"));
      baselineEval = stem + "-eval-nopretrain";
      add(baselineEval, "score the no-pretraining summarizer the same way", evalRandom, trainCost * 0.3);
    }
    return new TaskStages(run, stem + "-eval", baselineEval, run.trainExamples(), run.testExamples());
  }

  /** A stage still run as its command line (the evaluations, and fine-tuning until it runs through its library). */
  private void add(String name, String what, List<String> args, double weight) {
    plan.add(name, what, new CommandStage(args, mlm), weight);
  }

  private static List<String> with(List<String> args, String... more) {
    List<String> out = new ArrayList<>(args);
    out.addAll(List.of(more));
    return out;
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
