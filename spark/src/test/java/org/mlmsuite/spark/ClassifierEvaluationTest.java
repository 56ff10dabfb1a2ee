package org.mlmsuite.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlmsuite.backbone.UntrainedBackbone;
import org.mlmsuite.backbone.text.TokenizerConfig;
import org.mlmsuite.backbone.text.WordFrequencies;
import org.mlmsuite.backbone.text.WordPieceTokenizer;
import org.mlmsuite.backbone.text.WordPieceTrainer;
import org.mlmsuite.backbone.model.TransformerConfig;
import org.mlmsuite.backbone.train.TrainingProgress;
import org.mlmsuite.classification.ClassifierEvaluation;
import org.mlmsuite.classification.ClassifierTraining;
import org.mlmsuite.classification.ClassifierTrainingConfig;
import org.mlmsuite.classification.LabeledData;
import org.mlmsuite.classification.TextClassifier;
import org.mlmsuite.classification.TextColumns;
import org.mlmsuite.datasets.DataDirectory;
import org.mlmsuite.datasets.LabeledText;
import org.mlmsuite.eval.classification.ClassificationReport;
import org.mlmsuite.testing.DatasetMirror;

/**
 * SST-2 dev from the mirror, scored on Spark ({@link MlmSpark#evaluateClassifier}, 3 partitions)
 * and on one machine ({@link ClassifierEvaluation#evaluate}, what {@code mlm classify eval} runs):
 * the whole report is equal, to the last bit. The classifier is a micro model fine-tuned here for
 * a few seconds on 1,024 training sentences, so it makes both kinds of error.
 */
class ClassifierEvaluationTest {
  @TempDir static Path tmp;
  static DataDirectory mirror;
  static Path model;
  static SparkSession spark;

  @BeforeAll
  static void fineTuneOnSst2() {
    mirror = DatasetMirror.require("sst2/train.tsv", "sst2/dev.tsv");
    List<LabeledText> train = LabeledData.read("sst2:train", "train", TextColumns.catalog(), null, mirror.root())
        .sample(1024, 5).examples();
    WordFrequencies words = new WordFrequencies(true);
    train.forEach(t -> words.add(t.text()));
    WordPieceTokenizer tokenizer = new WordPieceTokenizer(
        new WordPieceTrainer(WordPieceTrainer.Options.withVocabSize(600)).train(words), TokenizerConfig.uncased());
    Path backbone = tmp.resolve("backbone");
    UntrainedBackbone.write(backbone, TransformerConfig.micro(tokenizer.vocabulary().size()), tokenizer, 3);
    model = tmp.resolve("sst2-clf");
    new ClassifierTraining(m -> {}, TrainingProgress.silent()).run(new ClassifierTraining.Request(backbone, train,
        List.of(), "sst2:train", "sst2:train", "", TextColumns.catalog(),
        ClassifierTrainingConfig.defaults(60).withLearningRate(2e-3).withBatch(32, 48), model, false));
    spark = LocalSpark.session();
  }

  static Dataset<Row> dev() {
    return spark.read().option("header", true).option("sep", "\t").option("quote", "")
        .csv(mirror.resolve("sst2/dev.tsv").toString()).repartition(3);
  }

  @Test
  void sst2DevScoresOnSparkEqualClassifyEval() {
    List<LabeledText> dev = LabeledData.read("sst2:dev", "dev", TextColumns.catalog(), null, mirror.root()).examples();
    ClassificationReport single;
    try (TextClassifier classifier = TextClassifier.load(model)) {
      single = ClassifierEvaluation.evaluate("model", classifier, dev).report();
    }
    ClassificationReport distributed = MlmSpark.evaluateClassifier(dev(), model.toString(), "sentence", "label");
    assertEquals(872, distributed.samples());
    assertEquals(single, distributed);
    long[] predictedPerClass = {0, 0};
    for (String gold : List.of("0", "1")) {
      predictedPerClass[0] += distributed.confusionMatrix().count(gold, "0");
      predictedPerClass[1] += distributed.confusionMatrix().count(gold, "1");
    }
    assertTrue(predictedPerClass[0] > 0 && predictedPerClass[1] > 0 && distributed.accuracy() < 1,
        "a model that predicts both labels and errs: " + distributed.confusionMatrix());
  }

  @Test
  void anUnknownGoldLabelIsAOneLineErrorNamingTheColumn() {
    Dataset<Row> relabeled = dev().withColumn("label", org.apache.spark.sql.functions.lit("positive"));
    String message = assertThrows(IllegalArgumentException.class,
        () -> MlmSpark.evaluateClassifier(relabeled, model.toString(), "sentence", "label")).getMessage();
    assertEquals("label column 'label': 'positive' (872 rows) is not one of the model's labels [0, 1]", message);
  }
}
