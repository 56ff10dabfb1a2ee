package org.mlmsuite.summarization;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.mlmsuite.datasets.SummaryExample;
import org.mlmsuite.eval.report.MetricsTableSection;
import org.mlmsuite.eval.report.MetricsTableSection.SystemRow;
import org.mlmsuite.eval.report.Provenance;
import org.mlmsuite.eval.report.Report;
import org.mlmsuite.eval.rouge.RougeAggregate;
import org.mlmsuite.eval.rouge.RougeEvaluator;
import org.mlmsuite.eval.rouge.RougeScorer;
import org.mlmsuite.eval.rouge.RougeType;
import org.mlmsuite.eval.rouge.SentenceSplit;

/**
 * The summarization harness: ROUGE-1/2/L/Lsum F1 (rouge-score exact, Porter stemmer on, as is
 * usual for summarization) of each system against all references of an example (max over
 * references), corpus means with 95% bootstrap intervals, and the {@link Report}. Summaries and
 * references are cut into sentences by punctuation for rougeLsum; extractive summaries already
 * have one sentence per line.
 */
public final class SummaryEvaluation {
  public static final List<RougeType> TYPES =
      List.of(RougeType.ROUGE_1, RougeType.ROUGE_2, RougeType.ROUGE_L, RougeType.ROUGE_LSUM);

  private SummaryEvaluation() {}

  /** One system's summaries of the test set and their ROUGE. */
  public record Scored(String system, boolean baseline, List<String> summaries, RougeEvaluator.Result result) {
    /** Mean F1 x 100 per type. */
    public Map<String, Double> headline() {
      Map<String, Double> m = new LinkedHashMap<>();
      for (RougeType t : TYPES) {
        m.put(t.name(), 100 * result.corpus().get(t).mean().fmeasure());
      }
      return m;
    }

    SystemRow row() {
      Map<String, Double> values = headline();
      SystemRow row = baseline ? SystemRow.baseline(system, values) : SystemRow.system(system, values);
      for (RougeType t : TYPES) {
        RougeAggregate a = result.corpus().get(t);
        row = row.withInterval(t.name(), 100 * a.low().fmeasure(), 100 * a.high().fmeasure());
      }
      return row;
    }
  }

  public static RougeEvaluator evaluator() {
    return new RougeEvaluator(new RougeScorer(Set.copyOf(TYPES), true), SentenceSplit.PUNCTUATION);
  }

  /** Scores summaries (one per test example, same order). */
  public static Scored score(String system, boolean baseline, List<SummaryExample> test, List<String> summaries) {
    List<List<String>> refs = test.stream().map(SummaryExample::references).toList();
    return new Scored(system, baseline, List.copyOf(summaries), evaluator().evaluate(summaries, refs));
  }

  public static Scored score(String system, boolean baseline, List<SummaryExample> test,
      Function<String, String> summarizer) {
    List<String> out = new ArrayList<>(test.size());
    for (SummaryExample e : test) {
      out.add(summarizer.apply(e.document()));
    }
    return score(system, baseline, test, out);
  }

  public static Scored baseline(Baseline baseline, SentencePolicy policy, List<SummaryExample> test) {
    return score(baseline.name(), true, test, d -> baseline.summarize(d, policy));
  }

  /** Headline table (systems then baselines; 95% bootstrap intervals) and training curves if any. */
  public static Report report(String title, List<Scored> systems, Provenance provenance, Path trainLog, String note) {
    MetricsTableSection.Builder table = MetricsTableSection.builder("ROUGE F1 x 100 (mean over examples)",
        TYPES.stream().map(RougeType::name).toArray(String[]::new)).decimals(2);
    for (Scored s : systems) {
      table.row(s.row());
    }
    Report.Builder report = Report.builder(title).provenance(provenance).metrics(table.build());
    if (note != null) {
      report.text("Notes", note);
    }
    if (trainLog != null && Files.isRegularFile(trainLog)) {
      report.trainingCurves("Training", trainLog);
    }
    return report.build();
  }

  /** A short fixed-width table for the terminal. */
  public static String table(List<Scored> systems) {
    StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%-24s %8s %8s %8s %9s%n", "system", "rouge1",
        "rouge2", "rougeL", "rougeLsum"));
    for (Scored s : systems) {
      Map<String, Double> h = s.headline();
      sb.append(String.format(Locale.ROOT, "%-24s %8.2f %8.2f %8.2f %9.2f%n", s.system() + (s.baseline() ? " *" : ""),
          h.get("rouge1"), h.get("rouge2"), h.get("rougeL"), h.get("rougeLsum")));
    }
    sb.append("(* baseline; ROUGE F1 x 100, Porter stemmer on, max over references)\n");
    return sb.toString();
  }
}
