package org.mlmsuite.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.to_json;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.when;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.DataFrameReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.mlmsuite.eval.classification.ClassificationReport;
import org.mlmsuite.eval.rouge.RougeAggregate;
import org.mlmsuite.eval.rouge.RougeEvaluator;
import org.mlmsuite.eval.rouge.RougeType;
import org.mlmsuite.summarization.SummaryEvaluation;

/**
 * The {@code spark-submit} entry: reads a table (CSV, TSV, JSON lines, Parquet), runs one task of
 * {@link MlmSpark} over it and writes the result (Parquet or CSV). Rows that cannot be scored, a
 * malformed CSV/JSON record or an empty text, are written aside as JSON lines with a
 * {@code reason} column, never dropped: the job checks that rows read = rows written + bad rows.
 *
 * <pre>
 * spark-submit --class org.mlmsuite.spark.MlmSparkJob spark-0.1.0-SNAPSHOT-spark.jar classify \
 *   --model hdfs:///models/sentiment --input hdfs:///data/reviews.csv --text-column review \
 *   --output hdfs:///scored/reviews
 * </pre>
 */
public final class MlmSparkJob {
  static final String CORRUPT_RECORD = "_corrupt_record";
  static final String REASON = "reason";

  /** What a run did; {@code seconds} is the wall time of the scoring-and-writing job alone. */
  public record Report(String modelPath, long rowsRead, long rowsWritten, long badRows, String output, String badRowsPath,
      double seconds) {
    public double rowsPerSecond() {
      return seconds > 0 ? rowsWritten / seconds : 0;
    }

    String lines() {
      return String.format(Locale.ROOT, "rows read: %d%nrows written: %d (%s)%nbad rows: %d (%s)%n"
          + "throughput: %.1f rows/s (%d rows in %.1f s, model %s)", rowsRead, rowsWritten, output, badRows,
          badRows == 0 ? "none written" : badRowsPath, rowsPerSecond(), rowsWritten, seconds, modelPath);
    }
  }

  private MlmSparkJob() {}

  public static void main(String[] args) {
    JobArguments arguments;
    try {
      arguments = JobArguments.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println("mlm-spark: " + e.getMessage());
      System.err.println(JobArguments.USAGE);
      System.exit(2);
      return;
    }
    SparkSession spark = SparkSession.builder().appName("mlm-spark " + arguments.task()).getOrCreate();
    try {
      System.out.println(JobArguments.EVALUATIONS.contains(arguments.task())
          ? evaluate(spark, arguments) : run(spark, arguments).lines());
    } catch (IllegalArgumentException e) {
      System.err.println("mlm-spark: " + e.getMessage());
      spark.stop();
      System.exit(2);
    }
    spark.stop();
  }

  /** Reads, scores, writes, and counts; a one-line error for bad arguments, input or model folders. */
  public static Report run(SparkSession spark, JobArguments a) {
    requireAbsent(spark, a.output(), "--output");
    requireAbsent(spark, a.badRows(), "--bad-rows");
    Dataset<Row> input = read(spark, a);
    ResultSchema.stringColumn(input.schema(), a.textColumn(), "text");
    if (a.textPairColumn() != null) {
      ResultSchema.stringColumn(input.schema(), a.textPairColumn(), "text pair");
    }
    Dataset<Row> marked = input.withColumn(REASON, reason(input, a));
    long rowsRead = input.count();

    Dataset<Row> good = marked.filter(col(REASON).isNull()).drop(REASON, CORRUPT_RECORD);
    int partitions = a.partitions() > 0 ? a.partitions()
        : Math.max(good.rdd().getNumPartitions(), spark.sparkContext().defaultParallelism());
    Dataset<Row> result = task(good.repartition(partitions), a);
    long start = System.nanoTime();
    write(result, a);
    double seconds = (System.nanoTime() - start) / 1e9;

    marked.filter(col(REASON).isNotNull()).write().json(a.badRows());
    // with its schema: an empty folder has none to infer
    long badRows = spark.read().schema(marked.schema()).json(a.badRows()).count();
    long rowsWritten = readBack(spark, a).count();
    if (rowsRead != rowsWritten + badRows) {
      throw new IllegalStateException("rows read " + rowsRead + " != rows written " + rowsWritten + " + bad rows " + badRows);
    }
    return new Report(a.model(), rowsRead, rowsWritten, badRows, a.output(), a.badRows(), seconds);
  }

  /**
   * Scores a model over the input against its gold column and writes the whole report as
   * {@code <output>/report.json}; returns the headline as the single-machine command prints it.
   * evaluate-classifier: {@link MlmSpark#evaluateClassifier} (samples, accuracy, macro/weighted
   * F1, MCC, as {@code mlm classify eval}); evaluate-translator: {@link MlmSpark#evaluateTranslation}
   * (corpus BLEU and chrF2 with their signatures, as {@code mlm translate eval}); evaluate-summarizer:
   * {@link MlmSpark#evaluateSummarizer} (ROUGE-1/2/L/Lsum F1 x 100 with 95% bootstrap intervals,
   * as {@code mlm summarize eval}). Bad rows are errors here, as in the single-machine evaluations.
   */
  public static String evaluate(SparkSession spark, JobArguments a) {
    requireAbsent(spark, a.output(), "--output");
    Dataset<Row> input = read(spark, a);
    // the reason column reads the text column too: Spark refuses a query of the corrupt-record column alone
    long unscorable = input.withColumn(REASON, reason(input, a)).filter(col(REASON).isNotNull()).count();
    if (unscorable > 0) {
      throw new IllegalArgumentException(a.input() + ": " + unscorable + " rows are malformed or have an empty text;"
          + " an evaluation scores every row (" + a.task().substring("evaluate-".length())
          + " jobs write such rows aside)");
    }
    if (Arrays.asList(input.columns()).contains(CORRUPT_RECORD)) {
      input = input.drop(CORRUPT_RECORD);
    }
    if (a.partitions() > 0) {
      input = input.repartition(a.partitions());
    }
    Path file = new Path(a.output(), "report.json");
    return switch (a.task()) {
      case JobArguments.EVALUATE_CLASSIFIER -> {
        ClassificationReport report = MlmSpark.evaluateClassifier(input, a.model(), a.textColumn(), a.goldColumn(),
            new ClassifyOptions(a.batchSize(), a.textPairColumn(), a.longText()));
        writeJson(spark, file, report);
        yield String.format(Locale.ROOT, "samples: %d%naccuracy: %.4f%nmacro_f1: %.4f%nweighted_f1: %.4f%n"
            + "mcc: %.4f%nreport: %s", report.samples(), report.accuracy(), report.macro().f1(),
            report.weighted().f1(), report.matthewsCorrelation(), file);
      }
      case JobArguments.EVALUATE_TRANSLATOR -> {
        TranslationScores scores = MlmSpark.evaluateTranslation(input, a.model(), a.textColumn(), a.goldColumn(),
            a.batchSize());
        writeJson(spark, file, scores);
        yield String.format(Locale.ROOT, "segments: %d%nBLEU: %.2f%nchrF2: %.2f%nBLEU signature: %s%n"
            + "chrF signature: %s%nreport: %s", scores.segments(), scores.bleu().score(), scores.chrf().score(),
            scores.bleu().signature(), scores.chrf().signature(), file);
      }
      case JobArguments.EVALUATE_SUMMARIZER -> {
        RougeEvaluator.Result result = MlmSpark.evaluateSummarizer(input, a.model(), a.textColumn(), a.goldColumn(),
            a.batchSize());
        Map<String, RougeAggregate> corpus = new LinkedHashMap<>();
        StringBuilder headline = new StringBuilder(String.format(Locale.ROOT, "documents: %d%n",
            result.perExample().size()));
        for (RougeType type : SummaryEvaluation.TYPES) {
          RougeAggregate aggregate = result.corpus().get(type);
          corpus.put(type.name(), aggregate);
          headline.append(String.format(Locale.ROOT, "%s: %.2f (95%% CI %.2f-%.2f)%n", type.name(),
              100 * aggregate.mean().fmeasure(), 100 * aggregate.low().fmeasure(), 100 * aggregate.high().fmeasure()));
        }
        writeJson(spark, file, Map.of("documents", result.perExample().size(), "corpus", corpus));
        yield headline.append("report: ").append(file).toString();
      }
      default -> throw new IllegalArgumentException("not an evaluation: '" + a.task() + "'");
    };
  }

  private static void writeJson(SparkSession spark, Path file, Object value) {
    try (var out = file.getFileSystem(spark.sparkContext().hadoopConfiguration()).create(file, false)) {
      new ObjectMapper().writerWithDefaultPrettyPrinter().writeValue((OutputStream) out, value);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  /** Null for a row the task can score; else why not. */
  private static Column reason(Dataset<Row> input, JobArguments a) {
    Column emptyText = col(a.textColumn()).isNull().or(trim(col(a.textColumn())).equalTo(""));
    if (a.textPairColumn() != null) {
      emptyText = emptyText.or(col(a.textPairColumn()).isNull()).or(trim(col(a.textPairColumn())).equalTo(""));
    }
    Column reason = when(emptyText, lit("empty text column '" + a.textColumn() + "'"
        + (a.textPairColumn() == null ? "" : " or '" + a.textPairColumn() + "'")));
    if (Arrays.asList(input.columns()).contains(CORRUPT_RECORD)) {
      reason = when(col(CORRUPT_RECORD).isNotNull(), lit("malformed " + a.inputFormat() + " record")).otherwise(reason);
    }
    return reason;
  }

  private static Dataset<Row> task(Dataset<Row> rows, JobArguments a) {
    return switch (a.task()) {
      case "classify" -> MlmSpark.classify(rows, a.model(), a.textColumn(),
          new ClassifyOptions(a.batchSize(), a.textPairColumn(), a.longText()));
      case "embed" -> MlmSpark.embed(rows, a.model(), a.textColumn(), a.batchSize());
      case "summarize" -> MlmSpark.summarize(rows, a.model(), a.textColumn(), a.batchSize());
      case "translate" -> MlmSpark.translate(rows, a.model(), a.textColumn(), a.batchSize());
      default -> throw new IllegalArgumentException("unknown task '" + a.task() + "'");
    };
  }

  /**
   * CSV and TSV with a header, RFC 4180 quoting (fields may span lines), every column a string,
   * malformed records kept in {@code _corrupt_record}; JSON lines likewise; Parquet as written.
   */
  static Dataset<Row> read(SparkSession spark, JobArguments a) {
    requireExists(spark, a.input());
    return switch (a.inputFormat()) {
      case "parquet" -> spark.read().parquet(a.input());
      case "json" -> spark.read().option("mode", "PERMISSIVE").option("columnNameOfCorruptRecord", CORRUPT_RECORD)
          .json(a.input());
      default -> {
        StructType header = delimited(spark, a.inputFormat()).csv(a.input()).schema();
        StructType withCorrupt = header.add(CORRUPT_RECORD, DataTypes.StringType, true);
        yield delimited(spark, a.inputFormat()).schema(withCorrupt).option("mode", "PERMISSIVE")
            .option("columnNameOfCorruptRecord", CORRUPT_RECORD).csv(a.input());
      }
    };
  }

  private static DataFrameReader delimited(SparkSession spark, String format) {
    return spark.read().option("header", true).option("multiLine", true).option("escape", "\"")
        .option("encoding", "UTF-8").option("sep", format.equals("tsv") ? "\t" : ",");
  }

  /** Parquet as is; CSV with a header, arrays (embeddings) as JSON text. */
  private static void write(Dataset<Row> result, JobArguments a) {
    if (a.outputFormat().equals("parquet")) {
      result.write().parquet(a.output());
      return;
    }
    Dataset<Row> flat = result;
    for (StructField field : result.schema().fields()) {
      if (field.dataType() instanceof ArrayType) {
        flat = flat.withColumn(field.name(), to_json(col(field.name())));
      }
    }
    flat.write().option("header", true).option("escape", "\"").csv(a.output());
  }

  private static Dataset<Row> readBack(SparkSession spark, JobArguments a) {
    return a.outputFormat().equals("parquet") ? spark.read().parquet(a.output())
        : spark.read().option("header", true).option("multiLine", true).option("escape", "\"").csv(a.output());
  }

  private static void requireExists(SparkSession spark, String path) {
    if (!exists(spark, path)) {
      throw new IllegalArgumentException("--input " + path + " does not exist");
    }
  }

  private static void requireAbsent(SparkSession spark, String path, String option) {
    if (exists(spark, path)) {
      throw new IllegalArgumentException(option + " " + path + " already exists; give a new path or delete it");
    }
  }

  private static boolean exists(SparkSession spark, String path) {
    try {
      Path p = new Path(path);
      FileSystem fs = p.getFileSystem(spark.sparkContext().hadoopConfiguration());
      return fs.exists(p);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot check " + path + ": " + e.getMessage(), e);
    }
  }
}
