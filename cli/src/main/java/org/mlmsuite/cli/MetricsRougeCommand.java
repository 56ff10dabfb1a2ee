package org.mlmsuite.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.mlmsuite.eval.report.MetricsTableSection;
import org.mlmsuite.eval.report.Provenance;
import org.mlmsuite.eval.report.Report;
import org.mlmsuite.eval.report.ReportWriter;
import org.mlmsuite.eval.rouge.RougeAggregate;
import org.mlmsuite.eval.rouge.RougeEvaluator;
import org.mlmsuite.eval.rouge.RougeScorer;
import org.mlmsuite.eval.rouge.RougeType;
import org.mlmsuite.eval.rouge.Score;
import org.mlmsuite.eval.rouge.SentenceSplit;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mlm metrics rouge}: corpus ROUGE of a hypothesis file against one or more reference files, as JSON. */
@Command(
    name = "rouge",
    mixinStandardHelpOptions = true,
    description = {
        "ROUGE-N, ROUGE-L and ROUGE-Lsum exactly as Google's rouge-score computes them, with bootstrap confidence intervals.",
        "Files hold one segment per line; for rougeLsum, sentences inside a segment are separated by a literal \\n (see --sentence-split)."
    })
public final class MetricsRougeCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--hyp", required = true, paramLabel = "FILE", description = "System outputs, one segment per line.")
  Path hyp;

  @Option(names = "--ref", required = true, paramLabel = "FILE",
      description = "Reference file, line-parallel to --hyp; repeat for several references (best per segment counts).")
  List<Path> refs;

  @Option(names = "--stemmer", description = "Porter-stem tokens longer than 3 characters (rouge-score's use_stemmer=True).")
  boolean stemmer;

  @Option(names = "--types", split = ",", paramLabel = "TYPE", defaultValue = "rouge1,rouge2,rougeL,rougeLsum",
      description = "Comma-separated ROUGE types: rouge1..rouge9, rougeL, rougeLsum (default: ${DEFAULT-VALUE}).")
  List<String> types;

  @Option(names = "--sentence-split", paramLabel = "MODE", defaultValue = "newline-literal",
      description = "How rougeLsum finds sentences in a segment: newline-literal (\\n escapes), none, punctuation (default: ${DEFAULT-VALUE}).")
  String sentenceSplit;

  @Option(names = "--sentence", description = "Print one JSON line of scores per segment instead of the corpus result.")
  boolean sentenceLevel;

  @Option(names = "--bootstrap-samples", paramLabel = "N", defaultValue = "1000", description = "Bootstrap resamples (default: ${DEFAULT-VALUE}).")
  int bootstrapSamples;

  @Option(names = "--confidence", paramLabel = "C", defaultValue = "0.95", description = "Confidence level of the intervals (default: ${DEFAULT-VALUE}).")
  double confidence;

  @Option(names = "--seed", paramLabel = "SEED", defaultValue = "20240607", description = "Seed of the bootstrap resampling (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--report", paramLabel = "DIR",
      description = "Also write report.json, report.md and report.html for the corpus scores into DIR.")
  Path reportDir;

  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  public Integer call() throws IOException {
    RougeScorer scorer = RougeScorer.of(types, stemmer);
    SentenceSplit split = SentenceSplit.parse(sentenceSplit);
    List<String> hypotheses = readSegments(hyp);
    List<List<String>> perFileRefs = new ArrayList<>();
    for (Path ref : refs) {
      List<String> lines = readSegments(ref);
      if (lines.size() != hypotheses.size()) {
        throw new IllegalArgumentException(ref + " has " + lines.size() + " lines but " + hyp + " has "
            + hypotheses.size() + "; references must be line-parallel to the hypotheses");
      }
      perFileRefs.add(lines);
    }
    List<List<String>> referencesPerSegment = new ArrayList<>();
    for (int i = 0; i < hypotheses.size(); i++) {
      List<String> segmentRefs = new ArrayList<>();
      for (List<String> file : perFileRefs) {
        segmentRefs.add(file.get(i));
      }
      referencesPerSegment.add(segmentRefs);
    }
    RougeEvaluator.Result result =
        new RougeEvaluator(scorer, split, confidence, bootstrapSamples, seed).evaluate(hypotheses, referencesPerSegment);

    PrintWriter out = spec.commandLine().getOut();
    if (sentenceLevel) {
      for (int i = 0; i < result.perExample().size(); i++) {
        ObjectNode line = JSON.createObjectNode();
        line.put("segment", i + 1);
        for (Map.Entry<RougeType, Score> e : result.perExample().get(i).entrySet()) {
          ObjectNode s = line.putObject(e.getKey().name());
          s.put("precision", e.getValue().precision());
          s.put("recall", e.getValue().recall());
          s.put("fmeasure", e.getValue().fmeasure());
        }
        out.println(JSON.writeValueAsString(line));
      }
    } else {
      out.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(corpusJson(scorer, split, hypotheses.size(), result)));
    }
    out.flush();
    if (reportDir != null) {
      new ReportWriter().write(report(scorer, split, hypotheses.size(), result), reportDir);
    }
    return 0;
  }

  private Report report(RougeScorer scorer, SentenceSplit split, int segments, RougeEvaluator.Result result) {
    List<String> columns = new ArrayList<>();
    Map<String, Double> values = new LinkedHashMap<>();
    for (Map.Entry<RougeType, RougeAggregate> e : result.corpus().entrySet()) {
      columns.add(e.getKey().name());
      values.put(e.getKey().name(), e.getValue().mean().fmeasure());
    }
    MetricsTableSection.SystemRow row = MetricsTableSection.SystemRow.system(hyp.getFileName().toString(), values);
    for (Map.Entry<RougeType, RougeAggregate> e : result.corpus().entrySet()) {
      row = row.withInterval(e.getKey().name(), e.getValue().low().fmeasure(), e.getValue().high().fmeasure());
    }
    Provenance.Builder provenance = Provenance.builder()
        .command("mlm", commandWords())
        .seed(seed)
        .dataset(hyp.getFileName().toString(), "hypotheses", segments, hyp.toString());
    for (Path ref : refs) {
      provenance.dataset(ref.getFileName().toString(), "references", segments, ref.toString());
    }
    return Report.builder("ROUGE of " + hyp.getFileName())
        .provenance(provenance.build())
        .metrics(MetricsTableSection.builder("ROUGE F-measure (corpus mean, " + Math.round(confidence * 100)
                + "% bootstrap interval)", columns.toArray(String[]::new))
            .row(row)
            .build())
        .text("Method", "Scores computed as Google's rouge-score 0.1.2 computes them; stemmer: "
            + (scorer.usesStemmer() ? "Porter (NLTK_EXTENSIONS)" : "none") + "; sentence split for rougeLsum: "
            + split.cliName() + "; " + refs.size() + " reference(s) per segment, best per segment and type. "
            + "Intervals: " + bootstrapSamples + " bootstrap resamples, seed " + seed + ".")
        .build();
  }

  private ObjectNode corpusJson(RougeScorer scorer, SentenceSplit split, int segments, RougeEvaluator.Result result) {
    ObjectNode root = JSON.createObjectNode();
    root.put("metric", "rouge");
    root.put("compatible_with", "rouge-score 0.1.2 (Google), default tokenizer");
    root.put("hyp", hyp.toString());
    refs.forEach(r -> root.withArray("refs").add(r.toString()));
    root.put("segments", segments);
    root.put("stemmer", scorer.usesStemmer() ? "porter (NLTK_EXTENSIONS, tokens longer than 3 chars)" : "none");
    root.put("sentence_split", split.cliName());
    ObjectNode bootstrap = root.putObject("bootstrap");
    bootstrap.put("samples", bootstrapSamples);
    bootstrap.put("confidence", confidence);
    bootstrap.put("seed", seed);
    bootstrap.put("note", "low/mid/high are percentiles of bootstrap means as in rouge-score (mid = median);"
        + " mean is the plain corpus mean. Same method as rouge-score, but not numpy's random draws,"
        + " so interval ends differ from rouge-score's by bootstrap noise only");
    ObjectNode scores = root.putObject("scores");
    for (Map.Entry<RougeType, RougeAggregate> e : result.corpus().entrySet()) {
      RougeAggregate a = e.getValue();
      ObjectNode type = scores.putObject(e.getKey().name());
      measure(type.putObject("precision"), a.mean().precision(), a.low().precision(), a.mid().precision(), a.high().precision());
      measure(type.putObject("recall"), a.mean().recall(), a.low().recall(), a.mid().recall(), a.high().recall());
      measure(type.putObject("fmeasure"), a.mean().fmeasure(), a.low().fmeasure(), a.mid().fmeasure(), a.high().fmeasure());
    }
    return root;
  }

  /** "metrics rouge" (or however this command is reached) followed by the arguments as given. */
  private String[] commandWords() {
    List<String> words = new ArrayList<>();
    for (CommandLine c = spec.commandLine(); c != null && c.getParent() != null; c = c.getParent()) {
      words.add(0, c.getCommandName());
    }
    if (words.isEmpty()) {
      words.addAll(List.of("metrics", spec.name()));
    }
    words.addAll(spec.commandLine().getParseResult().originalArgs());
    return words.toArray(String[]::new);
  }

  private static void measure(ObjectNode node, double mean, double low, double mid, double high) {
    node.put("mean", mean);
    node.put("low", low);
    node.put("mid", mid);
    node.put("high", high);
  }

  /** Lines of a UTF-8 file; a file with no lines, or bytes that are not UTF-8, are user errors naming the file. */
  static List<String> readSegments(Path file) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException(file + ": no such file");
    } catch (IOException e) {
      throw new IllegalArgumentException(file + ": cannot read (" + e.getMessage() + ")");
    }
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      throw new IllegalArgumentException(file + ": not valid UTF-8 text");
    }
    List<String> lines = text.lines().toList();
    if (lines.isEmpty()) {
      throw new IllegalArgumentException(file + ": file is empty (expected one segment per line)");
    }
    return lines;
  }
}
