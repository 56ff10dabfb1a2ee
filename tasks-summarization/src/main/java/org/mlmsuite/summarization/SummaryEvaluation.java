package org.mlmsuite.summarization;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import org.mlmsuite.backbone.train.AtomicFiles;
import org.mlmsuite.datasets.SummaryExample;
import org.mlmsuite.eval.report.MetricsTableSection;
import org.mlmsuite.eval.report.MetricsTableSection.SystemRow;
import org.mlmsuite.eval.report.Provenance;
import org.mlmsuite.eval.report.Report;
import org.mlmsuite.eval.report.ReportWriter;
import org.mlmsuite.eval.rouge.PairedPermutationTest;
import org.mlmsuite.eval.rouge.RougeAggregate;
import org.mlmsuite.eval.rouge.RougeEvaluator;
import org.mlmsuite.eval.rouge.RougeScorer;
import org.mlmsuite.eval.rouge.RougeType;
import org.mlmsuite.eval.rouge.SentenceSplit;

/**
 * The summarization harness: ROUGE-1/2/L/Lsum F1 (rouge-score exact, Porter stemmer on, as is
 * usual for summarization) of each system against all references of an example (max over
 * references), corpus means with 95% bootstrap intervals, a paired permutation test of the model
 * against every other row on per-document F, and the {@link Report}. Summaries and
 * references are cut into sentences by punctuation for rougeLsum; extractive summaries already
 * have one sentence per line.
 *
 * <p>{@link #run} is {@code mlm summarize eval} and {@link #runBaselines} is {@code mlm summarize
 * baseline}, whole: read the data, summarize, score beside the baselines, write the report.
 */
public final class SummaryEvaluation {
  public static final List<RougeType> TYPES =
      List.of(RougeType.ROUGE_1, RougeType.ROUGE_2, RougeType.ROUGE_L, RougeType.ROUGE_LSUM);
  /** The baselines scored beside a model and by {@code summarize baseline}. */
  public static final String DEFAULT_BASELINES = "lead-3,longest-3";

  private SummaryEvaluation() {}

  /**
   * A summarizer scored on test data beside baselines.
   *
   * @param test a file, or {@code NAME[:SPLIT]} (split {@code test} when omitted)
   * @param maxTestExamples score only the first N documents (0: all)
   * @param baselines comma-separated {@code lead-N}/{@code longest-N}, or {@code none}
   * @param baselineModels other summarizer folders, each scored with its own saved decoding
   * @param summaries also write the model's summaries here as JSON lines {@code {"id", "summary"}}, or null
   * @param reportDir null for {@code <model>/eval}
   * @param commandLine the arguments after the program name, recorded in the report's provenance
   */
  public record Request(Path model, String test, SummaryData.ReadOptions data, int maxTestExamples, String baselines,
      List<Path> baselineModels, SummaryDecoding decoding, Path summaries, Path reportDir, List<String> commandLine) {
    public Request {
      baselineModels = List.copyOf(baselineModels);
    }

    public static Request defaults(Path model, String test) {
      return new Request(model, test, SummaryData.ReadOptions.DEFAULTS, 0, DEFAULT_BASELINES, List.of(),
          SummaryDecoding.MODEL_DEFAULTS, null, null, List.of());
    }

    public Request withData(SummaryData.ReadOptions newData, int newMaxTestExamples) {
      return new Request(model, test, newData, newMaxTestExamples, baselines, baselineModels, decoding, summaries,
          reportDir, commandLine);
    }

    public Request withBaselines(String newBaselines) {
      return new Request(model, test, data, maxTestExamples, newBaselines, baselineModels, decoding, summaries,
          reportDir, commandLine);
    }

    public Request withBaselineModels(List<Path> folders) {
      return new Request(model, test, data, maxTestExamples, baselines, folders, decoding, summaries, reportDir,
          commandLine);
    }

    public Request withDecoding(SummaryDecoding newDecoding) {
      return new Request(model, test, data, maxTestExamples, baselines, baselineModels, newDecoding, summaries,
          reportDir, commandLine);
    }

    public Request withOutputs(Path newSummaries, Path newReportDir) {
      return new Request(model, test, data, maxTestExamples, baselines, baselineModels, decoding, newSummaries,
          newReportDir, commandLine);
    }

    public Request withCommandLine(List<String> args) {
      return new Request(model, test, data, maxTestExamples, baselines, baselineModels, decoding, summaries,
          reportDir, args);
    }

    Path reportDirOrDefault() {
      return reportDir != null ? reportDir : model.resolve("eval");
    }
  }

  /**
   * The scored rows (the model first, then the baseline models and the baselines), the model's
   * paired tests against each other row, and where the report went.
   */
  public record Result(SummaryData data, long truncated, List<Scored> rows, List<Paired> paired, Path reportDir) {
    /** What {@code mlm summarize eval} prints: the table, the paired tests, the report. */
    public String text() {
      StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "%s: %d examples (%d truncated)%n",
          data.source(), data.size(), truncated)).append(table(rows));
      for (Paired p : paired) {
        text.append("vs ").append(p.other()).append(':');
        p.tests().forEach((type, t) -> text.append(String.format(Locale.ROOT, " %s %+.2f (p %.2g)",
            type.name(), 100 * t.meanDifference(), t.pValue())));
        text.append('\n');
      }
      if (!paired.isEmpty()) {
        text.append(String.format(Locale.ROOT, "(%s's mean F1 x 100 minus the other's; %s)%n", rows.get(0).system(),
            paired.get(0).describeTest()));
      }
      return text.append(String.format(Locale.ROOT, "report: %s%n", reportDir.resolve(ReportWriter.HTML))).toString();
    }
  }

  /** The model against one other row: a paired permutation test on each type's per-document F1. */
  public record Paired(String other, Map<RougeType, PairedPermutationTest> tests) {
    static Paired of(Scored model, Scored other) {
      return new Paired(other.system(), model.pairedWith(other));
    }

    String describeTest() {
      PairedPermutationTest t = tests.values().iterator().next();
      return "paired permutation test over " + (t.exact() ? "all sign flips"
          : String.format(Locale.ROOT, "%,d seeded sign flips", t.rounds())) + " of the per-document differences";
    }
  }

  /**
   * Summarizes the test documents with the model, scores them and the baselines, writes the report
   * (and the summaries if asked).
   *
   * @param messages progress lines (one before summarizing)
   */
  public static Result run(Request request, Consumer<String> messages) throws IOException {
    long start = System.nanoTime();
    Path model = request.model();
    request.baselineModels().forEach(Summarizer::check);
    try (Summarizer s = Summarizer.load(model)) {
      SummaryDecoding.Chosen decoding = request.decoding().choose(s);
      SummaryData data = request.data().read(request.test(), "test").first(request.maxTestExamples());
      List<String> documents = data.examples().stream().map(SummaryExample::document).toList();
      long truncated = documents.stream().filter(s::truncated).count();
      messages.accept(String.format(Locale.ROOT, "summarize: %d documents, %s; %d truncated to %d word pieces",
          data.size(), decoding.describe(), truncated, s.info().maxLength()));
      List<String> summaries = decoding.summarizeAll(documents);
      double seconds = (System.nanoTime() - start) / 1e9;
      List<Scored> rows = new ArrayList<>();
      rows.add(score(model.getFileName().toString(), false, data.examples(), summaries));
      for (Path other : request.baselineModels()) {
        try (Summarizer b = Summarizer.load(other)) {
          messages.accept("summarize: " + other.getFileName() + " (saved decoding), as a baseline");
          List<String> theirs = SummaryDecoding.MODEL_DEFAULTS.choose(b).summarizeAll(documents);
          rows.add(score(other.getFileName().toString(), true, data.examples(), theirs));
        }
      }
      if (!request.baselines().equalsIgnoreCase("none")) {
        rows.addAll(baselines(request.baselines(), s.info().policy(), data.examples()));
      }
      Provenance provenance = Provenance.builder()
          .command("mlm", request.commandLine().toArray(String[]::new))
          .dataset(data.name(), data.split(), data.size(), data.source())
          .modelConfig(s.info())
          .seed(s.trainingSeed())
          .timing("summarize", seconds).build();
      List<Paired> paired = rows.subList(1, rows.size()).stream().map(other -> Paired.of(rows.get(0), other)).toList();
      Report report = report("Summarization: " + model.getFileName() + " on " + data.source(), rows, paired, provenance,
          model.resolve("train-log.jsonl"), decoding.describeForReport() + ". Sentence policy "
              + s.info().sentencePolicy() + " (baselines). " + truncated + " of " + data.size()
              + " test documents truncated to " + s.info().maxLength() + " word pieces. ROUGE F1 x 100 (rouge-score "
              + "exact, Porter stemmer on), max over references, 95% bootstrap intervals."
              + (paired.isEmpty() ? "" : " Two-sided " + paired.get(0).describeTest() + "."));
      Path dir = request.reportDirOrDefault();
      new ReportWriter().write(report, dir);
      if (request.summaries() != null) {
        writeSummaries(request.summaries(), data.examples(), summaries);
      }
      return new Result(data, truncated, rows, paired, dir);
    }
  }

  /**
   * Model-free baselines scored on test data.
   *
   * @param baselines comma-separated {@code lead-N}/{@code longest-N}
   * @param splitPolicy sentence units: {@code turns}, {@code sentences}, or {@code auto} (detect)
   * @param reportDir null: no report
   * @param commandLine the arguments after the program name, recorded in the report's provenance
   */
  public record BaselineRequest(String test, SummaryData.ReadOptions data, String baselines, String splitPolicy,
      Path reportDir, List<String> commandLine) {
    public static BaselineRequest defaults(String test) {
      return new BaselineRequest(test, SummaryData.ReadOptions.DEFAULTS, DEFAULT_BASELINES, "auto", null, List.of());
    }

    public BaselineRequest withData(SummaryData.ReadOptions newData) {
      return new BaselineRequest(test, newData, baselines, splitPolicy, reportDir, commandLine);
    }

    public BaselineRequest withBaselines(String newBaselines, String newSplitPolicy) {
      return new BaselineRequest(test, data, newBaselines, newSplitPolicy, reportDir, commandLine);
    }

    public BaselineRequest withReport(Path newReportDir, List<String> args) {
      return new BaselineRequest(test, data, baselines, splitPolicy, newReportDir, args);
    }
  }

  /** The baselines' rows; {@code reportDir} is null when no report was asked for. */
  public record BaselineResult(SummaryData data, SentencePolicy policy, List<Scored> rows, Path reportDir) {
    /** What {@code mlm summarize baseline} prints. */
    public String text() {
      return String.format("%s: %d examples, sentence policy %s%n", data.source(), data.size(), policy.cliName())
          + table(rows) + (reportDir == null ? "" : String.format("report: %s%n", reportDir.resolve(ReportWriter.HTML)));
    }
  }

  public static BaselineResult runBaselines(BaselineRequest request) {
    long start = System.nanoTime();
    SummaryData data = request.data().read(request.test(), "test");
    SentencePolicy policy = data.policy(request.splitPolicy());
    List<Scored> rows = baselines(request.baselines(), policy, data.examples());
    if (request.reportDir() == null) {
      return new BaselineResult(data, policy, rows, null);
    }
    Provenance provenance = Provenance.builder()
        .command("mlm", request.commandLine().toArray(String[]::new))
        .dataset(data.name(), data.split(), data.size(), data.source())
        .timing("eval", (System.nanoTime() - start) / 1e9).build();
    Report report = report("Summarization baselines on " + data.source(), rows, List.of(), provenance, null,
        "Sentence policy: " + policy.cliName());
    new ReportWriter().write(report, request.reportDir());
    return new BaselineResult(data, policy, rows, request.reportDir());
  }

  private static List<Scored> baselines(String commaSeparated, SentencePolicy policy, List<SummaryExample> test) {
    return Baseline.parseList(commaSeparated).stream().map(b -> baseline(b, policy, test)).toList();
  }

  /** One JSON line {@code {"id", "summary"}} per example, in order. */
  private static void writeSummaries(Path file, List<SummaryExample> examples, List<String> summaries)
      throws IOException {
    ObjectMapper json = new ObjectMapper();
    List<String> lines = new ArrayList<>(summaries.size());
    for (int i = 0; i < summaries.size(); i++) {
      var node = json.createObjectNode();
      node.put("id", examples.get(i).id());
      node.put("summary", summaries.get(i));
      lines.add(json.writeValueAsString(node));
    }
    AtomicFiles.writeLines(file, lines);
  }

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

    /** Per-document F1 of {@code type}, in test order. */
    public double[] fmeasures(RougeType type) {
      return result.perExample().stream().mapToDouble(scores -> scores.get(type).fmeasure()).toArray();
    }

    /**
     * The paired permutation test of this system against {@code other} on each type's per-document
     * F1 (first: this system).
     */
    public Map<RougeType, PairedPermutationTest> pairedWith(Scored other) {
      if (other.result.perExample().size() != result.perExample().size()) {
        throw new IllegalArgumentException(system + " and " + other.system + " were scored on different test data");
      }
      Map<RougeType, PairedPermutationTest> tests = new LinkedHashMap<>();
      for (RougeType t : TYPES) {
        tests.put(t, PairedPermutationTest.of(fmeasures(t), other.fmeasures(t)));
      }
      return tests;
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

  /**
   * Headline table (systems then baselines; 95% bootstrap intervals), the paired tests of the
   * first row against the others, if given, and training curves if any.
   */
  public static Report report(String title, List<Scored> systems, List<Paired> paired, Provenance provenance,
      Path trainLog, String note) {
    MetricsTableSection.Builder table = MetricsTableSection.builder("ROUGE F1 x 100 (mean over examples)",
        TYPES.stream().map(RougeType::name).toArray(String[]::new)).decimals(2);
    for (Scored s : systems) {
      table.row(s.row());
    }
    Report.Builder report = Report.builder(title).provenance(provenance).metrics(table.build());
    if (!paired.isEmpty()) {
      report.metrics(pairedTests(systems.get(0).system(), paired));
    }
    if (note != null) {
      report.text("Notes", note);
    }
    if (trainLog != null && Files.isRegularFile(trainLog)) {
      report.trainingCurves("Training", trainLog);
    }
    return report.build();
  }

  /** Per other row: the model's mean F1 minus theirs (x 100) and the permutation p-value, per type. */
  private static MetricsTableSection pairedTests(String model, List<Paired> paired) {
    List<String> columns = new ArrayList<>();
    for (RougeType t : TYPES) {
      columns.add(t.name() + "_diff");
      columns.add(t.name() + "_p");
    }
    MetricsTableSection.Builder table = MetricsTableSection.builder("Paired with " + model
            + ": its mean F1 x 100 minus the row's, and the permutation p-value", columns.toArray(String[]::new))
        .decimals(4).unranked(columns.toArray(String[]::new));
    for (Paired p : paired) {
      Map<String, Double> values = new LinkedHashMap<>();
      p.tests().forEach((type, t) -> {
        values.put(type.name() + "_diff", 100 * t.meanDifference());
        values.put(type.name() + "_p", t.pValue());
      });
      table.row(SystemRow.baseline(p.other(), values));
    }
    return table.build();
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
