package org.mlmsuite.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Locale;
import java.util.List;
import java.util.concurrent.Callable;
import org.mlmsuite.eval.report.Provenance;
import org.mlmsuite.eval.report.Report;
import org.mlmsuite.eval.report.ReportWriter;
import org.mlmsuite.backbone.train.TrainingProgress;
import org.mlmsuite.summarization.Baseline;
import org.mlmsuite.summarization.ExtractiveTraining;
import org.mlmsuite.summarization.Summarizer;
import org.mlmsuite.summarization.SentencePolicy;
import org.mlmsuite.summarization.SummaryData;
import org.mlmsuite.summarization.SummaryEvaluation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code mlm summarize baseline|train|eval|run}: extractive summarization and its ROUGE harness. */
@Command(
    name = "summarize",
    mixinStandardHelpOptions = true,
    description = {
        "Summarize documents (DialogSum or any JSONL/CSV with document and summary fields):",
        "Lead-N/Longest-N baselines, an extractive BertSumExt model on a backbone, ROUGE reports."},
    subcommands = {SummarizeCommand.BaselineCmd.class, SummarizeCommand.Train.class, SummarizeCommand.Eval.class,
        SummarizeCommand.Run.class})
public final class SummarizeCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** Where document and reference are in a JSONL/CSV; catalog datasets ignore these. */
  static final class FieldOptions {
    @Option(names = "--document-field", description = "Document field/column (default: document).")
    String document;

    @Option(names = "--summary-field", split = ",", description = "Reference summary field(s)/column(s), comma separated (default: summary).")
    List<String> summaries;

    @Option(names = "--data-dir", description = "Dataset mirror for catalog names (default: $MLM_DATA_DIR).")
    Path dataDir;

    SummaryData read(String spec, String defaultSplit) {
      return SummaryData.read(spec, defaultSplit, document, summaries, dataDir);
    }
  }

  @Command(name = "baseline", mixinStandardHelpOptions = true,
      description = "Score model-free baselines (lead-N, longest-N) with ROUGE; no model needed.")
  static final class BaselineCmd implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin FieldOptions fields;

    @Option(names = "--test", required = true, description = "Test data: file or NAME[:SPLIT] (e.g. dialogsum:test).")
    String test;

    @Option(names = {"--baseline", "--baselines"}, defaultValue = "lead-3,longest-3", description = "Comma-separated baselines (default ${DEFAULT-VALUE}).")
    String baselines;

    @Option(names = "--split-policy", defaultValue = "auto", description = "Sentence units: turns (one per dialogue line), sentences, or auto (default).")
    String policy;

    @Option(names = "--report", description = "Report directory (default: none).")
    Path reportDir;

    @Override
    public Integer call() {
      long start = System.nanoTime();
      SummaryData data = fields.read(test, "test");
      SentencePolicy sentencePolicy = resolvePolicy(policy, data);
      List<SummaryEvaluation.Scored> rows = new ArrayList<>();
      for (Baseline b : Baseline.parseList(baselines)) {
        rows.add(SummaryEvaluation.baseline(b, sentencePolicy, data.examples()));
      }
      var out = spec.commandLine().getOut();
      out.printf("%s: %d examples, sentence policy %s%n", data.source(), data.size(), sentencePolicy.cliName());
      out.print(SummaryEvaluation.table(rows));
      if (reportDir != null) {
        Provenance provenance = Provenance.builder()
            .command("mlm", spec.commandLine().getParseResult().originalArgs().toArray(String[]::new))
            .dataset(data.name(), data.split(), data.size(), data.source())
            .timing("eval", (System.nanoTime() - start) / 1e9).build();
        Report report = SummaryEvaluation.report("Summarization baselines on " + data.source(), rows, provenance, null,
            "Sentence policy: " + sentencePolicy.cliName());
        new ReportWriter().write(report, reportDir);
        out.printf("report: %s%n", reportDir.resolve(ReportWriter.HTML));
      }
      out.flush();
      return 0;
    }
  }

  /** Summarization modes; abstractive needs the shared seq2seq package (not merged yet). */
  static void requireExtractive(String mode) {
    if (mode.equalsIgnoreCase("extractive")) {
      return;
    }
    if (mode.equalsIgnoreCase("abstractive")) {
      throw new IllegalArgumentException("--mode abstractive is not available yet (it needs the shared seq2seq "
          + "encoder-decoder); use --mode extractive");
    }
    throw new IllegalArgumentException("--mode: unknown mode '" + mode + "' (use extractive or abstractive)");
  }

  @Command(name = "train", mixinStandardHelpOptions = true,
      description = "Train an extractive summarizer (BertSumExt: per-sentence [CLS] scores, greedy ROUGE oracle labels).")
  static final class Train implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin FieldOptions fields;

    @Option(names = "--backbone", required = true, description = "Backbone model directory (kind 'backbone').")
    Path backbone;

    @Option(names = "--train", required = true, description = "Training data: file or NAME[:SPLIT] (default split train).")
    String train;

    @Option(names = "--out", required = true, description = "Summarizer directory to write (also holds the resumable run).")
    Path out;

    @Option(names = "--mode", defaultValue = "extractive", description = "extractive (abstractive: not available yet).")
    String mode;

    @Option(names = "--k", defaultValue = "3", description = "Sentences per summary at inference (default ${DEFAULT-VALUE}).")
    int k;

    @Option(names = "--oracle-k", defaultValue = "3", description = "Most sentences in an oracle label set (default ${DEFAULT-VALUE}).")
    int oracleK;

    @Option(names = "--split-policy", defaultValue = "auto", description = "turns (one unit per dialogue line), sentences, or auto (default).")
    String policy;

    @Option(names = "--no-trigram-blocking", description = "Do not skip candidates sharing a trigram with chosen sentences.")
    boolean noBlocking;

    @Option(names = "--steps", defaultValue = "1000", description = "Optimizer steps (default ${DEFAULT-VALUE}).")
    long steps;

    @Option(names = "--batch-size", defaultValue = "8", description = "Documents per step (default ${DEFAULT-VALUE}).")
    int batchSize;

    @Option(names = "--lr", defaultValue = "5e-5", description = "Peak learning rate (default ${DEFAULT-VALUE}); 10% warmup, linear decay.")
    double lr;

    @Option(names = "--max-length", defaultValue = "512", description = "Tokens per document; later sentences are cut (counted) (default ${DEFAULT-VALUE}).")
    int maxLength;

    @Option(names = "--max-train-examples", defaultValue = "0", description = "Use only the first N training documents (0: all).")
    int maxTrain;

    @Option(names = "--seed", defaultValue = "42", description = "Seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--no-pretraining", description = "Random init with the backbone's config and vocabulary (baseline).")
    boolean noPretraining;

    @Option(names = "--resume", description = "Continue the run in --out from its newest checkpoint.")
    boolean resume;

    @Override
    public Integer call() {
      requireExtractive(mode);
      SummaryData data = fields.read(train, "train");
      var examples = maxTrain > 0 && maxTrain < data.size() ? data.examples().subList(0, maxTrain) : data.examples();
      SentencePolicy p = policy.equalsIgnoreCase("auto") ? null : SentencePolicy.parse(policy);
      ExtractiveTraining.Settings settings = ExtractiveTraining.Settings.defaults()
          .withSteps(steps, batchSize, lr).withLength(maxLength).withSelection(k, oracleK, p, !noBlocking)
          .withSeed(seed, noPretraining);
      var err = spec.commandLine().getErr();
      ExtractiveTraining.Result r = new ExtractiveTraining(m -> { err.println(m); err.flush(); },
          TrainingProgress.toStderr()).run(new ExtractiveTraining.Request(backbone, examples,
              data.source() + (examples.size() < data.size() ? " (first " + examples.size() + ")" : ""), settings, out, resume));
      var o = spec.commandLine().getOut();
      o.printf(Locale.ROOT, "summarizer: %s (%d steps, last loss %.4f, %d of %d documents truncated)%n", out,
          r.summary().step(), r.summary().lastLoss(), r.truncatedTrain(), examples.size());
      o.flush();
      return 0;
    }
  }

  @Command(name = "eval", mixinStandardHelpOptions = true,
      description = "ROUGE of a summarizer (and baselines) on test data; writes a report.")
  static final class Eval implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin FieldOptions fields;

    @Option(names = "--model", required = true, description = "Summarizer directory.")
    Path model;

    @Option(names = "--test", required = true, description = "Test data: file or NAME[:SPLIT] (e.g. dialogsum:test).")
    String test;

    @Option(names = "--baselines", defaultValue = "lead-3,longest-3", description = "Baselines in the same table (default ${DEFAULT-VALUE}; 'none' for none).")
    String baselines;

    @Option(names = "--k", description = "Sentences per summary (default: the model's).")
    Integer k;

    @Option(names = "--max-test-examples", defaultValue = "0", description = "Score only the first N test documents (0: all).")
    int maxTest;

    @Option(names = "--report", description = "Report directory (default: <model>/eval).")
    Path reportDir;

    @Override
    public Integer call() {
      long start = System.nanoTime();
      try (Summarizer s = Summarizer.load(model)) {
        SummaryData data = first(fields.read(test, "test"), maxTest);
        int kk = k != null ? k : s.info().k();
        List<SummaryEvaluation.Scored> rows = new ArrayList<>();
        List<String> summaries = s.summarizeAll(data.examples().stream().map(e -> e.document()).toList(), kk);
        rows.add(SummaryEvaluation.score(model.getFileName().toString(), false, data.examples(), summaries));
        double seconds = (System.nanoTime() - start) / 1e9;
        if (!baselines.equalsIgnoreCase("none")) {
          for (Baseline b : Baseline.parseList(baselines)) {
            rows.add(SummaryEvaluation.baseline(b, s.info().policy(), data.examples()));
          }
        }
        Provenance provenance = Provenance.builder()
            .command("mlm", spec.commandLine().getParseResult().originalArgs().toArray(String[]::new))
            .dataset(data.name(), data.split(), data.size(), data.source())
            .modelConfig(s.info())
            .seed(((Number) s.info().provenance().getOrDefault("seed", 0)).longValue())
            .timing("summarize", seconds).build();
        Report report = SummaryEvaluation.report("Summarization: " + model.getFileName() + " on " + data.source(), rows,
            provenance, model.resolve("train-log.jsonl"), "Extractive, k=" + kk + ", sentence policy "
                + s.info().sentencePolicy() + ", trigram blocking " + s.info().trigramBlocking()
                + ". ROUGE F1 x 100 (rouge-score exact, Porter stemmer on), max over references, 95% bootstrap intervals.");
        Path dir = reportDir != null ? reportDir : model.resolve("eval");
        new ReportWriter().write(report, dir);
        var out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "%s: %d examples%n", data.source(), data.size());
        out.print(SummaryEvaluation.table(rows));
        out.printf(Locale.ROOT, "report: %s%n", dir.resolve(ReportWriter.HTML));
        out.flush();
      }
      return 0;
    }
  }

  @Command(name = "run", mixinStandardHelpOptions = true,
      description = {"Summarize JSON lines from stdin: each line an object with a \"document\" field (dialogues",
          "contain newlines, so plain lines would not do). Writes one JSON line {\"summary\": ...} per input,",
          "keeping an \"id\" field if present."})
  static final class Run implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--model", required = true, description = "Summarizer directory.")
    Path model;

    @Option(names = "--k", description = "Sentences per summary (default: the model's).")
    Integer k;

    @Override
    public Integer call() {
      ObjectMapper json = new ObjectMapper();
      var out = spec.commandLine().getOut();
      try (Summarizer s = Summarizer.load(model);
          BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
        int kk = k != null ? k : s.info().k();
        String line;
        long n = 0;
        while ((line = in.readLine()) != null) {
          n++;
          if (line.isBlank()) {
            continue;
          }
          JsonNode node;
          try {
            node = json.readTree(line);
          } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("stdin:" + n + ": not a JSON object (" + e.getOriginalMessage() + ")");
          }
          JsonNode doc = node == null ? null : node.get("document");
          if (doc == null || !doc.isTextual()) {
            throw new IllegalArgumentException("stdin:" + n + ": field 'document' is missing or not a string");
          }
          var result = json.createObjectNode();
          if (node.has("id")) {
            result.set("id", node.get("id"));
          }
          result.put("summary", s.summarize(doc.asText(), kk));
          out.println(json.writeValueAsString(result));
          out.flush();
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return 0;
    }
  }

  /** The first {@code n} examples (0 or at least the size: all), named so reports say it is a subset. */
  static SummaryData first(SummaryData data, int n) {
    if (n <= 0 || n >= data.size()) {
      return data;
    }
    return new SummaryData(data.name(), data.split(), data.source() + " (first " + n + ")",
        data.examples().subList(0, n));
  }

  static SentencePolicy resolvePolicy(String name, SummaryData data) {
    return name.equalsIgnoreCase("auto")
        ? SentencePolicy.detect(data.examples().stream().limit(200).map(e -> e.document()).toList())
        : SentencePolicy.parse(name);
  }
}
