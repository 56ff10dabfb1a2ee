package org.mlmsuite.summarization;

import java.util.ArrayList;
import java.util.List;
import org.mlmsuite.backbone.ModelDirectory;
import org.mlmsuite.backbone.text.WordPieceTokenizer;
import org.mlmsuite.backbone.train.ExitGate;
import org.tensorflow.Graph;
import org.tensorflow.Session;
import org.tensorflow.op.Ops;

/** The extractive engine behind {@link Summarizer}: sentence scores, top-k with trigram blocking. */
final class ExtractiveModel implements AutoCloseable {
  private static final int BATCH = 16;

  private final SummarizerInfo info;
  private final SentencePolicy policy;
  private final ExtractiveEncoder encoder;
  private final int padId;
  private final Graph graph;
  private final Session session;
  private final ExtractiveGraph model;
  private boolean closed;

  private ExtractiveModel(SummarizerInfo info, WordPieceTokenizer tokenizer, Graph graph, Session session,
      ExtractiveGraph model) {
    this.info = info;
    this.policy = info.policy();
    this.encoder = new ExtractiveEncoder(tokenizer, info.maxLength());
    this.padId = tokenizer.vocabulary().padId();
    this.graph = graph;
    this.session = session;
    this.model = model;
  }

  static ExtractiveModel load(ModelDirectory dirModel) {
    SummarizerInfo info = dirModel.read(SummarizerInfo.FILE_NAME, SummarizerInfo.class);
    WordPieceTokenizer tokenizer = dirModel.tokenizer();
    Graph graph = new Graph();
    try {
      ExtractiveGraph g = ExtractiveGraph.build(Ops.create(graph), dirModel.config(), 0);
      Session session = new Session(graph);
      try {
        ExitGate.restore(session, dirModel.weightsPrefix());
      } catch (RuntimeException e) {
        session.close();
        throw new IllegalArgumentException(dirModel.path() + ": weights do not match config.json and "
            + SummarizerInfo.FILE_NAME + " (" + e.getMessage().lines().findFirst().orElse("") + ")", e);
      }
      return new ExtractiveModel(info, tokenizer, graph, session, g);
    } catch (RuntimeException e) {
      graph.close();
      throw e;
    }
  }

  SummarizerInfo info() {
    return info;
  }

  /** Batched; same results as one at a time. */
  List<String> summarizeAll(List<String> documents, int k) {
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

  boolean truncated(String document) {
    return encoder.encode(policy.split(document), null).truncated();
  }

  @Override
  public synchronized void close() {
    if (!closed) {
      closed = true;
      session.close();
      graph.close();
    }
  }
}
