package org.mlmsuite.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Locale;
import java.util.List;
import java.util.concurrent.Callable;
import org.mlmsuite.eval.report.Provenance;
import org.mlmsuite.eval.report.Report;
import org.mlmsuite.eval.report.ReportWriter;
import org.mlmsuite.backbone.seq2seq.GenerationOptions;
import org.mlmsuite.backbone.seq2seq.Seq2SeqTrainingConfig;
import org.mlmsuite.backbone.train.TrainingProgress;
import org.mlmsuite.datasets.SummaryExample;
import org.mlmsuite.summarization.AbstractiveTraining;
import org.mlmsuite.summarization.Baseline;
import org.mlmsuite.summarization.ExtractiveTraining;
import org.mlmsuite.summarization.Summarizer;
import org.mlmsuite.summarization.SentencePolicy;
import org.mlmsuite.summarization.SummaryData;
import org.mlmsuite.summarization.SummaryEvaluation;
import org.mlmsuite.summarization.SummaryOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code mlm summarize baseline|train|eval|run}: extractive (BertSumExt) and abstractive (the shared
 * BERT2BERT encoder-decoder) summarization and their ROUGE harness.
 */
@Command(
    name = "summarize", header = "Train, evaluate and run extractive or abstractive summarizers; score baselines.",
    mixinStandardHelpOptions = true,
    description = {
        "Summarize documents (DialogSum or any JSONL/CSV with document and summary fields):",
        "Lead-N/Longest-N baselines, an extractive BertSumExt model or an abstractive encoder-decoder",
        "(BERT2BERT, warm-started from a backbone) trained with --mode, ROUGE reports with baselines."},
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

  /** {@code extractive} or {@code abstractive}, case-insensitive. */
  static boolean abstractive(String mode) {
    if (mode.equalsIgnoreCase("extractive")) {
      return false;
    }
    if (mode.equalsIgnoreCase("abstractive")) {
      return true;
    }
    throw new IllegalArgumentException("--mode: unknown mode '" + mode + "' (use extractive or abstractive)");
  }

  /** Rejects options given explicitly that the other mode would silently ignore. */
  static void rejectOptions(CommandSpec spec, String mode, String... options) {
    for (String option : options) {
      if (spec.commandLine().getParseResult().hasMatchedOption(option)) {
        throw new IllegalArgumentException(option + " does not apply to " + mode + " summarization");
      }
    }
  }

  /** Abstractive decoding flags; unset ones fall back to the model's saved defaults. */
  static final class DecodeOptions {
    @Option(names = "--beam", description = "Abstractive: beam size, 1 = greedy (default: the model's).")
    Integer beam;

    @Option(names = "--length-penalty", description = "Abstractive: length penalty alpha (default: the model's).")
    Double lengthPenalty;

    @Option(names = "--min-length", description = "Abstractive: minimum summary word pieces (default: the model's).")
    Integer minLength;

    @Option(names = "--max-length", description = "Abstractive: maximum summary word pieces, EOS included (default: the model's).")
    Integer maxLength;

    @Option(names = "--no-repeat-ngram", description = "Abstractive: block repeated word-piece n-grams of this size, 0 = off (default: the model's).")
    Integer noRepeatNgram;

    SummaryOptions resolve(SummaryOptions model) {
      return new SummaryOptions(beam != null ? beam : model.beamSize(),
          lengthPenalty != null ? lengthPenalty : model.lengthPenalty(),
          minLength != null ? minLength : Math.min(model.minLength(), (maxLength != null ? maxLength : model.maxLength()) - 1),
          maxLength != null ? maxLength : model.maxLength(),
          noRepeatNgram != null ? noRepeatNgram : model.noRepeatNgramSize());
    }

    static String describe(SummaryOptions o) {
      return String.format(Locale.ROOT, "%s, min length %d, max length %d, no-repeat %s",
          o.beamSize() == 1 ? "greedy" : "beam " + o.beamSize() + ", length penalty " + o.lengthPenalty(),
          o.minLength(), o.maxLength(), o.noRepeatNgramSize() == 0 ? "off" : o.noRepeatNgramSize() + "-grams");
    }
  }

  static final String[] DECODE_FLAGS = {"--beam", "--length-penalty", "--min-length", "--max-length", "--no-repeat-ngram"};

  @Command(name = "train", header = "Train an extractive (BertSumExt) or abstractive (BERT2BERT) summarizer.", mixinStandardHelpOptions = true,
      description = {"Train a summarizer. --mode extractive (default): BertSumExt, per-sentence [CLS] scores on greedy",
          "ROUGE oracle labels. --mode abstractive: a BERT2BERT encoder-decoder warm-started from the backbone",
          "(--no-pretraining: random init, same shape), document -> first reference, label-smoothed",
          "cross-entropy; sources cut at the backbone's max positions (counted); with --dev the lowest dev loss",
          "is exported. Flags marked 'abstractive'/'extractive' apply to that mode only."})
  static final class Train implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin FieldOptions fields;

    @Option(names = "--backbone", required = true, description = "Backbone model directory (kind 'backbone').")
    Path backbone;

    @Option(names = "--train", required = true, description = "Training data: file or NAME[:SPLIT] (default split train).")
    String train;

    @Option(names = "--out", required = true, description = "Summarizer directory to write (also holds the resumable run).")
    Path out;

    @Option(names = "--mode", defaultValue = "extractive", description = "extractive (default) or abstractive.")
    String mode;

    @Option(names = "--k", defaultValue = "3", description = "Extractive: sentences per summary at inference (default ${DEFAULT-VALUE}).")
    int k;

    @Option(names = "--oracle-k", defaultValue = "3", description = "Extractive: most sentences in an oracle label set (default ${DEFAULT-VALUE}).")
    int oracleK;

    @Option(names = "--split-policy", defaultValue = "auto", description = "Extractive: turns (one unit per dialogue line), sentences, or auto (default).")
    String policy;

    @Option(names = "--no-trigram-blocking", description = "Extractive: do not skip candidates sharing a trigram with chosen sentences.")
    boolean noBlocking;

    @Option(names = "--steps", defaultValue = "1000", description = "Optimizer steps (default ${DEFAULT-VALUE}).")
    long steps;

    @Option(names = "--batch-size", defaultValue = "8", description = "Documents per step (default ${DEFAULT-VALUE}).")
    int batchSize;

    @Option(names = "--lr", description = "Peak learning rate (default 5e-5 extractive, 1e-4 abstractive); 10%% warmup, linear decay.")
    Double lr;

    @Option(names = "--max-length", defaultValue = "512", description = "Extractive: tokens per document; later sentences are cut (counted) (default ${DEFAULT-VALUE}).")
    int maxLength;

    @Option(names = "--dev", description = "Abstractive: dev data (file or NAME[:SPLIT], e.g. dialogsum:dev) for the dev loss and early stopping.")
    String dev;

    @Option(names = "--max-dev-examples", defaultValue = "500", description = "Abstractive: dev examples scored per evaluation (default ${DEFAULT-VALUE}; 0: all).")
    int maxDev;

    @Option(names = "--eval-every", defaultValue = "0", description = "Abstractive: steps between dev evaluations (default: only at the end).")
    int evalEvery;

    @Option(names = "--patience", defaultValue = "0", description = "Abstractive: stop after this many dev evaluations without improvement (0: never).")
    int patience;

    @Option(names = "--checkpoint-every", defaultValue = "0", description = "Abstractive: steps between resumable checkpoints (0: at the end and at each new best).")
    int checkpointEvery;

    @Option(names = "--max-source-length", description = "Abstractive: document word pieces incl. [CLS]/[SEP]; longer ones are cut and counted (default: the backbone's max positions).")
    Integer maxSource;

    @Option(names = "--max-target-length", description = "Abstractive: summary word pieces incl. [CLS]/[SEP] for training, and the saved maximum generated length (default 128, at most the backbone's positions).")
    Integer maxTarget;

    @Option(names = "--label-smoothing", defaultValue = "0.1", description = "Abstractive: label smoothing epsilon (default ${DEFAULT-VALUE}).")
    double labelSmoothing;

    @Option(names = "--cross-attention-init", defaultValue = "0.1", description = "Abstractive: std of the new cross-attention weights (default ${DEFAULT-VALUE}).")
    double crossInit;

    @Option(names = "--beam", defaultValue = "4", description = "Abstractive: default beam size saved with the model (default ${DEFAULT-VALUE}).")
    int beam;

    @Option(names = "--length-penalty", defaultValue = "1.0", description = "Abstractive: default length penalty alpha saved with the model (default ${DEFAULT-VALUE}).")
    double lengthPenalty;

    @Option(names = "--min-length", description = "Abstractive: default minimum summary word pieces saved with the model (default: the 5th percentile of the training summaries).")
    Integer minLength;

    @Option(names = "--no-repeat-ngram", defaultValue = "3", description = "Abstractive: default no-repeat n-gram size saved with the model, 0 = off (default ${DEFAULT-VALUE}).")
    int noRepeatNgram;

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
      if (abstractive(mode)) {
        rejectOptions(spec, "abstractive", "--k", "--oracle-k", "--split-policy", "--no-trigram-blocking", "--max-length");
        return trainAbstractive();
      }
      rejectOptions(spec, "extractive", "--dev", "--max-dev-examples", "--eval-every", "--patience", "--checkpoint-every",
          "--max-source-length", "--max-target-length", "--label-smoothing", "--cross-attention-init", "--beam",
          "--length-penalty", "--min-length", "--no-repeat-ngram");
      SummaryData data = fields.read(train, "train");
      var examples = firstExamples(data);
      SentencePolicy p = policy.equalsIgnoreCase("auto") ? null : SentencePolicy.parse(policy);
      ExtractiveTraining.Settings settings = ExtractiveTraining.Settings.defaults()
          .withSteps(steps, batchSize, lr != null ? lr : 5e-5).withLength(maxLength)
          .withSelection(k, oracleK, p, !noBlocking).withSeed(seed, noPretraining);
      var err = spec.commandLine().getErr();
      ExtractiveTraining.Result r = new ExtractiveTraining(m -> { err.println(m); err.flush(); },
          TrainingProgress.toStderr()).run(new ExtractiveTraining.Request(backbone, examples,
              describe(data, examples), settings, out, resume));
      var o = spec.commandLine().getOut();
      o.printf(Locale.ROOT, "summarizer: %s (%d steps, last loss %.4f, %d of %d documents truncated)%n", out,
          r.summary().step(), r.summary().lastLoss(), r.truncatedTrain(), examples.size());
      o.flush();
      return 0;
    }

    private Integer trainAbstractive() {
      Seq2SeqTrainingConfig defaults = AbstractiveTraining.defaults(backbone, steps);
      int source = maxSource != null ? maxSource : defaults.maxSourceLength();
      int target = maxTarget != null ? maxTarget : defaults.maxTargetLength();
      Seq2SeqTrainingConfig cfg = defaults.withBatch(batchSize, lr != null ? lr : defaults.learningRate())
          .withSeed(seed).withLengths(source, target).withModel(labelSmoothing, crossInit, noPretraining)
          .withEvaluation(evalEvery, patience, maxDev).withCheckpointEvery(checkpointEvery)
          .withGeneration(new GenerationOptions(beam, lengthPenalty, target, 0, noRepeatNgram));
      SummaryData data = fields.read(train, "train");
      var examples = firstExamples(data);
      SummaryData devData = dev == null ? null : fields.read(dev, "dev");
      var err = spec.commandLine().getErr();
      AbstractiveTraining.Result r = new AbstractiveTraining(m -> { err.println(m); err.flush(); },
          TrainingProgress.toStderr()).run(new AbstractiveTraining.Request(backbone, examples,
              describe(data, examples), devData == null ? List.of() : devData.examples(),
              devData == null ? null : devData.source(), cfg, minLength, out, resume));
      var o = spec.commandLine().getOut();
      o.printf(Locale.ROOT, "summarizer: %s (abstractive; step %d exported of %d, %.1f s; %d of %d documents truncated "
              + "to %d word pieces)%n", out, r.training().exportedStep(), r.training().summary().step(),
          r.training().summary().elapsedSeconds(), r.truncatedDocuments(), r.trainDocuments(), source);
      if (!r.training().dev().isEmpty()) {
        o.printf(Locale.ROOT, "dev: loss %.4f  perplexity %.2f  token accuracy %.4f%n", r.training().dev().get("dev_loss"),
            r.training().dev().get("dev_perplexity"), r.training().dev().get("dev_token_accuracy"));
      }
      o.flush();
      return 0;
    }

    private List<SummaryExample> firstExamples(SummaryData data) {
      return maxTrain > 0 && maxTrain < data.size() ? data.examples().subList(0, maxTrain) : data.examples();
    }

    private static String describe(SummaryData data, List<SummaryExample> examples) {
      return data.source() + (examples.size() < data.size() ? " (first " + examples.size() + ")" : "");
    }
  }

  @Command(name = "eval", header = "ROUGE-1/2/L/Lsum of a summarizer on test data, beside baselines.", mixinStandardHelpOptions = true,
      description = {"ROUGE-1/2/L/Lsum F1 of a summarizer (either mode) on test data, max over references, 95%% bootstrap",
          "intervals, with Lead-N/Longest-N baselines in the same table; writes report.json/md/html."})
  static final class Eval implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin FieldOptions fields;
    @Mixin DecodeOptions decode;

    @Option(names = "--model", required = true, description = "Summarizer directory.")
    Path model;

    @Option(names = "--test", required = true, description = "Test data: file or NAME[:SPLIT] (e.g. dialogsum:test).")
    String test;

    @Option(names = "--baselines", defaultValue = "lead-3,longest-3", description = "Baselines in the same table (default ${DEFAULT-VALUE}; 'none' for none).")
    String baselines;

    @Option(names = "--k", description = "Extractive: sentences per summary (default: the model's).")
    Integer k;

    @Option(names = "--summaries", description = "Also write the model's summaries here as JSON lines {\"id\", \"summary\"} (id: the dataset's, or file:line).")
    Path summariesFile;

    @Option(names = "--max-test-examples", defaultValue = "0", description = "Score only the first N test documents (0: all).")
    int maxTest;

    @Option(names = "--report", description = "Report directory (default: <model>/eval).")
    Path reportDir;

    @Override
    public Integer call() throws IOException {
      long start = System.nanoTime();
      try (Summarizer s = Summarizer.load(model)) {
        if (s.isAbstractive()) {
          rejectOptions(spec, "abstractive", "--k");
        } else {
          rejectOptions(spec, "extractive", DECODE_FLAGS);
        }
        SummaryOptions options = s.isAbstractive() ? decode.resolve(s.defaultOptions()) : null;
        int kk = k != null ? k : s.info().k();
        SummaryData data = first(fields.read(test, "test"), maxTest);
        List<String> documents = data.examples().stream().map(SummaryExample::document).toList();
        long truncated = documents.stream().filter(s::truncated).count();
        var err = spec.commandLine().getErr();
        err.printf(Locale.ROOT, "summarize: %d documents, %s; %d truncated to %d word pieces%n", data.size(),
            options != null ? DecodeOptions.describe(options) : "extractive k=" + kk, truncated, s.info().maxLength());
        err.flush();
        List<String> summaries = options != null ? s.summarizeAll(documents, options) : s.summarizeAll(documents, kk);
        double seconds = (System.nanoTime() - start) / 1e9;
        List<SummaryEvaluation.Scored> rows = new ArrayList<>();
        rows.add(SummaryEvaluation.score(model.getFileName().toString(), false, data.examples(), summaries));
        if (!baselines.equalsIgnoreCase("none")) {
          for (Baseline b : Baseline.parseList(baselines)) {
            rows.add(SummaryEvaluation.baseline(b, s.info().policy(), data.examples()));
          }
        }
        Provenance provenance = Provenance.builder()
            .command("mlm", spec.commandLine().getParseResult().originalArgs().toArray(String[]::new))
            .dataset(data.name(), data.split(), data.size(), data.source())
            .modelConfig(s.info())
            .seed(s.info().provenance().seed())
            .timing("summarize", seconds).build();
        String how = options != null
            ? "Abstractive (BERT2BERT encoder-decoder), " + DecodeOptions.describe(options) + " (word pieces)"
            : "Extractive, k=" + kk + ", trigram blocking " + s.info().trigramBlocking();
        Report report = SummaryEvaluation.report("Summarization: " + model.getFileName() + " on " + data.source(), rows,
            provenance, model.resolve("train-log.jsonl"), how + ". Sentence policy " + s.info().sentencePolicy()
                + " (baselines). " + truncated + " of " + data.size() + " test documents truncated to "
                + s.info().maxLength() + " word pieces. ROUGE F1 x 100 (rouge-score exact, Porter stemmer on), "
                + "max over references, 95% bootstrap intervals.");
        Path dir = reportDir != null ? reportDir : model.resolve("eval");
        new ReportWriter().write(report, dir);
        if (summariesFile != null) {
          writeSummaries(summariesFile, data.examples(), summaries);
        }
        var out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "%s: %d examples (%d truncated)%n", data.source(), data.size(), truncated);
        out.print(SummaryEvaluation.table(rows));
        out.printf(Locale.ROOT, "report: %s%n", dir.resolve(ReportWriter.HTML));
        out.flush();
      }
      return 0;
    }

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
      AtomicTextFile.writeLines(file, lines);
    }
  }

  @Command(name = "run", header = "Summarize JSON lines from stdin, one summary per line.", mixinStandardHelpOptions = true,
      description = {"Summarize JSON lines from stdin: each line an object with a \"document\" field (dialogues",
          "contain newlines, so plain lines would not do). Writes one JSON line {\"summary\": ...} per input,",
          "in order, keeping an \"id\" field if present. Either mode; decoding flags apply to abstractive models."})
  static final class Run implements Callable<Integer> {
    private static final int BATCH = 16;
    @Spec CommandSpec spec;
    @Mixin DecodeOptions decode;

    @Option(names = "--model", required = true, description = "Summarizer directory.")
    Path model;

    @Option(names = "--k", description = "Extractive: sentences per summary (default: the model's).")
    Integer k;

    @Option(names = "--document-field", defaultValue = "document",
        description = "JSON field holding the document (default: ${DEFAULT-VALUE}; DialogSum files say dialogue).")
    String documentField;

    @Override
    public Integer call() {
      ObjectMapper json = new ObjectMapper();
      var out = spec.commandLine().getOut();
      try (Summarizer s = Summarizer.load(model);
          BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
        if (s.isAbstractive()) {
          rejectOptions(spec, "abstractive", "--k");
        } else {
          rejectOptions(spec, "extractive", DECODE_FLAGS);
        }
        SummaryOptions options = s.isAbstractive() ? decode.resolve(s.defaultOptions()) : null;
        int kk = k != null ? k : s.info().k();
        List<JsonNode> pending = new ArrayList<>();
        String line;
        long n = 0;
        while ((line = in.readLine()) != null) {
          n++;
          if (line.isBlank()) {
            pending.add(null); // a blank line out keeps the output line-aligned with the input
            continue;
          }
          JsonNode node;
          try {
            node = json.readTree(line);
          } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("stdin:" + n + ": not a JSON object (" + e.getOriginalMessage() + ")");
          }
          JsonNode doc = node == null ? null : node.get(documentField);
          if (doc == null || !doc.isTextual() || doc.asText().isBlank()) {
            throw new IllegalArgumentException("stdin:" + n + ": field '" + documentField
                + "' is missing, empty or not a string");
          }
          pending.add(node);
          if (pending.size() == BATCH) {
            flush(s, options, kk, pending, json, out);
          }
        }
        flush(s, options, kk, pending, json, out);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return 0;
    }

    /** Summarizes the pending documents in one batch and prints a line for each entry (blank for null). */
    private void flush(Summarizer s, SummaryOptions options, int k, List<JsonNode> pending, ObjectMapper json,
        java.io.PrintWriter out) throws IOException {
      List<String> documents = pending.stream().filter(java.util.Objects::nonNull)
          .map(node -> node.get(documentField).asText()).toList();
      List<String> summaries = documents.isEmpty() ? List.of()
          : options != null ? s.summarizeAll(documents, options) : s.summarizeAll(documents, k);
      java.util.Iterator<String> next = summaries.iterator();
      for (JsonNode node : pending) {
        if (node == null) {
          out.println();
          continue;
        }
        var result = json.createObjectNode();
        if (node.has("id")) {
          result.set("id", node.get("id"));
        }
        result.put("summary", next.next());
        out.println(json.writeValueAsString(result));
      }
      out.flush();
      pending.clear();
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
