package org.mlmsuite.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mlmsuite.backbone.Backbone;
import org.mlmsuite.summarization.Summarizer;
import org.mlmsuite.translation.Translator;

/** {@link MlmSpark#embed}, {@link MlmSpark#summarize}, {@link MlmSpark#translate} against their facades on one machine. */
class TextTasksTest {
  private static final StructType TEXTS = new StructType()
      .add("id", DataTypes.IntegerType, false)
      .add("text", DataTypes.StringType, true);

  static SparkSession spark;
  static Path classifier;
  static Path summarizer;
  static Path translator;

  @BeforeAll
  static void trainTinyModels() throws IOException {
    classifier = TinyModels.classifier();
    summarizer = TinyModels.summarizer();
    translator = TinyModels.translator();
    spark = LocalSpark.session();
  }

  static Dataset<Row> table(List<String> texts, int partitions) {
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < texts.size(); i++) {
      rows.add(RowFactory.create(i, texts.get(i)));
    }
    return spark.createDataFrame(rows, TEXTS).repartition(partitions);
  }

  /** Column {@code column} of the result, by row id. */
  static List<Object> byId(Dataset<Row> result, String column, int n) {
    List<Object> out = new ArrayList<>(java.util.Collections.nCopies(n, null));
    for (Row row : result.collectAsList()) {
      out.set(row.getInt(0), row.get(row.fieldIndex(column)));
    }
    return out;
  }

  @Test
  void embeddingsOfABackboneAndOfAClassifiersEncoderEqualBackboneEmbed() {
    List<String> texts = TinyModels.reviews(40, 9).stream().map(r -> r[0]).toList();
    for (Path model : List.of(classifier.resolveSibling("clf-backbone"), classifier)) {
      List<float[]> expected;
      try (Backbone encoder = Backbone.openEncoder(model)) {
        expected = encoder.embed(texts);
      }
      Dataset<Row> result = MlmSpark.embed(table(texts, 3), model.toString(), "text", 5);
      assertEquals(DataTypes.createArrayType(DataTypes.FloatType, false), result.schema().apply("embedding").dataType());
      List<Object> got = byId(result, "embedding", texts.size());
      for (int i = 0; i < texts.size(); i++) {
        float[] vector = toFloats(got.get(i));
        assertArrayEquals(expected.get(i), vector, 1e-5f, model.getFileName() + " row " + i);
      }
    }
  }

  @Test
  void aClassifierFolderOpenedAsEncoderHasNoFillMask() {
    try (Backbone encoder = Backbone.openEncoder(classifier)) {
      String message = assertThrows(IllegalStateException.class, () -> encoder.fillMask("the [MASK]", 1)).getMessage();
      assertTrue(message.endsWith("holds a 'classifier' model, which has no masked-LM head; fill-mask needs a backbone folder"), message);
    }
  }

  @Test
  void summariesEqualSummarizeAll() {
    List<String> documents = TinyModels.documents(24, 11);
    List<String> expected;
    try (Summarizer s = Summarizer.load(summarizer)) {
      expected = s.summarizeAll(documents);
    }
    assertEquals(expected, byId(MlmSpark.summarize(table(documents, 2), summarizer.toString(), "text", 4), "summary",
        documents.size()));
  }

  @Test
  void translationsEqualTranslateBatchAndBlankSourcesGetNull() {
    List<String> sources = new ArrayList<>(TinyModels.reviews(20, 12).stream().map(r -> r[0]).toList());
    List<String> expected;
    try (Translator t = Translator.load(translator)) {
      expected = new ArrayList<>(t.translateBatch(sources));
    }
    sources.add(" ");
    expected.add(null);
    assertEquals(expected, byId(MlmSpark.translate(table(sources, 3), translator.toString(), "text", 6), "translation",
        sources.size()));
  }

  @Test
  void aFolderOfTheWrongKindIsAOneLineErrorOnTheDriver() {
    String message = assertThrows(IllegalArgumentException.class,
        () -> MlmSpark.translate(table(List.of("a"), 1), classifier.toString(), "text")).getMessage();
    assertEquals(classifier + " holds a 'classifier' model; translate needs one of [seq2seq]", message);
    String noSummarizer = assertThrows(IllegalArgumentException.class,
        () -> MlmSpark.summarize(table(List.of("a"), 1), translator.toString(), "text")).getMessage();
    assertEquals(translator + " has no summarizer.json: not a model for summarize", noSummarizer);
  }

  @Test
  void aModelOnAnotherFileSystemIsCopiedOncePerJvmWithoutItsCheckpoints() throws IOException {
    spark.sparkContext().hadoopConfiguration().set("fs.mlmcopy.impl", CopyingTestFileSystem.class.getName());
    List<String> texts = List.of("the good film", "a bad plot");
    String remote = "mlmcopy://" + classifier;
    Dataset<Row> scored = MlmSpark.classify(table(texts, 2), remote, "text");
    List<Object> labels = byId(scored, MlmSpark.PREDICTED_LABEL, 2);
    List<Object> local = byId(MlmSpark.classify(table(texts, 2), classifier.toString(), "text"), MlmSpark.PREDICTED_LABEL, 2);
    assertEquals(local, labels);
    String id = ModelLocation.of(remote, spark.sparkContext().hadoopConfiguration()).contentId();
    Path copy = Path.of(System.getProperty("java.io.tmpdir"), "mlm-spark-models", id);
    assertTrue(Files.isRegularFile(copy.resolve("classifier.json")), copy + " holds the model");
    assertTrue(Files.isRegularFile(copy.resolve("weights/model.index")), copy + " holds the weights");
    assertTrue(Files.isDirectory(classifier.resolve("checkpoints")) && !Files.exists(copy.resolve("checkpoints")),
        "the run's checkpoints stay behind");
  }

  @Test
  void aRelativePathIsResolvedInEachJvmsWorkingDirectoryAsArchivesUnpackIt() {
    // the classifier lives under target/ of this module, the tests' working directory
    Path relative = Path.of("").toAbsolutePath().relativize(classifier);
    assertTrue(!relative.isAbsolute() && !relative.startsWith(".."), relative.toString());
    List<String> texts = List.of("the good film", "a bad plot");
    assertEquals(byId(MlmSpark.classify(table(texts, 2), classifier.toString(), "text"), MlmSpark.PREDICTED_LABEL, 2),
        byId(MlmSpark.classify(table(texts, 2), relative.toString(), "text"), MlmSpark.PREDICTED_LABEL, 2));
    assertEquals(ModelLocation.of(classifier.toString(), spark.sparkContext().hadoopConfiguration()).contentId(),
        ModelLocation.of(relative.toString(), spark.sparkContext().hadoopConfiguration()).contentId());
  }

  @Test
  void nullTextsGetANullEmbedding() {
    List<String> texts = new ArrayList<>();
    texts.add("the film");
    texts.add(null);
    List<Object> got = byId(MlmSpark.embed(table(texts, 1), classifier.toString(), "text"), "embedding", 2);
    assertEquals(TinyModels.micro().hiddenSize(), toFloats(got.get(0)).length);
    assertNull(got.get(1));
  }

  private static float[] toFloats(Object cell) {
    List<Float> values = scala.jdk.javaapi.CollectionConverters.asJava((scala.collection.Seq<Float>) cell);
    float[] out = new float[values.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = values.get(i);
    }
    return out;
  }
}
