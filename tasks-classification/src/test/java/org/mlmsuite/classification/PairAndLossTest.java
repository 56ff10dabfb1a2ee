package org.mlmsuite.classification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlmsuite.backbone.ModelDirectory;
import org.mlmsuite.backbone.model.TransformerConfig;
import org.mlmsuite.backbone.train.Feeds;
import org.mlmsuite.backbone.train.TrainingProgress;
import org.mlmsuite.datasets.LabeledText;
import org.mlmsuite.datasets.Origin;
import org.tensorflow.Graph;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

class PairAndLossTest {

  /** The label is decided by the SECOND text's cue word; the first text's cue is noise. */
  static List<LabeledText> pairs(int n, long seed) {
    Random r = new Random(seed);
    List<String> cues = List.of("good", "great", "bad", "awful");
    List<LabeledText> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      boolean positive = i % 2 == 0;
      String a = "the movie was " + cues.get(r.nextInt(4));
      String b = "a plot " + (positive ? cues.get(r.nextInt(2)) : cues.get(2 + r.nextInt(2))) + " really";
      out.add(new LabeledText(a, b, positive ? "entails" : "contradicts", new Origin(Path.of("pairs.tsv"), i + 2)));
    }
    return out;
  }

  @Test
  void learnsFromTheSecondTextOfPairs(@TempDir Path tmp) {
    ModelDirectory backbone = SyntheticReviews.backbone(tmp.resolve("backbone"));
    ClassifierTrainingConfig cfg = ClassifierTrainingConfig.defaults(80).withLearningRate(2e-3).withBatch(16, 16);
    new ClassifierTraining(m -> {}, TrainingProgress.silent()).run(new ClassifierTraining.Request(backbone.path(),
        pairs(256, 1), List.of(), "pairs.tsv", "pairs.tsv", null, new TextColumns("premise", "hypothesis", "label"),
        cfg, tmp.resolve("clf"), false));
    List<LabeledText> test = pairs(64, 2);
    try (TextClassifier clf = TextClassifier.load(tmp.resolve("clf"))) {
      assertTrue(clf.pairs());
      assertEquals("hypothesis", clf.info().textPairColumn());
      double accuracy = ClassifierEvaluation.evaluate("pairs", clf, test).report().accuracy();
      // a model blind to the second text scores ~0.5
      assertTrue(accuracy >= 0.9, "pair accuracy " + accuracy);
      assertEquals("entails", clf.predict("the movie was bad", "a plot great really").label());
    }
  }

  @Test
  void lossIsTheClassWeightedMeanCrossEntropy() {
    TransformerConfig config = TransformerConfig.micro(SyntheticReviews.TOKENIZER.vocabulary().size());
    float[] weights = {0.5f, 1.5f, 3f};
    List<EncodedExample> batch = new ArrayList<>();
    ExampleEncoder encoder = new ExampleEncoder(SyntheticReviews.TOKENIZER, 16);
    int[] labels = {0, 1, 2, 2, 0};
    String[] texts = {"good movie", "bad plot and actors", "the film", "it was awful", "great"};
    for (int i = 0; i < texts.length; i++) {
      EncodedExample e = encoder.encode(texts[i], null);
      batch.add(new EncodedExample(e.ids(), e.typeIds(), labels[i]));
    }
    try (Graph graph = new Graph()) {
      ClassifierGraph g = ClassifierGraph.build(Ops.create(graph), config, 3, weights, 5);
      try (Session session = new Session(graph); Feeds feeds = new Feeds()) {
        session.initialize();
        BatchTensors.feedInputs(batch, g.inputs(), 0, feeds);
        BatchTensors.feedLabels(batch, g, feeds);
        try (Result r = feeds.applyTo(session.runner()).fetch(g.probabilities()).fetch(g.loss()).run()) {
          TFloat32 p = (TFloat32) r.get(0);
          double num = 0;
          double den = 0;
          for (int i = 0; i < labels.length; i++) {
            num += weights[labels[i]] * -Math.log(p.getFloat(i, labels[i]));
            den += weights[labels[i]];
          }
          assertEquals(num / den, ((TFloat32) r.get(1)).getFloat(), 1e-5);
        }
      }
    }
  }
}
