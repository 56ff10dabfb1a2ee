package org.mlmsuite.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
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
import org.mlmsuite.datasets.DataDirectory;
import org.mlmsuite.testing.DatasetMirror;
import org.mlmsuite.translation.ParallelData;
import org.mlmsuite.translation.TranslationEvaluation;
import org.mlmsuite.translation.Translator;

/** BLEU and chrF from statistics summed over partitions equal {@code mlm translate eval}'s numbers. */
class TranslationScoresTest {
  private static final StructType PAIRS = new StructType()
      .add("source", DataTypes.StringType, true)
      .add("target", DataTypes.StringType, true);

  static SparkSession spark;

  @BeforeAll
  static void start() {
    spark = LocalSpark.session();
  }

  static Dataset<Row> table(List<String> sources, List<String> targets, int partitions) {
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < sources.size(); i++) {
      rows.add(RowFactory.create(sources.get(i), targets.get(i)));
    }
    return spark.createDataFrame(rows, PAIRS).repartition(partitions);
  }

  @Test
  void multi30kTestCopiedSourceScoresLikeTheSingleMachineBaseline() {
    DataDirectory mirror = DatasetMirror.require("multi30k/test_2016_flickr.en", "multi30k/test_2016_flickr.de");
    ParallelData test = ParallelData.read(ParallelData.Location.of("multi30k-en-de:test"), "test", mirror.root());
    TranslationEvaluation.Scored single = TranslationEvaluation.copySourceBaseline(test);
    TranslationScores distributed = MlmSpark.scoreTranslations(table(test.sources(), test.targets(), 4), "source", "target");
    assertEquals(1000, distributed.segments());
    assertTrue(single.bleu().score() > 0 && single.chrf().score() > 0, single.headline().toString());
    assertEquals(single.bleu(), distributed.bleu());
    assertEquals(single.chrf(), distributed.chrf());
  }

  @Test
  void translatingOnSparkScoresLikeTranslateBatchOnOneMachine() throws IOException {
    List<String> sources = TinyModels.reviews(30, 41).stream().map(r -> r[0]).toList();
    List<String> references = sources.stream().map(s -> s.replace("good", "bad")).toList();
    TranslationEvaluation.Scored single;
    try (Translator translator = Translator.load(TinyModels.translator())) {
      single = TranslationEvaluation.score("model", false, translator.translateBatch(sources), references, 0);
    }
    TranslationScores distributed = MlmSpark.evaluateTranslation(table(sources, references, 3),
        TinyModels.translator().toString(), "source", "target", 8);
    assertEquals(single.bleu(), distributed.bleu());
    assertEquals(single.chrf(), distributed.chrf());
  }

  @Test
  void aMissingReferenceIsAOneLineError() {
    List<String> targets = new ArrayList<>(List.of("a b", "c"));
    targets.set(1, null);
    String message = assertThrows(IllegalArgumentException.class,
        () -> MlmSpark.scoreTranslations(table(List.of("a b", "c"), targets, 1), "source", "target")).getMessage();
    assertEquals("1 rows have no hypothesis (column 'source', empty when the source was blank) or no reference"
        + " (column 'target')", message);
  }
}
