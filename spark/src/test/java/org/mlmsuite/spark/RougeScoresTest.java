package org.mlmsuite.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import org.mlmsuite.datasets.SummaryExample;
import org.mlmsuite.eval.rouge.RougeEvaluator;
import org.mlmsuite.eval.rouge.RougeType;
import org.mlmsuite.summarization.Baseline;
import org.mlmsuite.summarization.SentencePolicy;
import org.mlmsuite.summarization.SummaryData;
import org.mlmsuite.summarization.SummaryEvaluation;
import org.mlmsuite.testing.DatasetMirror;

/** ROUGE from per-row scores computed on Spark equals {@code mlm summarize eval}'s, bootstrap intervals included. */
class RougeScoresTest {
  static SparkSession spark;
  static DataDirectory mirror;

  @BeforeAll
  static void start() {
    mirror = DatasetMirror.require("dialogsum/test.jsonl");
    spark = LocalSpark.session();
  }

  @Test
  void dialogsumTestLead2WithThreeReferencesScoresLikeTheSingleMachine() {
    List<SummaryExample> test = SummaryData.read("dialogsum:test", "test", null, null, mirror.root()).examples();
    SummaryEvaluation.Scored single = SummaryEvaluation.baseline(Baseline.parse("lead-2"), SentencePolicy.TURNS, test);
    StructType schema = new StructType().add("summary", DataTypes.StringType)
        .add("references", DataTypes.createArrayType(DataTypes.StringType));
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < test.size(); i++) {
      rows.add(RowFactory.create(single.summaries().get(i), test.get(i).references().toArray(String[]::new)));
    }
    Dataset<Row> table = spark.createDataFrame(rows, schema).coalesce(3);
    RougeEvaluator.Result distributed = MlmSpark.scoreSummaries(table, "summary", "references");
    assertEquals(500, distributed.perExample().size());
    assertTrue(test.get(0).references().size() == 3, "the test split has three references");
    assertTrue(single.result().corpus().get(RougeType.ROUGE_1).mid().fmeasure() > 0, single.result().corpus().toString());
    assertEquals(single.result(), distributed);
  }

  @Test
  void aMissingReferenceNamesTheRow() {
    StructType schema = new StructType().add("summary", DataTypes.StringType).add("reference", DataTypes.StringType);
    Dataset<Row> table = spark.createDataFrame(List.of(RowFactory.create("a b", "a"), RowFactory.create("c", null)), schema);
    assertEquals("row 2: no summary or no reference", assertThrows(IllegalArgumentException.class,
        () -> MlmSpark.scoreSummaries(table, "summary", "reference")).getMessage());
  }
}
