package org.mlmsuite.spark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.mlmsuite.backbone.Backbone;
import org.mlmsuite.backbone.ModelDirectory;
import org.mlmsuite.backbone.seq2seq.Seq2SeqModel;
import org.mlmsuite.summarization.Summarizer;
import org.mlmsuite.summarization.SummarizerInfo;
import org.mlmsuite.translation.Translator;

/**
 * The one-text-in, one-value-out tasks {@link MlmSpark} runs with {@link TextPartition}: which
 * facade loads the model folder, what it returns per text and the output column. An enum, so a
 * partition function carries the task by name (Java serializes enums by name), never a facade.
 */
enum TextTask {
  /** Mean-pooled encoder vectors ({@link Backbone#embed}) from a backbone or any folder built on one. */
  EMBED("embedding", DataTypes.createArrayType(DataTypes.FloatType, false), Backbone.class, Set.of(), null,
      Backbone::openEncoder, (model, texts) -> ((Backbone) model).embed(texts)),
  /** {@link Summarizer#summarizeAll} with the model's default options. */
  SUMMARIZE("summary", DataTypes.StringType, Summarizer.class, Set.of(SummarizerInfo.KIND, Seq2SeqModel.KIND),
      SummarizerInfo.FILE_NAME, Summarizer::load, (model, texts) -> ((Summarizer) model).summarizeAll(texts)),
  /** {@link Translator#translateBatch} with the model's default options. */
  TRANSLATE("translation", DataTypes.StringType, Translator.class, Set.of(Seq2SeqModel.KIND), null,
      Translator::load, (model, texts) -> ((Translator) model).translateBatch(texts));

  private final String column;
  private final DataType type;
  private final Class<? extends AutoCloseable> facade;
  /** Model kinds the facade opens; empty: any. */
  private final Set<String> kinds;
  /** A file the folder must hold besides the model (a task record), or null. */
  private final String taskRecord;
  private final Function<Path, AutoCloseable> loader;
  /** One value per text, in order: {@code float[]} for {@link #EMBED}, else {@code String}. */
  private final BiFunction<AutoCloseable, List<String>, List<?>> runner;

  TextTask(String column, DataType type, Class<? extends AutoCloseable> facade, Set<String> kinds, String taskRecord,
      Function<Path, AutoCloseable> loader, BiFunction<AutoCloseable, List<String>, List<?>> runner) {
    this.column = column;
    this.type = type;
    this.facade = facade;
    this.kinds = kinds;
    this.taskRecord = taskRecord;
    this.loader = loader;
    this.runner = runner;
  }

  /** On the driver, before any executor loads it: a one-line error when the folder is the wrong kind. */
  void check(ModelDirectory model) {
    if (!kinds.isEmpty() && !kinds.contains(model.kind())) {
      throw new IllegalArgumentException(model.path() + " holds a '" + model.kind() + "' model; "
          + name().toLowerCase(java.util.Locale.ROOT) + " needs one of " + kinds);
    }
    if (taskRecord != null && !Files.isRegularFile(model.path().resolve(taskRecord))) {
      throw new IllegalArgumentException(model.path() + " has no " + taskRecord + ": not a model for "
          + name().toLowerCase(java.util.Locale.ROOT));
    }
  }

  AutoCloseable load(Path dir) {
    return loader.apply(dir);
  }

  List<?> run(AutoCloseable model, List<String> texts) {
    return runner.apply(model, texts);
  }

  String column() {
    return column;
  }

  DataType type() {
    return type;
  }

  Class<? extends AutoCloseable> facade() {
    return facade;
  }
}
