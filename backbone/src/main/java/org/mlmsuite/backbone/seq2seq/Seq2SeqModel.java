package org.mlmsuite.backbone.seq2seq;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.mlmsuite.backbone.ModelDirectory;
import org.mlmsuite.backbone.text.WordPieceTokenizer;
import org.mlmsuite.backbone.train.ExitGate;
import org.tensorflow.Graph;
import org.tensorflow.Session;
import org.tensorflow.op.Ops;

/**
 * A trained encoder-decoder loaded from a model directory of kind {@value #KIND} (written by
 * {@link Seq2SeqTraining}), generating text from text. Thread-safe: any number of threads may call
 * {@link #generate}; close it to free the native graph and session. Task facades (translation,
 * abstractive summarization) wrap it.
 */
public final class Seq2SeqModel implements AutoCloseable {
  public static final String KIND = "seq2seq";

  /** One output: detokenised text, the generated ids (no BOS/EOS), the search score. */
  public record Generated(String text, int[] tokenIds, double score, boolean endedWithEos) {}

  private final ModelDirectory directory;
  private final Seq2SeqConfig settings;
  private final WordPieceTokenizer tokenizer;
  private final Seq2SeqEncoder encoder;
  private final Detokenizer detokenizer;
  private final Graph graph;
  private final Session session;
  private final Seq2SeqGenerator generator;

  private Seq2SeqModel(ModelDirectory directory, Seq2SeqConfig settings, Graph graph, Session session,
      Seq2SeqGraph model) {
    this.directory = directory;
    this.settings = settings;
    this.tokenizer = directory.tokenizer();
    this.encoder = new Seq2SeqEncoder(tokenizer, settings);
    this.detokenizer = new Detokenizer(tokenizer.vocabulary());
    this.graph = graph;
    this.session = session;
    this.generator = new Seq2SeqGenerator(session, model, tokenizer.vocabulary());
  }

  /** Opens a seq2seq model directory; errors name the folder and what is missing or wrong. */
  public static Seq2SeqModel load(Path dir) {
    ModelDirectory model = ModelDirectory.open(dir, KIND);
    Seq2SeqConfig settings = model.read(Seq2SeqConfig.FILE_NAME, Seq2SeqConfig.class);
    Graph graph = new Graph();
    try {
      Seq2SeqGraph g = Seq2SeqGraph.forInference(Ops.create(graph), model.config());
      Session session = new Session(graph);
      try {
        ExitGate.restore(session, model.weightsPrefix());
      } catch (RuntimeException e) {
        session.close();
        throw new IllegalArgumentException(dir + ": weights do not match config.json ("
            + e.getMessage().lines().findFirst().orElse("") + ")", e);
      }
      return new Seq2SeqModel(model, settings, graph, session, g);
    } catch (RuntimeException e) {
      graph.close();
      throw e;
    }
  }

  /** Generates with the model's default options ({@code seq2seq.json}). */
  public List<Generated> generate(List<String> sources) {
    return generate(sources, settings.generation());
  }

  /** One output per source, in input order. Sources longer than the model's limit are truncated. */
  public List<Generated> generate(List<String> sources, GenerationOptions options) {
    List<int[]> ids = new ArrayList<>(sources.size());
    for (int i = 0; i < sources.size(); i++) {
      String s = sources.get(i);
      if (s == null || s.isBlank()) {
        throw new IllegalArgumentException("input " + (i + 1) + ": source text is empty");
      }
      ids.add(encoder.source(s).ids());
    }
    List<Generated> out = new ArrayList<>(ids.size());
    if (ids.isEmpty()) {
      return out;
    }
    for (BeamSearch.Hypothesis h : generator.generate(ids, options)) {
      out.add(new Generated(detokenizer.detokenize(h.tokens()), h.tokens(), h.score(), h.endedWithEos()));
    }
    return out;
  }

  /** The task settings saved with the model. */
  public Seq2SeqConfig settings() {
    return settings;
  }

  public WordPieceTokenizer tokenizer() {
    return tokenizer;
  }

  public ModelDirectory directory() {
    return directory;
  }

  @Override
  public void close() {
    session.close();
    graph.close();
  }
}
