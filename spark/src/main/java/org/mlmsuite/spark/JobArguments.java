package org.mlmsuite.spark;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.mlmsuite.classification.LongTextStrategy;

/**
 * The command line of {@link MlmSparkJob}: a task, then {@code --name value} options.
 *
 * @param task classify, embed, summarize, translate; or evaluate-classifier, evaluate-translator,
 *     evaluate-summarizer (score the model against {@code goldColumn})
 * @param model the model folder (local path on every node, file://, hdfs://, s3a://)
 * @param input the table to read
 * @param inputFormat csv, tsv, json (JSON lines) or parquet; from the input's extension when not given
 * @param textColumn the column holding the text (document, source)
 * @param textPairColumn classify only: the second text of a pair model, or null
 * @param output where the result goes (a folder, as Spark writes)
 * @param outputFormat parquet (default) or csv
 * @param badRows where rows that cannot be scored go (JSON lines with a {@code reason}); default {@code <output>-bad-rows}
 * @param batchSize rows per model call
 * @param partitions repartition the input into this many partitions first; 0: keep the input's
 * @param goldColumn evaluations only: the gold label ({@code --label-column}) or reference
 *     ({@code --reference-column}: a string, or for summaries an array of strings in JSON lines/Parquet); else null
 * @param longText classify and evaluate-classifier only: {@code --long-text truncate|head+tail|sliding
 *     [--stride N] [--pool mean|max]}, as {@code mlm classify}'s flags; null: as the model was trained
 */
record JobArguments(String task, String model, String input, String inputFormat, String textColumn,
    String textPairColumn, String output, String outputFormat, String badRows, int batchSize, int partitions,
    String goldColumn, LongTextStrategy longText) {
  static final String EVALUATE_CLASSIFIER = "evaluate-classifier";
  static final String EVALUATE_TRANSLATOR = "evaluate-translator";
  static final String EVALUATE_SUMMARIZER = "evaluate-summarizer";
  static final List<String> EVALUATIONS = List.of(EVALUATE_CLASSIFIER, EVALUATE_TRANSLATOR, EVALUATE_SUMMARIZER);
  static final List<String> TASKS = List.of("classify", "embed", "summarize", "translate", EVALUATE_CLASSIFIER,
      EVALUATE_TRANSLATOR, EVALUATE_SUMMARIZER);
  static final List<String> INPUT_FORMATS = List.of("csv", "tsv", "json", "parquet");
  static final List<String> OUTPUT_FORMATS = List.of("parquet", "csv");
  private static final Set<String> OPTIONS = Set.of("--model", "--input", "--input-format", "--text-column",
      "--text-pair-column", "--output", "--output-format", "--bad-rows", "--batch-size", "--partitions", "--label-column",
      "--reference-column", "--long-text", "--stride", "--pool");
  private static final List<String> LONG_TEXT_OPTIONS = List.of("--long-text", "--stride", "--pool");

  static final String USAGE = "usage: MlmSparkJob classify|embed|summarize|translate --model PATH --input PATH"
      + " --text-column NAME --output PATH [--input-format csv|tsv|json|parquet] [--output-format parquet|csv]"
      + " [--bad-rows PATH] [--batch-size N] [--partitions N] and for classify only [--text-pair-column NAME]"
      + " [--long-text truncate|head+tail|sliding] [--stride N] [--pool mean|max]; or"
      + " MlmSparkJob evaluate-classifier --model PATH --input PATH --text-column NAME --label-column NAME"
      + " --output PATH (a folder for report.json) [--input-format ...] [--batch-size N] [--partitions N]"
      + " [--text-pair-column NAME] [--long-text ...] [--stride N] [--pool mean|max]; or"
      + " MlmSparkJob evaluate-translator|evaluate-summarizer --model PATH --input PATH"
      + " --text-column NAME --reference-column NAME --output PATH [--input-format ...] [--batch-size N]"
      + " [--partitions N]";

  /** Parses {@code args}; a one-line error naming the option for anything missing or wrong. */
  static JobArguments parse(String[] args) {
    if (args.length == 0 || !TASKS.contains(args[0])) {
      throw new IllegalArgumentException((args.length == 0 ? "no task" : "unknown task '" + args[0] + "'")
          + "; expected one of " + TASKS);
    }
    Map<String, String> given = new HashMap<>();
    for (int i = 1; i < args.length; i += 2) {
      if (!OPTIONS.contains(args[i])) {
        throw new IllegalArgumentException("unknown option '" + args[i] + "'");
      }
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException(args[i] + " needs a value");
      }
      given.put(args[i], args[i + 1]);
    }
    String input = required(given, "--input");
    String output = required(given, "--output");
    String inputFormat = oneOf(given.getOrDefault("--input-format", formatOf(input)), INPUT_FORMATS, "--input-format");
    String outputFormat = oneOf(given.getOrDefault("--output-format", "parquet"), OUTPUT_FORMATS, "--output-format");
    String pair = given.get("--text-pair-column");
    if (pair != null && !args[0].equals("classify") && !args[0].equals(EVALUATE_CLASSIFIER)) {
      throw new IllegalArgumentException("--text-pair-column is for classify and " + EVALUATE_CLASSIFIER + " only");
    }
    String gold = goldColumn(args[0], given);
    LongTextStrategy longText = longText(args[0], given);
    return new JobArguments(args[0], required(given, "--model"), input, inputFormat, required(given, "--text-column"),
        pair, output, outputFormat, given.getOrDefault("--bad-rows", output.replaceAll("/+$", "") + "-bad-rows"),
        positive(given, "--batch-size", ClassifyOptions.DEFAULT_BATCH_SIZE, 1), positive(given, "--partitions", 0, 0),
        gold, longText);
  }

  /** The strategy {@code --long-text}, {@code --stride} and {@code --pool} name (errors as {@code mlm classify}'s), or null. */
  private static LongTextStrategy longText(String task, Map<String, String> given) {
    if (LONG_TEXT_OPTIONS.stream().noneMatch(given::containsKey)) {
      return null;
    }
    if (!task.equals("classify") && !task.equals(EVALUATE_CLASSIFIER)) {
      throw new IllegalArgumentException(String.join(", ", LONG_TEXT_OPTIONS) + " are for classify and "
          + EVALUATE_CLASSIFIER + " only");
    }
    Integer stride = given.containsKey("--stride") ? positive(given, "--stride", 0, 1) : null;
    return LongTextStrategy.of(given.get("--long-text"), stride, given.get("--pool"));
  }

  /** --label-column for evaluate-classifier, --reference-column for the other evaluations, neither for the rest. */
  private static String goldColumn(String task, Map<String, String> given) {
    String option = task.equals(EVALUATE_CLASSIFIER) ? "--label-column"
        : EVALUATIONS.contains(task) ? "--reference-column" : null;
    for (String gold : List.of("--label-column", "--reference-column")) {
      if (given.containsKey(gold) && !gold.equals(option)) {
        throw new IllegalArgumentException(gold + " is for " + (gold.equals("--label-column") ? EVALUATE_CLASSIFIER
            : EVALUATE_TRANSLATOR + " and " + EVALUATE_SUMMARIZER) + " only");
      }
    }
    return option == null ? null : required(given, option);
  }

  private static String required(Map<String, String> given, String option) {
    String value = given.get(option);
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(option + " is required");
    }
    return value;
  }

  private static String oneOf(String value, List<String> allowed, String option) {
    if (!allowed.contains(value)) {
      throw new IllegalArgumentException(option + ": '" + value + "' is not one of " + allowed);
    }
    return value;
  }

  private static int positive(Map<String, String> given, String option, int fallback, int minimum) {
    String value = given.get(option);
    if (value == null) {
      return fallback;
    }
    try {
      int n = Integer.parseInt(value);
      if (n >= minimum) {
        return n;
      }
    } catch (NumberFormatException e) {
      // the message below says what is expected
    }
    throw new IllegalArgumentException(option + ": expected a whole number >= " + minimum + ", got '" + value + "'");
  }

  /** csv, tsv, json or parquet from the input's name (.csv, .tsv, .jsonl/.json, .parquet, also gzipped); "unknown" else. */
  static String formatOf(String path) {
    String name = path.toLowerCase(Locale.ROOT).replaceAll("/+$", "").replaceAll("\\.gz$", "");
    if (name.endsWith(".tsv") || name.endsWith(".tab")) {
      return "tsv";
    }
    if (name.endsWith(".jsonl") || name.endsWith(".json")) {
      return "json";
    }
    return name.endsWith(".parquet") ? "parquet" : name.endsWith(".csv") ? "csv" : "unknown (give --input-format)";
  }
}
