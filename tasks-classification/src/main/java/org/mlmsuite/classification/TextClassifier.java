package org.mlmsuite.classification;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mlmsuite.backbone.ModelDirectory;
import org.mlmsuite.backbone.text.WordPieceTokenizer;
import org.mlmsuite.backbone.train.ExitGate;
import org.tensorflow.Graph;
import org.tensorflow.Session;
import org.tensorflow.op.Ops;

/**
 * A fine-tuned text classifier loaded from a classifier directory ({@code mlm classify train
 * --out DIR}). Thread-safe: any number of threads may call the {@code predict} methods on one
 * instance. Close it to free the native TensorFlow graph and session.
 *
 * <pre>{@code
 * try (TextClassifier clf = TextClassifier.load(Path.of("clf-dir"))) {
 *   Prediction p = clf.predict("a gorgeous, witty film");
 *   System.out.println(p.label() + " " + p.probabilities());
 * }
 * }</pre>
 *
 * <p>Texts longer than the model's window are read as the model was trained to ({@link
 * ClassifierInfo#longText()}: truncated, head+tail, or sliding windows whose logits are pooled);
 * {@link #load(Path, LongTextStrategy)} reads them another way.
 */
public final class TextClassifier implements AutoCloseable {
  private static final int BATCH = 32;

  private final Path directory;
  private final ClassifierInfo info;
  private final LabelSet labels;
  private final ExampleEncoder encoder;
  private final Graph graph;
  private final Session session;
  private final ProbabilityRunner runner;

  private TextClassifier(Path directory, ClassifierInfo info, WordPieceTokenizer tokenizer, Graph graph,
      Session session, ClassifierGraph model) {
    this.directory = directory;
    this.info = info;
    this.labels = info.labelSet();
    this.encoder = new ExampleEncoder(tokenizer, info.maxLength(), info.longText());
    this.graph = graph;
    this.session = session;
    this.runner = new ProbabilityRunner(model, tokenizer.vocabulary().padId(), BATCH);
  }

  /** Loads a classifier directory; errors name the folder and what is missing. */
  public static TextClassifier load(Path dir) {
    return load(dir, null);
  }

  /** How the classifier in {@code dir} was trained to read long texts (what {@link #load(Path)} uses). */
  public static LongTextStrategy trainedLongText(Path dir) {
    return ModelDirectory.open(dir, ClassifierInfo.KIND).read(ClassifierInfo.FILE_NAME, ClassifierInfo.class).longText();
  }

  /**
   * Loads a classifier directory that reads long texts with {@code longText} (null: as the model
   * was trained), e.g. to compare strategies on one model. A stride that does not fit the model's
   * window is an error.
   */
  public static TextClassifier load(Path dir, LongTextStrategy longText) {
    ModelDirectory model = ModelDirectory.open(dir, ClassifierInfo.KIND);
    ClassifierInfo saved = model.read(ClassifierInfo.FILE_NAME, ClassifierInfo.class);
    ClassifierInfo info = longText == null ? saved : saved.withLongText(longText.resolvedFor(saved.maxLength()));
    WordPieceTokenizer tokenizer = model.tokenizer();
    Graph graph = new Graph();
    try {
      ClassifierGraph g = ClassifierGraph.forInference(Ops.create(graph), model.config(), info.labels().size());
      Session session = new Session(graph);
      try {
        ExitGate.restore(session, model.weightsPrefix());
      } catch (RuntimeException e) {
        session.close();
        throw new IllegalArgumentException(dir + ": weights do not match config.json and "
            + ClassifierInfo.FILE_NAME + " (" + e.getMessage().lines().findFirst().orElse("") + ")", e);
      }
      return new TextClassifier(dir, info, tokenizer, graph, session, g);
    } catch (RuntimeException e) {
      graph.close();
      throw e;
    }
  }

  /** Classifies one text. */
  public Prediction predict(String text) {
    return predictBatch(List.of(text)).get(0);
  }

  /** Classifies one text pair (for models trained on pairs, e.g. entailment). */
  public Prediction predict(String text, String textPair) {
    return predictPairs(List.of(text), List.of(textPair)).get(0);
  }

  /** Classifies texts in batches; results in input order. */
  public List<Prediction> predictBatch(List<String> texts) {
    List<EncodedDocument> encoded = new ArrayList<>(texts.size());
    for (int i = 0; i < texts.size(); i++) {
      encoded.add(encoder.encodeDocument(requireText(texts.get(i), "text", i), null));
    }
    return toPredictions(encoded);
  }

  /** Classifies pairs {@code (texts[i], textPairs[i])}; results in input order. */
  public List<Prediction> predictPairs(List<String> texts, List<String> textPairs) {
    if (texts.size() != textPairs.size()) {
      throw new IllegalArgumentException(texts.size() + " first texts but " + textPairs.size() + " second texts");
    }
    List<EncodedDocument> encoded = new ArrayList<>(texts.size());
    for (int i = 0; i < texts.size(); i++) {
      encoded.add(encoder.encodeDocument(requireText(texts.get(i), "text", i), requireText(textPairs.get(i), "text pair", i)));
    }
    return toPredictions(encoded);
  }

  /** The labels in output order. */
  public List<String> labels() {
    return labels.labels();
  }

  /** Whether the model was trained on text pairs. */
  public boolean pairs() {
    return info.pairs();
  }

  /** The model's {@code classifier.json}, with the long-text strategy this instance uses. */
  public ClassifierInfo info() {
    return info;
  }

  /** How this instance reads texts longer than the model's window. */
  public LongTextStrategy longText() {
    return info.longText();
  }

  public Path directory() {
    return directory;
  }

  private List<Prediction> toPredictions(List<EncodedDocument> encoded) {
    if (encoded.isEmpty()) {
      return List.of();
    }
    float[][] probs = runner.documentProbabilities(session, encoded, info.longText());
    List<Prediction> out = new ArrayList<>(probs.length);
    for (float[] p : probs) {
      Map<String, Double> byLabel = new LinkedHashMap<>();
      for (int c = 0; c < p.length; c++) {
        byLabel.put(labels.label(c), (double) p[c]);
      }
      out.add(new Prediction(labels.label(ClassifierTraining.argMax(p)), byLabel));
    }
    return out;
  }

  private static String requireText(String text, String what, int index) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("input " + (index + 1) + ": " + what + " is empty");
    }
    return text;
  }

  @Override
  public void close() {
    session.close();
    graph.close();
  }
}
