package org.mlmsuite.translation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.mlmsuite.backbone.train.AtomicFiles;
import org.mlmsuite.eval.mt.Bleu;
import org.mlmsuite.eval.mt.BleuOptions;
import org.mlmsuite.eval.mt.BleuScore;
import org.mlmsuite.eval.mt.Chrf;
import org.mlmsuite.eval.mt.ChrfOptions;
import org.mlmsuite.eval.mt.ChrfScore;
import org.mlmsuite.eval.report.MetricsTableSection;
import org.mlmsuite.eval.report.MetricsTableSection.SystemRow;
import org.mlmsuite.eval.report.Provenance;
import org.mlmsuite.eval.report.Report;
import org.mlmsuite.eval.report.ReportWriter;

/**
 * The translation harness: corpus BLEU (sacreBLEU defaults: 13a tokenisation, case-sensitive,
 * exponential smoothing) and chrF2 of detokenised outputs against one reference per segment,
 * each with its sacreBLEU signature, and the {@link Report}.
 *
 * <p>{@link #run} is {@code mlm translate eval}, whole: read the test pairs, translate them once per
 * decoding setting, score them beside the copy-the-source baseline, write the report.
 */
public final class TranslationEvaluation {
  private static final int SAMPLES = 10;

  private TranslationEvaluation() {}

  /**
   * A translation model scored on test pairs.
   *
   * @param dataDir the dataset mirror for catalog names (null: {@code $MLM_DATA_DIR})
   * @param maxTestPairs score only the first N test pairs (0: all)
   * @param hypotheses also write the first system's translations here, one per line, or null
   * @param reportDir null for {@code <model>/eval}
   * @param commandLine the arguments after the program name, recorded in the report's provenance
   */
  public record Request(Path model, ParallelData.Input test, Path dataDir, int maxTestPairs,
      TranslationDecoding decoding, Path hypotheses, Path reportDir, List<String> commandLine) {
    public static Request defaults(Path model, ParallelData.Input test) {
      return new Request(model, test, null, 0, TranslationDecoding.MODEL_DEFAULTS, null, null, List.of());
    }

    public Request withData(Path newDataDir, int newMaxTestPairs) {
      return new Request(model, test, newDataDir, newMaxTestPairs, decoding, hypotheses, reportDir, commandLine);
    }

    public Request withDecoding(TranslationDecoding newDecoding) {
      return new Request(model, test, dataDir, maxTestPairs, newDecoding, hypotheses, reportDir, commandLine);
    }

    public Request withOutputs(Path newHypotheses, Path newReportDir) {
      return new Request(model, test, dataDir, maxTestPairs, decoding, newHypotheses, newReportDir, commandLine);
    }

    public Request withCommandLine(List<String> args) {
      return new Request(model, test, dataDir, maxTestPairs, decoding, hypotheses, reportDir, args);
    }
  }

  /** The scored rows (systems, then the baseline) and where the report went. */
  public record Result(ParallelData test, List<Scored> rows, boolean lowercase, Path reportDir) {
    /** What {@code mlm translate eval} prints. */
    public String text() {
      StringBuilder out = new StringBuilder();
      out.append(String.format(Locale.ROOT, "%s: %d segments%n", test.source(), test.size()));
      out.append(String.format(Locale.ROOT, "%-34s %7s %7s %6s %7s%n", "system", "BLEU", "chrF2", "BP", "seconds"));
      for (Scored s : rows) {
        out.append(String.format(Locale.ROOT, "%-34s %7.2f %7.2f %6.3f %7.1f%n",
            (s.baseline() ? "baseline: " : "") + s.system(), s.bleu().score(), s.chrf().score(), s.bleu().bp(),
            s.seconds()));
      }
      out.append(String.format(Locale.ROOT, "BLEU signature: %s%nchrF signature: %s%n", rows.get(0).bleu().signature(),
          rows.get(0).chrf().signature()));
      if (lowercase) {
        out.append("note: uncased vocabulary, outputs are lowercase; BLEU/chrF are case-sensitive")
            .append(System.lineSeparator());
      }
      out.append(String.format(Locale.ROOT, "report: %s%n", reportDir.resolve(ReportWriter.HTML)));
      return out.toString();
    }
  }

  /**
   * Translates the test pairs once per decoding setting, scores them and the copy-the-source
   * baseline, writes the report (and the hypotheses if asked).
   *
   * @param messages progress lines (one before each decoding setting)
   */
  public static Result run(Request request, Consumer<String> messages) throws IOException {
    ParallelData test = request.test().read("test", request.dataDir(), "test").first(request.maxTestPairs());
    Path model = request.model();
    try (Translator translator = Translator.load(model)) {
      List<Scored> rows = new ArrayList<>();
      for (TranslationOptions options : request.decoding().resolve(translator.defaultOptions())) {
        messages.accept(String.format(Locale.ROOT, "translate: %d segments, %s", test.size(), options.describe()));
        rows.add(evaluate(options.describe(), translator, test, options));
      }
      rows.add(copySourceBaseline(test));
      Provenance.Builder provenance = Provenance.builder()
          .command("mlm", request.commandLine().toArray(String[]::new))
          .dataset(test.name(), test.split(), test.size(), test.source())
          .modelConfig(translator.info());
      for (Scored s : rows) {
        if (!s.baseline()) {
          provenance.timing(s.system(), s.seconds());
        }
      }
      Report report = report("Translation: " + model.getFileName() + " on " + test.source(), rows, test,
          translator.info(), provenance.build(), model.resolve("train-log.jsonl"));
      Path dir = request.reportDir() != null ? request.reportDir() : model.resolve("eval");
      new ReportWriter().write(report, dir);
      if (request.hypotheses() != null) {
        AtomicFiles.writeLines(request.hypotheses(), rows.get(0).hypotheses());
      }
      return new Result(test, rows, translator.info().lowercase(), dir);
    }
  }

  /** One system's outputs on the test set and their scores. */
  public record Scored(String system, boolean baseline, List<String> hypotheses, BleuScore bleu, ChrfScore chrf,
      double seconds) {
    public Map<String, Double> headline() {
      Map<String, Double> m = new LinkedHashMap<>();
      m.put("BLEU", bleu.score());
      m.put("chrF2", chrf.score());
      m.put("BP", bleu.bp());
      m.put("len_ratio", bleu.ratio());
      m.put("seconds", seconds);
      return m;
    }
  }

  /** Translates the test sources with {@code options} and scores them against the targets. */
  public static Scored evaluate(String system, Translator translator, ParallelData test, TranslationOptions options) {
    long start = System.nanoTime();
    List<String> hypotheses = translator.translateBatch(test.sources(), options);
    return score(system, false, hypotheses, test.targets(), (System.nanoTime() - start) / 1e9);
  }

  /** Scores given outputs against one reference per segment. */
  public static Scored score(String system, boolean baseline, List<String> hypotheses, List<String> references,
      double seconds) {
    if (hypotheses.size() != references.size()) {
      throw new IllegalArgumentException(hypotheses.size() + " outputs for " + references.size() + " references");
    }
    List<List<String>> streams = List.of(references);
    return new Scored(system, baseline, hypotheses, Bleu.corpus(hypotheses, streams, BleuOptions.corpusDefaults()),
        Chrf.corpus(hypotheses, streams, ChrfOptions.chrf()), seconds);
  }

  /**
   * Copying the source unchanged: the floor any system must clear (names, numbers and shared words
   * already score a little BLEU).
   */
  public static Scored copySourceBaseline(ParallelData test) {
    return score("copy source", true, test.sources(), test.targets(), 0);
  }

  /** Headline table, signatures, sample outputs, casing note and training curves. */
  public static Report report(String title, List<Scored> systems, ParallelData test, TranslationInfo info,
      Provenance provenance, Path trainLog) {
    MetricsTableSection.Builder table =
        MetricsTableSection.builder("Test scores", "BLEU", "chrF2", "BP", "len_ratio", "seconds").decimals(2)
            .lowerIsBetter("seconds");
    for (Scored s : systems) {
      table.row(s.baseline() ? SystemRow.baseline(s.system(), s.headline()) : SystemRow.system(s.system(), s.headline()));
    }
    Report.Builder report = Report.builder(title).provenance(provenance).metrics(table.build());
    StringBuilder signatures = new StringBuilder();
    for (Scored s : systems) {
      signatures.append(String.format(Locale.ROOT, "%s: %s (%s); %s (%s)%n", s.system(), s.bleu().format(2),
          s.bleu().signature(), s.chrf().format(2), s.chrf().signature()));
    }
    report.text("Metric signatures (sacreBLEU)", signatures.toString());
    if (info != null && info.lowercase()) {
      report.text("Casing", "The model's vocabulary is uncased, so every output is lowercase while the references "
          + "are cased: case-sensitive BLEU/chrF count each capital as an error. Train the backbone with a cased "
          + "vocabulary to compare with published (cased) figures.");
    }
    StringBuilder samples = new StringBuilder();
    for (int i = 0; i < Math.min(SAMPLES, test.size()); i++) {
      samples.append("source:    ").append(test.pairs().get(i).source()).append('\n');
      samples.append("reference: ").append(test.pairs().get(i).target()).append('\n');
      for (Scored s : systems) {
        if (!s.baseline()) {
          samples.append(s.system()).append(": ").append(s.hypotheses().get(i)).append('\n');
        }
      }
      samples.append('\n');
    }
    report.text("First " + Math.min(SAMPLES, test.size()) + " test segments", samples.toString());
    if (trainLog != null && Files.isRegularFile(trainLog)) {
      report.trainingCurves("Training", trainLog);
    }
    return report.build();
  }
}
