package org.mlmsuite.translation;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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

/**
 * The translation harness: corpus BLEU (sacreBLEU defaults: 13a tokenisation, case-sensitive,
 * exponential smoothing) and chrF2 of detokenised outputs against one reference per segment,
 * each with its sacreBLEU signature, and the {@link Report}.
 */
public final class TranslationEvaluation {
  private static final int SAMPLES = 10;

  private TranslationEvaluation() {}

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
