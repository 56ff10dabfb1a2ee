package org.mlmsuite.classification;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import opennlp.tools.doccat.BagOfWordsFeatureGenerator;
import opennlp.tools.doccat.DoccatFactory;
import opennlp.tools.doccat.DoccatModel;
import opennlp.tools.doccat.DocumentCategorizerME;
import opennlp.tools.doccat.DocumentSample;
import opennlp.tools.doccat.FeatureGenerator;
import opennlp.tools.doccat.NGramFeatureGenerator;
import opennlp.tools.tokenize.SimpleTokenizer;
import opennlp.tools.util.CollectionObjectStream;
import opennlp.tools.util.TrainingParameters;
import org.mlmsuite.datasets.LabeledText;

/**
 * The classical baseline: OpenNLP's maxent document categorizer ({@code DocumentCategorizerME})
 * on lower-cased bag-of-words plus word-bigram features. For pairs the second text's tokens are
 * prefixed {@code b:} so features of the two texts stay apart.
 *
 * <p>Not thread-safe ({@code DocumentCategorizerME} is not); create one per thread.
 */
public final class DoccatBaseline {
  public static final String NAME = "OpenNLP doccat (maxent, BoW + bigrams)";

  /** Maxent iterations and feature count cutoff (OpenNLP defaults: 100 and 5). */
  public record Options(int iterations, int cutoff) {
    public static Options defaults() {
      return new Options(100, 5);
    }
  }

  private final DocumentCategorizerME categorizer;

  private DoccatBaseline(DoccatModel model) {
    this.categorizer = new DocumentCategorizerME(model);
  }

  public static DoccatBaseline train(List<LabeledText> examples, Options options) {
    List<DocumentSample> samples = new ArrayList<>(examples.size());
    for (LabeledText e : examples) {
      samples.add(new DocumentSample(e.label(), tokens(e.text(), e.textPair())));
    }
    TrainingParameters params = TrainingParameters.defaultParams();
    params.put(TrainingParameters.ITERATIONS_PARAM, options.iterations());
    params.put(TrainingParameters.CUTOFF_PARAM, options.cutoff());
    try {
      FeatureGenerator[] features = {new BagOfWordsFeatureGenerator(), new NGramFeatureGenerator(2, 2)};
      DoccatModel model = DocumentCategorizerME.train("en", new CollectionObjectStream<>(samples), params,
          new DoccatFactory(features));
      return new DoccatBaseline(model);
    } catch (IOException e) {
      throw new UncheckedIOException("doccat training failed", e);
    }
  }

  /** The most probable label for a text (and optional second text). */
  public String predict(String text, String textPair) {
    return categorizer.getBestCategory(categorizer.categorize(tokens(text, textPair)));
  }

  public List<String> predictAll(List<LabeledText> examples) {
    return examples.stream().map(e -> predict(e.text(), e.textPair())).toList();
  }

  static String[] tokens(String text, String textPair) {
    List<String> out = new ArrayList<>(Arrays.asList(SimpleTokenizer.INSTANCE.tokenize(text.toLowerCase(Locale.ROOT))));
    if (textPair != null) {
      for (String t : SimpleTokenizer.INSTANCE.tokenize(textPair.toLowerCase(Locale.ROOT))) {
        out.add("b:" + t);
      }
    }
    return out.toArray(String[]::new);
  }
}
