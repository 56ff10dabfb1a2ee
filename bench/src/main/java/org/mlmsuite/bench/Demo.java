package org.mlmsuite.bench;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.mlmsuite.backbone.Backbone;
import org.mlmsuite.classification.Prediction;
import org.mlmsuite.classification.TextClassifier;
import org.mlmsuite.datasets.SummaryExample;
import org.mlmsuite.datasets.TranslationPair;
import org.mlmsuite.eval.report.Provenance;
import org.mlmsuite.summarization.Summarizer;
import org.mlmsuite.summarization.SummaryData;
import org.mlmsuite.translation.ParallelData;
import org.mlmsuite.translation.Translator;

/**
 * {@code mlm demo}, the newcomer's first command: every stage of the suite at demo size, from the
 * dataset mirror alone, each stage cached under the work directory by its {@code mlm} command line
 * (printed, so it can be rerun by hand), and one report gathering every stage's numbers.
 */
public final class Demo {
  private static final int STAGES = 15;
  /** BERT's own example (Devlin et al., 2018, section 3.1), a fact, and Hugging Face's model-card example. */
  private static final List<String> FILL_MASK_EXAMPLES = List.of(
      "The man went to the [MASK]. He bought a [MASK] of milk.",
      "The capital of France is [MASK].",
      "Hello I'm a [MASK] model.");
  private static final List<String> SENTIMENT_EXAMPLES = List.of(
      "a gorgeous , witty and deeply moving film",
      "the plot is dull and the acting is worse",
      "not bad at all");
  private static final int TRANSLATION_EXAMPLES = 3;
  private static final double SST2_LEARNING_RATE = 5e-5;
  private static final String DEMO_SIZED = "DEMO-SIZED: trained for minutes on two cores, so the numbers show that the "
      + "pipeline works end to end, not what the architecture can reach.";

  private Demo() {}

  /**
   * What {@code mlm demo} was asked for.
   *
   * @param workDir where stages are built and cached
   * @param size demo or smoke ({@link DemoSize#named})
   */
  public record Options(Path workDir, String size) {}

  /** Builds (or reuses) every stage, prints the library examples and what the numbers mean, and writes the report. */
  public static void run(Options options, List<String> commandArgs, PrintWriter out) {
    long start = System.nanoTime();
    DemoSize size = DemoSize.named(options.size());
    Path work = options.workDir().toAbsolutePath();
    DemoStages stages = new DemoStages(work, STAGES, out);
    DemoReport report = new DemoReport("mlm demo: pretrained BERT-Base and every task at demo size");

    Path bert = stages.run("bert-base", "import Google's pretrained " + size.pretrained()
            + " (Maven downloads the 408 MB jar once into ~/.m2)",
        new BackboneImportStage(size.pretrained(), "model")).resolve("model");
    stages.announce("fill-mask with BERT-Base (library API: Backbone.fillMask)");
    List<String> fillMask = fillMask(bert);
    fillMask.forEach(out::println);
    out.flush();

    Path classifier = fineTuneSst2(stages, size, "sst2", String.format(Locale.ROOT,
        "fine-tune BERT-Base on %,d SST-2 sentences (%d steps x %d)", size.sst2Examples(), size.sst2Steps(),
        size.sst2Batch()), bert, false, "sst2-pretrained");
    Path baseline = fineTuneSst2(stages, size, "sst2-nopretrain",
        "fine-tune the same architecture from random weights the same way (no pretraining)", bert, true,
        "sst2-no-pretraining");
    Path classificationReport = stages.run("sst2-eval",
        "evaluate on SST-2 dev beside no pretraining and the OpenNLP doccat baseline",
        new ClassifierEvaluationStage(classifier.toString(), "sst2:dev", List.of("doccat"), null,
            List.of(baseline.toString()), "report")).resolve("report");
    stages.announce("classify a few sentences with the library API (TextClassifier)");
    List<String> predictions = new ArrayList<>();
    predictions.addAll(predictions("BERT-Base", classifier));
    predictions.addAll(predictions("no pretraining", baseline));
    predictions.forEach(out::println);
    out.flush();

    // BERT-Base is uncased English, and fine-tuning it as a BERT2BERT translator or summarizer takes
    // hours here; so these two start from random weights of a tiny model, on a cased vocabulary
    // with German word pieces (case is part of BLEU).
    Path vocab = stages.run("vocab", String.format(Locale.ROOT,
            "cased WordPiece vocabulary, %,d tokens, trained on pretrain-en + Multi30k En-De (translator, summarizer)",
            size.vocabSize()),
        new VocabularyStage(List.of("pretrain-en", "multi30k-en-de"), size.vocabSize(), true, "vocab.txt"))
        .resolve("vocab.txt");
    Path untrained = stages.run("untrained", "a " + size.preset() + " backbone with random weights on that vocabulary",
        new UntrainedBackboneStage(vocab.toString(), true, size.preset(), "model")).resolve("model");
    Path translator = stages.run("translate", String.format(Locale.ROOT,
            "fine-tune an English-German translator (BERT2BERT, random weights) on %,d Multi30k pairs",
            size.translationPairs()),
        new TranslationTrainingStage(untrained.toString(), "multi30k-en-de", size.translationPairs(), "multi30k-en-de:val",
            0, size.translationTestPairs(), size.translationSteps(), size.translationBatch(), 5e-4, null,
            size.translationMaxLength(), size.translationMaxLength(), false, "en-de-translator"))
        .resolve("en-de-translator");
    Path translationReport = stages.run("translate-eval", String.format(Locale.ROOT,
            "BLEU and chrF (greedy and beam 4) on the first %d Multi30k test2016 pairs beside copying the source", size.translationTestPairs()),
        new TranslationEvaluationStage(translator.toString(), "multi30k-en-de:test", null, null, size.translationTestPairs(),
            List.of(1, 4), "report"))
        .resolve("report");
    stages.announce("translate a few test sentences with the library API (Translator)");
    List<String> translations = translations(translator);
    translations.forEach(out::println);
    out.flush();

    Path summarizer = stages.run("summarize", String.format(Locale.ROOT,
            "train an extractive summarizer (BertSumExt, random weights) on %,d DialogSum dialogues",
            size.summaryDocuments()),
        new SummarizerTrainingStage("extractive", untrained.toString(), "dialogsum", size.summaryDocuments(),
            size.summarySteps(), size.summaryBatch(), 5e-4, null, size.summaryMaxLength(), null, null, false,
            "extractive-summarizer"))
        .resolve("extractive-summarizer");
    Path summaryReport = stages.run("summarize-eval", String.format(Locale.ROOT,
            "ROUGE on the first %d DialogSum test dialogues beside Lead-3 and Longest-3", size.summaryTestDocuments()),
        new SummaryEvaluationStage(summarizer.toString(), "dialogsum:test", null, null, size.summaryTestDocuments(),
            "lead-3,longest-3", "report")).resolve("report");
    stages.announce("summarize a test dialogue with the library API (Summarizer)");
    List<String> summary = summaryExample(summarizer);
    summary.forEach(out::println);
    out.flush();

    stages.announce("write the demo report");
    double seconds = (System.nanoTime() - start) / 1e9;
    List<String> meaning = meaning(size, classificationReport, translationReport, summaryReport);
    report.text("About this report", List.of("BERT-Base is Google's model, pretrained in full; everything "
            + "fine-tuned here is " + DEMO_SIZED, "",
        "Each section below says what a stage's numbers mean; the tables are copied from the stage's own report, "
            + "whose path is given. Stages are cached under " + work + " (a second 'mlm demo' reuses them).",
        "", "In short:", String.join("\n", meaning)));
    List<String> fillMaskText = new ArrayList<>(List.of("Google's BERT-Base (uncased, 110 M parameters, "
        + "pretrained on 3.3 billion words of books and Wikipedia) imported unchanged, predicting the hidden word. "
        + "The first sentence is the example of the BERT paper, whose words were store and gallon; for the last, "
        + "Hugging Face's model card lists fashion 0.1073, role, new, super, fine. Model directory: " + bert, ""));
    fillMaskText.addAll(fillMask);
    report.text("Fill-mask with BERT-Base (top-5 word pieces per [MASK], with probabilities)", fillMaskText);
    report.stage("SST-2 sentiment", String.format(Locale.ROOT, "Accuracy, F1 and MCC on the 872 SST-2 dev sentences "
        + "of BERT-Base fine-tuned for %d steps of %d sentences (max %d word pieces, learning rate %s), the same "
        + "architecture fine-tuned the same way from random weights, and OpenNLP's bag-of-words doccat trained on all "
        + "67,349 training sentences. Chance is 0.5 accuracy and 0 MCC. The gap between the first two rows is what "
        + "pretraining gives; BERT-Base reaches 0.93 after a full epoch (docs/benchmarks.md). ",
        size.sst2Steps(), size.sst2Batch(), size.sst2MaxLength(), BenchStagePlanner.number(SST2_LEARNING_RATE)),
        classificationReport);
    report.text("SST-2 predictions (library API)", predictions);
    report.stage("Translation En-De", "A translator trained from random weights (fine-tuning BERT-Base, uncased and "
        + "English-only, as a translator takes hours here). Corpus BLEU (0-100, sacreBLEU 13a, case-sensitive) and "
        + "chrF2 on a slice of Multi30k test2016; 'copy source' is the score of returning the English input unchanged, "
        + "which any useful translator must beat. Small Transformers trained to convergence reach about 35-41 BLEU. "
        + DEMO_SIZED, translationReport);
    report.text("Translations (library API)", translations);
    report.stage("Summarization (extractive)", "An extractive summarizer trained from random weights. "
        + "ROUGE-1/2/L/Lsum F1 x 100 on a slice of DialogSum test, max over its "
        + "three references, beside Lead-3 (first three turns) and Longest-3 (three longest turns), which an extractive "
        + "model must beat to have learned anything. " + DEMO_SIZED, summaryReport);
    report.text("Summary (library API)", summary);
    Path html = report.write(Provenance.builder()
        .command("mlm", commandArgs.toArray(String[]::new))
        .seed(42).timing("demo", seconds).build(), work.resolve("report"));

    out.printf(Locale.ROOT, "%nDemo finished in %.0f s. Everything it built is under %s%n", seconds, work);
    out.println("Report (open in a browser): " + html);
    out.println("What the numbers mean:");
    meaning.forEach(l -> out.println("  " + l));
    out.println("The demo report names each stage's full report; measured longer runs: docs/benchmarks.md.");
    out.println("Rerun './mlm demo' to reuse every stage.");
    out.flush();
  }

  private static Path fineTuneSst2(DemoStages stages, DemoSize size, String name, String what, Path backbone,
      boolean noPretraining, String modelName) {
    return stages.run(name, what, new ClassifierTrainingStage(backbone.toString(), "sst2", null,
        size.sst2Examples(), size.sst2Steps(), size.sst2Batch(), size.sst2MaxLength(), SST2_LEARNING_RATE, null, 0,
        noPretraining, modelName)).resolve(modelName);
  }

  private static List<String> fillMask(Path backboneDir) {
    List<String> lines = new ArrayList<>();
    try (Backbone backbone = Backbone.open(backboneDir)) {
      for (String text : FILL_MASK_EXAMPLES) {
        lines.add("  " + text);
        for (List<Backbone.Candidate> mask : backbone.fillMask(text, 5)) {
          StringBuilder line = new StringBuilder("    ->");
          for (Backbone.Candidate c : mask) {
            line.append(String.format(Locale.ROOT, " %s (%.4f)", c.token(), c.probability()));
          }
          lines.add(line.toString());
        }
      }
    }
    return lines;
  }

  private static List<String> predictions(String which, Path classifierDir) {
    List<String> lines = new ArrayList<>();
    try (TextClassifier classifier = TextClassifier.load(classifierDir)) {
      for (String text : SENTIMENT_EXAMPLES) {
        Prediction p = classifier.predict(text);
        lines.add(String.format(Locale.ROOT, "  %-15s %-45s -> %s (p=%.2f)", which, '"' + text + '"', p.label(),
            p.confidence()));
      }
    }
    return lines;
  }

  private static List<String> translations(Path translatorDir) {
    ParallelData test = ParallelData.read(ParallelData.Location.of("multi30k-en-de:test"), "test", null);
    List<TranslationPair> pairs = test.pairs().subList(0, Math.min(TRANSLATION_EXAMPLES, test.size()));
    List<String> lines = new ArrayList<>();
    try (Translator translator = Translator.load(translatorDir)) {
      List<String> outputs = translator.translateBatch(pairs.stream().map(TranslationPair::source).toList());
      for (int i = 0; i < pairs.size(); i++) {
        lines.add("  English:   " + pairs.get(i).source());
        lines.add("  demo:      " + outputs.get(i));
        lines.add("  reference: " + pairs.get(i).target());
      }
    }
    return lines;
  }

  private static List<String> summaryExample(Path summarizerDir) {
    SummaryExample example = SummaryData.read("dialogsum:test", "test", null, null, null).examples().get(0);
    List<String> lines = new ArrayList<>();
    lines.add("  dialogue " + example.id() + ":");
    example.document().lines().forEach(l -> lines.add("    " + l));
    try (Summarizer summarizer = Summarizer.load(summarizerDir)) {
      lines.add("  demo summary (sentences picked from the dialogue):");
      summarizer.summarize(example.document()).lines().forEach(l -> lines.add("    " + l));
    }
    lines.add("  reference: " + example.references().get(0));
    return lines;
  }

  /** One line per task saying what was measured and how it compares, with the numbers. */
  private static List<String> meaning(DemoSize size, Path classification, Path translation, Path summarization) {
    List<String> lines = new ArrayList<>();
    Map<String, Map<String, Double>> sst2 = DemoReport.headline(classification);
    lines.add(String.format(Locale.ROOT, "SST-2 dev accuracy after %d fine-tuning steps: %s. Chance is 0.50; %s "
        + "(the baseline saw all 67,349 training sentences; a full epoch of BERT-Base reaches 0.93, docs/benchmarks.md).",
        size.sst2Steps(), joinMetric(sst2, "accuracy", "%.3f"), pretrainingAhead(sst2)
            ? "pretraining puts BERT-Base ahead of the same model from random weights and of the bag-of-words baseline"
            : "BERT-Base is NOT ahead of both here: too few steps to mean anything"));
    Map<String, Map<String, Double>> mt = DemoReport.headline(translation);
    lines.add(String.format(Locale.ROOT, "Multi30k En-De BLEU on %2$d test pairs: %1$s, a tiny model from random "
        + "weights after %3$d steps (DEMO-SIZED); small models trained to convergence reach 35-41.",
        joinMetric(mt, "BLEU", "%.1f"), size.translationTestPairs(), size.translationSteps()));
    Map<String, Map<String, Double>> rouge = DemoReport.headline(summarization);
    lines.add(String.format(Locale.ROOT, "DialogSum ROUGE-1 on %2$d test dialogues: %1$s. The model (tiny, random "
        + "weights, DEMO-SIZED) picks three turns; Lead-3 and Longest-3 are fixed rules, which it need not beat yet.",
        joinMetric(rouge, "rouge1", "%.1f"), size.summaryTestDocuments()));
    return lines;
  }

  /** The first row (BERT-Base fine-tuned) has a higher accuracy than every other row. */
  private static boolean pretrainingAhead(Map<String, Map<String, Double>> rows) {
    List<Double> accuracies = rows.values().stream().map(r -> r.getOrDefault("accuracy", Double.NaN)).toList();
    return accuracies.stream().skip(1).allMatch(other -> accuracies.get(0) > other);
  }

  private static String joinMetric(Map<String, Map<String, Double>> rows, String metric, String format) {
    List<String> parts = new ArrayList<>();
    rows.forEach((name, values) -> {
      Double v = values.get(metric);
      if (v != null) {
        parts.add(name + " = " + String.format(Locale.ROOT, format, v));
      }
    });
    return String.join("; ", parts);
  }
}
