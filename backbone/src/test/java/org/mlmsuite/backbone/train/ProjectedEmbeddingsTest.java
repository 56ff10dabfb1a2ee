package org.mlmsuite.backbone.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlmsuite.backbone.ModelDirectory;
import org.mlmsuite.backbone.UntrainedBackbone;
import org.mlmsuite.backbone.model.BertForMaskedLm;
import org.mlmsuite.backbone.model.Parameter;
import org.mlmsuite.backbone.model.TransformerConfig;
import org.mlmsuite.backbone.text.TokenizerConfig;
import org.mlmsuite.backbone.text.Vocabulary;
import org.mlmsuite.backbone.text.WordPieceTokenizer;
import org.tensorflow.Graph;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.StdArrays;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

class ProjectedEmbeddingsTest {
  private static final String WORDS = "bert.embeddings.word_embeddings.weight";
  private static final String POSITIONS = "bert.embeddings.position_embeddings.weight";
  private static final String TYPES = "bert.embeddings.token_type_embeddings.weight";
  private static final String A_LAYER = "bert.encoder.layer.0.attention.self.query.weight";
  private static final int RANK = 3;

  private static final WordPieceTokenizer TOKENIZER = new WordPieceTokenizer(vocabulary(40), TokenizerConfig.uncased());
  private static final TransformerConfig WIDE =
      new TransformerConfig(40, 32, 1, 2, 64, 16, 2, 0.1, 0.1, 1e-12, 0.02);
  private static final TransformerConfig NARROW =
      new TransformerConfig(40, 8, 1, 2, 16, 12, 2, 0.1, 0.1, 1e-12, 0.02);

  private static Vocabulary vocabulary(int size) {
    List<String> pieces = new ArrayList<>(List.of("[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"));
    while (pieces.size() < size) {
      pieces.add("w" + pieces.size());
    }
    return new Vocabulary(pieces);
  }

  /**
   * A wide backbone whose word, position and type tables all lie in one {@value RANK}-dimensional
   * subspace: then the top principal directions span it, and the projection keeps every distance
   * between rows (of any table) up to one scale factor.
   */
  private static ModelDirectory lowRankWide(Path dir) {
    Random random = new Random(5);
    float[][] basis = gaussian(random, RANK, WIDE.hiddenSize());
    Map<String, float[][]> tables = Map.of(
        WORDS, times(gaussian(random, WIDE.vocabSize(), RANK), basis),
        POSITIONS, times(gaussian(random, WIDE.maxPositions(), RANK), basis),
        TYPES, times(gaussian(random, WIDE.typeVocabSize(), RANK), basis));
    try (Graph graph = new Graph()) {
      Ops tf = Ops.create(graph);
      BertForMaskedLm.build(tf, WIDE, 3);
      try (Session session = new Session(graph)) {
        session.initialize();
        Session.Runner runner = session.runner();
        tables.forEach((name, values) -> runner.addTarget(
            tf.assign(graph.operation(name).output(0).expect(TFloat32.class), tf.constant(values))));
        runner.run().close();
        return ModelDirectory.write(dir, UntrainedBackbone.KIND, WIDE, TOKENIZER, session::save, Map.of());
      }
    }
  }

  @Test
  void theProjectionKeepsEveryDistanceBetweenRowsOfALowRankTableUpToOneScale(@TempDir Path tmp) {
    ModelDirectory wide = lowRankWide(tmp.resolve("wide"));
    ModelDirectory narrow = UntrainedBackbone.write(tmp.resolve("narrow"), NARROW, TOKENIZER, 9, false, wide);

    Map<String, float[][]> before = read(wide, List.of(WORDS, POSITIONS, TYPES));
    Map<String, float[][]> after = read(narrow, List.of(WORDS, POSITIONS, TYPES));
    assertEquals(NARROW.maxPositions(), after.get(POSITIONS).length);

    // all rows of the three tables, the narrow model's positions being the wide's first ones
    List<float[]> wideRows = rows(before, NARROW.maxPositions());
    List<float[]> narrowRows = rows(after, NARROW.maxPositions());
    double scale = distance(narrowRows.get(5), narrowRows.get(6)) / distance(wideRows.get(5), wideRows.get(6));
    for (int i = 0; i < wideRows.size(); i += 3) {
      for (int j = i + 1; j < wideRows.size(); j += 2) {
        double expected = scale * distance(wideRows.get(i), wideRows.get(j));
        assertEquals(expected, distance(narrowRows.get(i), narrowRows.get(j)), 1e-3 * expected + 1e-6,
            "distance between rows " + i + " and " + j);
      }
    }

    // scaled to the narrow model's initializer range
    assertEquals(NARROW.initializerRange(), rms(after.get(WORDS)), 1e-5);
    // principal directions, largest first: the centered word table's columns have descending variance,
    // and beyond the table's rank nothing is left
    double[] variance = columnVariances(after.get(WORDS));
    for (int c = 1; c < RANK; c++) {
      assertTrue(variance[c - 1] >= variance[c], "column variances " + java.util.Arrays.toString(variance));
    }
    for (int c = RANK; c < NARROW.hiddenSize(); c++) {
      assertTrue(variance[c] < 1e-6 * variance[0], "column variances " + java.util.Arrays.toString(variance));
    }
  }

  @Test
  void theRestOfTheModelIsTheSeedsRandomInitialisation(@TempDir Path tmp) {
    ModelDirectory wide = lowRankWide(tmp.resolve("wide"));
    ModelDirectory projected = UntrainedBackbone.write(tmp.resolve("p"), NARROW, TOKENIZER, 9, false, wide);
    ModelDirectory random = UntrainedBackbone.write(tmp.resolve("r"), NARROW, TOKENIZER, 9);
    assertArrayEquals(read(random, List.of(A_LAYER)).get(A_LAYER), read(projected, List.of(A_LAYER)).get(A_LAYER));
    String said = projected.read(ModelDirectory.PROVENANCE, Map.class).get("embeddingsFrom").toString();
    assertTrue(said.contains(wide.path().toAbsolutePath().normalize().toString()), said);
  }

  @Test
  void aDifferentVocabularyOrAWiderTargetIsRefused(@TempDir Path tmp) {
    ModelDirectory wide = lowRankWide(tmp.resolve("wide"));
    IllegalArgumentException vocab = assertThrows(IllegalArgumentException.class,
        () -> ProjectedEmbeddings.of(wide.weightsPrefix(), WIDE, TransformerConfig.micro(41)));
    assertEquals("projected embeddings: the vocabularies differ (40 and 41 pieces)", vocab.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> ProjectedEmbeddings.of(wide.weightsPrefix(), NARROW, WIDE));
  }

  private static Map<String, float[][]> read(ModelDirectory dir, List<String> names) {
    try (Graph graph = new Graph()) {
      BertForMaskedLm model = BertForMaskedLm.build(Ops.create(graph), dir.config(), 1);
      try (Session session = new Session(graph)) {
        session.initialize();
        WeightLoader.from(dir.weightsPrefix()).sameNames(model.parameters().stream().map(Parameter::name).toList())
            .restoreInto(session, graph);
        Session.Runner runner = session.runner();
        names.forEach(n -> runner.fetch(n));
        try (Result r = runner.run()) {
          Map<String, float[][]> out = new HashMap<>();
          for (int i = 0; i < names.size(); i++) {
            TFloat32 t = (TFloat32) r.get(i);
            Shape shape = t.shape();
            float[][] m = new float[(int) shape.size(0)][(int) shape.size(1)];
            StdArrays.copyFrom(t, m);
            out.put(names.get(i), m);
          }
          return out;
        }
      }
    }
  }

  private static List<float[]> rows(Map<String, float[][]> tables, int positions) {
    List<float[]> rows = new ArrayList<>(List.of(tables.get(WORDS)));
    rows.addAll(List.of(tables.get(POSITIONS)).subList(0, positions));
    rows.addAll(List.of(tables.get(TYPES)));
    return rows;
  }

  private static float[][] gaussian(Random random, int rows, int columns) {
    float[][] m = new float[rows][columns];
    for (float[] row : m) {
      for (int c = 0; c < columns; c++) {
        row[c] = (float) random.nextGaussian();
      }
    }
    return m;
  }

  private static float[][] times(float[][] a, float[][] b) {
    float[][] c = new float[a.length][b[0].length];
    for (int i = 0; i < a.length; i++) {
      for (int k = 0; k < b.length; k++) {
        for (int j = 0; j < b[0].length; j++) {
          c[i][j] += a[i][k] * b[k][j];
        }
      }
    }
    return c;
  }

  private static double distance(float[] x, float[] y) {
    double sum = 0;
    for (int i = 0; i < x.length; i++) {
      sum += (x[i] - y[i]) * (double) (x[i] - y[i]);
    }
    return Math.sqrt(sum);
  }

  private static double rms(float[][] m) {
    double sum = 0;
    for (float[] row : m) {
      for (float v : row) {
        sum += v * (double) v;
      }
    }
    return Math.sqrt(sum / (m.length * m[0].length));
  }

  private static double[] columnVariances(float[][] m) {
    double[] mean = new double[m[0].length];
    double[] variance = new double[m[0].length];
    for (float[] row : m) {
      for (int c = 0; c < row.length; c++) {
        mean[c] += row[c] / (double) m.length;
      }
    }
    for (float[] row : m) {
      for (int c = 0; c < row.length; c++) {
        variance[c] += (row[c] - mean[c]) * (row[c] - mean[c]) / m.length;
      }
    }
    return variance;
  }
}
