package org.mlmsuite.spark;

import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.util.SerializableConfiguration;
import org.mlmsuite.backbone.ModelDirectory;
import org.mlmsuite.classification.ClassifierInfo;
import org.mlmsuite.classification.LongTextStrategy;
import org.mlmsuite.eval.classification.ClassificationReport;
import org.mlmsuite.eval.rouge.RougeEvaluator;

/**
 * mlm-suite model folders on Spark: batch inference over a {@link Dataset} with the same results as
 * the single-machine facades ({@code TextClassifier}, ...) for the same rows.
 *
 * <p>The model folder is given as a path every executor can reach: a local path present on every
 * node, {@code file://}, or any Hadoop file system ({@code hdfs://}, {@code s3a://}), copied to
 * local disk once per executor JVM. Each executor JVM loads each model once and keeps it for every
 * task after that (once per long-text strategy asked for, for classifiers); only the path, a
 * content id and the options are serialized, never a TensorFlow object.
 *
 * <pre>{@code
 * Dataset<Row> reviews = spark.read().option("header", true).csv("hdfs:///data/reviews.csv");
 * Dataset<Row> scored = MlmSpark.classify(reviews, "hdfs:///models/sentiment", "review");
 * scored.select("review", "predicted_label", "model_id").show();
 * }</pre>
 */
public final class MlmSpark {
  public static final String PREDICTED_LABEL = "predicted_label";
  public static final String PROBABILITY_PREFIX = "probability_";
  public static final String MODEL_ID = "model_id";

  private MlmSpark() {}

  /** {@link #classify(Dataset, String, String, ClassifyOptions)} with default options. */
  public static Dataset<Row> classify(Dataset<Row> df, String modelPath, String textColumn) {
    return classify(df, modelPath, textColumn, ClassifyOptions.defaults());
  }

  /**
   * The rows of {@code df} with {@code predicted_label}, {@code probability_<label>} per class (in
   * the model's label order) and {@code model_id} appended. A row whose text is null or blank
   * keeps nulls in the label and probability columns. A text longer than the model's window is
   * read as the model was trained (its saved long-text strategy), or as {@link
   * ClassifyOptions#withLongText} says: truncated, head+tail, or sliding windows whose logits are
   * pooled (mean or max); a stride that does not fit the window is a one-line error here. Lazy,
   * like every Spark transformation.
   */
  public static Dataset<Row> classify(Dataset<Row> df, String modelPath, String textColumn, ClassifyOptions options) {
    Configuration hadoop = df.sparkSession().sparkContext().hadoopConfiguration();
    ModelLocation model = ModelLocation.of(modelPath, hadoop);
    ClassifierInfo info = classifierInfo(model, hadoop);
    StructType input = df.schema();
    int textIndex = ResultSchema.stringColumn(input, textColumn, "text");
    int pairIndex = pairColumn(input, options.textPairColumn(), info, modelPath);
    List<StructField> added = new ArrayList<>();
    added.add(ResultSchema.nullable(PREDICTED_LABEL, DataTypes.StringType));
    for (String label : info.labels()) {
      added.add(ResultSchema.nullable(PROBABILITY_PREFIX + label, DataTypes.DoubleType));
    }
    added.add(ResultSchema.nullable(MODEL_ID, DataTypes.StringType));
    StructType output = ResultSchema.append(input, added.toArray(StructField[]::new));
    ClassifyPartition partition = new ClassifyPartition(model, textIndex, pairIndex, info.labels().size(),
        longText(options.longText(), info), options.batchSize(), hadoopFor(df, model));
    return df.mapPartitions(partition, Encoders.row(output));
  }

  /**
   * The rows of {@code df} with {@code embedding} (array of floats: the mean of the encoder's last
   * hidden states over the text's tokens, as {@code Backbone.embed}) and {@code model_id}
   * appended. {@code modelPath} is a backbone folder or any folder built on one, such as a
   * classifier (its fine-tuned encoder). Null or blank texts get a null embedding.
   */
  public static Dataset<Row> embed(Dataset<Row> df, String modelPath, String textColumn) {
    return embed(df, modelPath, textColumn, ClassifyOptions.DEFAULT_BATCH_SIZE);
  }

  public static Dataset<Row> embed(Dataset<Row> df, String modelPath, String textColumn, int batchSize) {
    return mapText(TextTask.EMBED, df, modelPath, textColumn, batchSize);
  }

  /**
   * The rows of {@code df} with {@code summary} (as {@code Summarizer.summarizeAll} with the
   * model's default options) and {@code model_id} appended; null or blank documents get null.
   */
  public static Dataset<Row> summarize(Dataset<Row> df, String modelPath, String documentColumn) {
    return summarize(df, modelPath, documentColumn, ClassifyOptions.DEFAULT_BATCH_SIZE);
  }

  public static Dataset<Row> summarize(Dataset<Row> df, String modelPath, String documentColumn, int batchSize) {
    return mapText(TextTask.SUMMARIZE, df, modelPath, documentColumn, batchSize);
  }

  /**
   * The rows of {@code df} with {@code translation} (as {@code Translator.translateBatch} with the
   * model's default options) and {@code model_id} appended; null or blank sources get null.
   */
  public static Dataset<Row> translate(Dataset<Row> df, String modelPath, String sourceColumn) {
    return translate(df, modelPath, sourceColumn, ClassifyOptions.DEFAULT_BATCH_SIZE);
  }

  public static Dataset<Row> translate(Dataset<Row> df, String modelPath, String sourceColumn, int batchSize) {
    return mapText(TextTask.TRANSLATE, df, modelPath, sourceColumn, batchSize);
  }

  private static Dataset<Row> mapText(TextTask task, Dataset<Row> df, String modelPath, String textColumn, int batchSize) {
    if (batchSize < 1) {
      throw new IllegalArgumentException("batch size must be at least 1, got " + batchSize);
    }
    Configuration hadoop = df.sparkSession().sparkContext().hadoopConfiguration();
    ModelLocation model = ModelLocation.of(modelPath, hadoop);
    task.check(ModelDirectory.open(model.localFolder(hadoop), null));
    int textIndex = ResultSchema.stringColumn(df.schema(), textColumn, "text");
    StructType output = ResultSchema.append(df.schema(), ResultSchema.nullable(task.column(), task.type()),
        ResultSchema.nullable(MODEL_ID, DataTypes.StringType));
    TextPartition partition = new TextPartition(task, model, textIndex, batchSize, hadoopFor(df, model));
    return df.mapPartitions(partition, Encoders.row(output));
  }

  /**
   * Scores the classifier at {@code modelPath} over a labeled table on the cluster: the same
   * {@link ClassificationReport} (accuracy, per-class and averaged precision/recall/F1, MCC,
   * confusion matrix, over the model's labels) that {@code mlm classify eval} gives for the same
   * rows, from a confusion matrix summed over the partitions, reading long texts as {@code
   * options.longText()} says (null: as the model was trained). A non-string label column is
   * compared as text; a null or blank text, a missing label or one the model does not know is a
   * one-line error naming the column.
   */
  public static ClassificationReport evaluateClassifier(Dataset<Row> df, String modelPath, String textColumn,
      String labelColumn, ClassifyOptions options) {
    return ClassifierEvaluationJob.run(df, modelPath, textColumn, labelColumn, options);
  }

  public static ClassificationReport evaluateClassifier(Dataset<Row> df, String modelPath, String textColumn,
      String labelColumn) {
    return evaluateClassifier(df, modelPath, textColumn, labelColumn, ClassifyOptions.defaults());
  }

  /**
   * Corpus BLEU and chrF2 of the hypotheses in {@code hypothesisColumn} against the references in
   * {@code referenceColumn} (one per row), from statistics summed over the partitions: the numbers
   * {@code mlm translate eval} prints for the same rows. A null on either side is a one-line error.
   */
  public static TranslationScores scoreTranslations(Dataset<Row> df, String hypothesisColumn, String referenceColumn) {
    ResultSchema.stringColumn(df.schema(), hypothesisColumn, "hypothesis");
    ResultSchema.stringColumn(df.schema(), referenceColumn, "reference");
    MtStatistics total = df.select(hypothesisColumn, referenceColumn).toJavaRDD()
        .mapPartitions(MtStatistics::ofPartition).fold(new MtStatistics(), MtStatistics::plus);
    if (total.missing > 0) {
      throw new IllegalArgumentException(total.missing + " rows have no hypothesis (column '" + hypothesisColumn
          + "', empty when the source was blank) or no reference (column '" + referenceColumn + "')");
    }
    if (total.segments == 0) {
      throw new IllegalArgumentException("no rows to score");
    }
    return total.scores();
  }

  /** Translates {@code sourceColumn} with the model's default options, then {@link #scoreTranslations} against {@code referenceColumn}. */
  public static TranslationScores evaluateTranslation(Dataset<Row> df, String modelPath, String sourceColumn,
      String referenceColumn, int batchSize) {
    ResultSchema.stringColumn(df.schema(), referenceColumn, "reference");
    return scoreTranslations(translate(df, modelPath, sourceColumn, batchSize), TextTask.TRANSLATE.column(), referenceColumn);
  }

  /**
   * ROUGE-1/2/L/Lsum of the summaries in {@code summaryColumn} against {@code referenceColumn}
   * (a string, or an array of strings for several references per row) with {@code mlm summarize
   * eval}'s settings: per-row scores computed on the executors, in table order, and the corpus
   * means with 95% bootstrap intervals aggregated on the driver, equal to the single-machine
   * result. A row without a summary or reference is an error naming the row.
   */
  public static RougeEvaluator.Result scoreSummaries(Dataset<Row> df, String summaryColumn, String referenceColumn) {
    return RougeScoresJob.run(df, summaryColumn, referenceColumn);
  }

  /** Summarizes {@code documentColumn} with the model's default options, then {@link #scoreSummaries} against {@code referenceColumn}. */
  public static RougeEvaluator.Result evaluateSummarizer(Dataset<Row> df, String modelPath, String documentColumn,
      String referenceColumn, int batchSize) {
    ResultSchema.column(df.schema(), referenceColumn, "reference");
    return scoreSummaries(summarize(df, modelPath, documentColumn, batchSize), TextTask.SUMMARIZE.column(), referenceColumn);
  }

  static ClassifierInfo classifierInfo(Dataset<Row> df, String modelPath) {
    Configuration hadoop = df.sparkSession().sparkContext().hadoopConfiguration();
    return classifierInfo(ModelLocation.of(modelPath, hadoop), hadoop);
  }

  private static ClassifierInfo classifierInfo(ModelLocation model, Configuration hadoop) {
    return ModelDirectory.open(model.localFolder(hadoop), ClassifierInfo.KIND)
        .read(ClassifierInfo.FILE_NAME, ClassifierInfo.class);
  }

  /**
   * The strategy the executors load the classifier with: the given one, else the saved one, with
   * its defaults for the model's window written out (a stride that does not fit is an error here,
   * on the driver); so equal strategies, however spelled, share one load per JVM.
   */
  private static LongTextStrategy longText(LongTextStrategy given, ClassifierInfo info) {
    return (given == null ? info.longText() : given).resolvedFor(info.maxLength());
  }

  private static int pairColumn(StructType input, String column, ClassifierInfo info, String modelPath) {
    if (info.pairs() && column == null) {
      throw new IllegalArgumentException(modelPath + " was trained on text pairs; give the second text column (ClassifyOptions.withTextPairColumn)");
    }
    if (!info.pairs() && column != null) {
      throw new IllegalArgumentException(modelPath + " was trained on single texts, but text pair column '" + column + "' was given");
    }
    return column == null ? -1 : ResultSchema.stringColumn(input, column, "text pair");
  }

  /** The driver's Hadoop configuration for executors that must copy a remote model folder; null for a local one. */
  private static Broadcast<SerializableConfiguration> hadoopFor(Dataset<Row> df, ModelLocation model) {
    if (model.isLocal()) {
      return null;
    }
    JavaSparkContext context = JavaSparkContext.fromSparkContext(df.sparkSession().sparkContext());
    return context.broadcast(new SerializableConfiguration(context.hadoopConfiguration()));
  }
}
