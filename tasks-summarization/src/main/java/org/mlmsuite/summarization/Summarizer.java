package org.mlmsuite.summarization;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.mlmsuite.backbone.ModelDirectory;
import org.mlmsuite.backbone.text.WordPieceTokenizer;
import org.tensorflow.Graph;
import org.tensorflow.Session;
import org.tensorflow.op.Ops;

/**
 * An extractive summarizer loaded from a directory written by {@code mlm summarize train}.
 * Thread-safe; close it to free the native graph and session.
 *
 * <pre>{@code
 * try (Summarizer s = Summarizer.load(Path.of("sum-dir"))) {
 *   String summary = s.summarize(dialogue);     // the model's k sentences, one per line
 *   String two = s.summarize(dialogue, 2);
 * }
 * }</pre>
 */
public final class Summarizer implements AutoCloseable {
  private static final int BATCH = 16;

  private final SummarizerInfo info;
  private final SentencePolicy policy;
  private final ExtractiveEncoder encoder;
  private final int padId;
  private final Graph graph;
  private final Session session;
  private final ExtractiveGraph model;

  private Summarizer(SummarizerInfo info, WordPieceTokenizer tokenizer, Graph graph, Session session,
      ExtractiveGraph model) {
    this.info = info;
    this.policy = info.policy();
    this.encoder = new ExtractiveEncoder(tokenizer, info.maxLength());
    this.padId = tokenizer.vocabulary().padId();
    this.graph = graph;
    this.session = session;
    this.model = model;
  }

  public static Summarizer load(Path dir) {
    ModelDirectory dirModel = ModelDirectory.open(dir, SummarizerInfo.KIND);
    SummarizerInfo info = dirModel.read(SummarizerInfo.FILE_NAME, SummarizerInfo.class);
    WordPieceTokenizer tokenizer = dirModel.tokenizer();
    Graph graph = new Graph();
    try {
      ExtractiveGraph g = ExtractiveGraph.build(Ops.create(graph), dirModel.config(), 0);
      Session session = new Session(graph);
      try {
        session.restore(dirModel.weightsPrefix());
      } catch (RuntimeException e) {
        session.close();
        throw new IllegalArgumentException(dir + ": weights do not match config.json and "
            + SummarizerInfo.FILE_NAME + " (" + e.getMessage().lines().findFirst().orElse("") + ")", e);
      }
      return new Summarizer(info, tokenizer, graph, session, g);
    } catch (RuntimeException e) {
      graph.close();
      throw e;
    }
  }

  public SummarizerInfo info() {
    return info;
  }

  /** The model's k sentences, in document order, one per line. */
  public String summarize(String document) {
    return summarize(document, info.k());
  }

  public String summarize(String document, int k) {
    return summarizeAll(List.of(document), k).get(0);
  }

  /** Batched; same results as one at a time. */
  public List<String> summarizeAll(List<String> documents, int k) {
    if (k < 1) {
      throw new IllegalArgumentException("k must be >= 1, got " + k);
    }
    List<List<String>> sentences = new ArrayList<>(documents.size());
    List<ExtractiveInput> inputs = new ArrayList<>(documents.size());
    for (String d : documents) {
      List<String> s = policy.split(d);
      sentences.add(s);
      inputs.add(encoder.encode(s, null));
    }
    double[][] scores;
    synchronized (this) {
      if (closed) {
        throw new IllegalStateException("summarizer is closed");
      }
      scores = ExtractiveBatches.score(session, model, padId, inputs, BATCH);
    }
    List<String> out = new ArrayList<>(documents.size());
    for (int i = 0; i < documents.size(); i++) {
      List<String> kept = sentences.get(i).subList(0, scores[i].length);
      out.add(Extracts.join(kept, TrigramBlocking.select(kept, scores[i], k, info.trigramBlocking())));
    }
    return out;
  }

  private boolean closed;

  @Override
  public synchronized void close() {
    if (!closed) {
      closed = true;
      session.close();
      graph.close();
    }
  }
}
