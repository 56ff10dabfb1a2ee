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
  private static final int STAGES = 16;
  private static final List<String> FILL_MASK_EXAMPLES = List.of(
      "The president gave a [MASK] to the congress.",
      "She walked into the [MASK] and sat down.");
  private static final List<String> SENTIMENT_EXAMPLES = List.of(
      "a gorgeous , witty and deeply moving film",
      "the plot is dull and the acting is worse",
      "not bad at all");
  private static final int TRANSLATION_EXAMPLES = 3;
  private static final String DEMO_SIZED = "DEMO-SIZED: trained for minutes on two cores, so the numbers show that the "
      + "pipeline works end to end, not what the architecture can reach.";

  private Demo() {}

  /**
   * What {@code mlm demo} was asked for.
   *
   * @param workDir where stages are built and cached
   * @param pretrainSteps the backbone's pretraining steps, or null for the size's
   * @param size demo or smoke ({@link DemoSize#named})
   */
  public record Options(Path workDir, Integer pretrainSteps, String size) {}

  /** Builds (or reuses) every stage, prints the library examples and what the numbers mean, and writes the report. */
  public static void run(Options options, List<String> commandArgs, PrintWriter out) {
    long start = System.nanoTime();
    DemoSize size = DemoSize.named(options.size());
    if (options.pretrainSteps() != null) {
      size = size.withPretrainSteps(options.pretrainSteps());
    }
    Path work = options.workDir().toAbsolutePath();
    DemoStages stages = new DemoStages(work, STAGES, out);
    DemoReport report = new DemoReport("mlm demo: every stage at demo size");

    // Cased and bilingual: translation needs German word pieces, and case is part of BLEU.
    List<String> corpus = List.of("pretrain-en", "multi30k-en-de");
    Path vocab = stages.run("vocab", String.format(Locale.ROOT,
            "cased WordPiece vocabulary, %,d tokens, trained on pretrain-en + Multi30k En-De", size.vocabSize()),
        new VocabularyStage(corpus, size.vocabSize(), true, "vocab.txt")).resolve("vocab.txt");
    Path ner = stages.run("ner", "English name finder trained on CoNLL-2003 (for entity masking)",
        new NameFinderStage("conll2003", size.nerIterations(), size.nerCutoff(), "ner-en.bin")).resolve("ner-en.bin");
    int every = Math.max(1, size.pretrainSteps() / 3);
    Path backbone = stages.run("backbone", "pretrain a " + size.preset()
            + " backbone on pretrain-en + Multi30k (cased) with entity masking",
        new PretrainingStage(corpus, vocab.toString(), true, ner.toString(), "entity", size.preset(), size.pretrainSteps(),
            size.pretrainBatch(), size.pretrainSeqLength(), 1e-3, null, every, every, "model")).resolve("model");
    stages.announce("fill-mask with the demo backbone (library API: Backbone.fillMask)");
    List<String> fillMask = fillMask(backbone);
    fillMask.forEach(out::println);
    out.flush();

    Path untrained = stages.run("untrained", "the same backbone without pretraining (random weights)",
        new UntrainedBackboneStage(vocab.toString(), true, size.preset(), "model")).resolve("model");
    Path classifier = fineTuneSst2(stages, size, "sst2", String.format(Locale.ROOT,
        "fine-tune the pretrained backbone on %,d SST-2 sentences", size.sst2Examples()), backbone, "sst2-pretrained");
    Path baseline = fineTuneSst2(stages, size, "sst2-nopretrain", "fine-tune the untrained backbone the same way",
        untrained, "sst2-no-pretraining");
    Path classificationReport = stages.run("sst2-eval",
        "evaluate on SST-2 dev beside no pretraining and the OpenNLP doccat baseline",
        new ClassifierEvaluationStage(classifier.toString(), "sst2:dev", List.of("doccat"), null,
            List.of(baseline.toString()), "report")).resolve("report");
    stages.announce("classify a few sentences with the library API (TextClassifier)");
    List<String> predictions = new ArrayList<>();
    predictions.addAll(predictions("pretrained", classifier));
    predictions.addAll(predictions("no pretraining", baseline));
    predictions.forEach(out::println);
    out.flush();

    // A few hundred pretraining steps leave the backbone on the unigram plateau (docs/benchmarks.md:
    // leaving it takes ~4,500 tiny steps, about an hour here), and warm-starting a decoder from that
    // state gives empty translations; so the translator and the summarizer start from random weights
    // with the same architecture, and SST-2 above shows pretrained vs random side by side.
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
    // An abstractive summarizer (summarize train --mode abstractive, seq2seq from the backbone)
    // belongs here as two more stages, train and eval, beside the extractive ones.
    stages.announce("summarize a test dialogue with the library API (Summarizer)");
    List<String> summary = summaryExample(summarizer);
    summary.forEach(out::println);
    out.flush();

    stages.announce("write the demo report");
    double seconds = (System.nanoTime() - start) / 1e9;
    List<String> meaning = meaning(size, classificationReport, translationReport, summaryReport);
    report.text("About this report", List.of(DEMO_SIZED, "",
        "Each section below says what a stage's numbers mean; the tables are copied from the stage's own report, "
            + "whose path is given. Stages are cached under " + work + " (a second 'mlm demo' reuses them).",
        "", "In short:", String.join("\n", meaning)));
    report.pretraining("Pretraining", "Masked-LM loss on held-out sequences (lower is better) and the share of masked "
        + "word pieces predicted exactly. A uniform guess over the vocabulary scores ln V; a demo backbone mostly learns "
        + "frequent words, so expect a loss well below ln V and far above what long pretraining reaches. " + DEMO_SIZED,
        backbone, size.vocabSize());
    report.text("Fill-mask (top-5 word pieces per [MASK], with probabilities)", fillMask);
    report.stage("SST-2 sentiment", "Accuracy, F1 and MCC on the 872 SST-2 dev sentences of a classifier fine-tuned "
        + "from the demo backbone, one fine-tuned from random weights, and OpenNLP's bag-of-words doccat. Chance is 0.5 "
        + "accuracy and 0 MCC; the published BERT-Tiny reaches 83.2 after pretraining on billions of tokens. "
        + DEMO_SIZED, classificationReport);
    report.text("SST-2 predictions (library API)", predictions);
    report.stage("Translation En-De", "A translator trained from random weights (the demo backbone is too young to "
        + "warm-start a decoder). Corpus BLEU (0-100, sacreBLEU 13a, case-sensitive) and chrF2 on a slice of "
        + "Multi30k test2016; 'copy source' is the score of returning the English input unchanged, which any useful "
        + "translator must beat. Small Transformers trained to convergence reach about 35-41 BLEU. " + DEMO_SIZED,
        translationReport);
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
    out.println("What the numbers mean (" + DEMO_SIZED + "):");
    meaning.forEach(l -> out.println("  " + l));
    out.println("The demo report names each stage's full report; measured longer runs: docs/benchmarks.md.");
    out.println("Rerun './mlm demo' to reuse every stage.");
    out.flush();
  }

  private static Path fineTuneSst2(DemoStages stages, DemoSize size, String name, String what, Path backbone,
      String modelName) {
    return stages.run(name, what, new ClassifierTrainingStage(backbone.toString(), "sst2", "sst2:dev",
        size.sst2Examples(), size.sst2Steps(), size.sst2Batch(), size.sst2MaxLength(), 3e-4, null,
        Math.max(1, size.sst2Steps() / 8), false, modelName)).resolve(modelName);
  }

  private static List<String> fillMask(Path backboneDir) {
    List<String> lines = new ArrayList<>();
    try (Backbone backbone = Backbone.open(backboneDir)) {
      for (String text : FILL_MASK_EXAMPLES) {
        lines.add("  " + text);
        for (List<Backbone.Candidate> mask : backbone.fillMask(text, 5)) {
          StringBuilder line = new StringBuilder("    ->");
          for (Backbone.Candidate c : mask) {
            line.append(String.format(Locale.ROOT, " %s (%.3f)", c.token(), c.probability()));
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
    lines.add(String.format(Locale.ROOT, "SST-2 dev accuracy: %s. Chance is 0.50; the published BERT-Tiny reaches "
        + "0.83 after billions of tokens, while this backbone saw %,d sequences and mostly knows word frequencies "
        + "(see fill-mask), so it need not beat random weights or the bag-of-words baseline.",
        joinMetric(sst2, "accuracy", "%.3f"), (long) size.pretrainSteps() * size.pretrainBatch()));
    Map<String, Map<String, Double>> mt = DemoReport.headline(translation);
    lines.add(String.format(Locale.ROOT, "Multi30k En-De BLEU on %2$d test pairs: %1$s, from random weights after %3$d "
        + "steps (the demo backbone is too young to help; docs/benchmarks.md compares warm starts); small models "
        + "trained to convergence reach 35-41.",
        joinMetric(mt, "BLEU", "%.1f"), size.translationTestPairs(), size.translationSteps()));
    Map<String, Map<String, Double>> rouge = DemoReport.headline(summarization);
    lines.add(String.format(Locale.ROOT, "DialogSum ROUGE-1 on %2$d test dialogues: %1$s. The model (random weights) picks three turns; "
        + "Lead-3 and Longest-3 are fixed rules, which a demo-sized model need not beat yet.", joinMetric(rouge, "rouge1", "%.1f"), size.summaryTestDocuments()));
    return lines;
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
