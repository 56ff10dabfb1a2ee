package org.mlmsuite.backbone.ner;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.Enumeration;
import java.util.Properties;
import opennlp.tools.sentdetect.SentenceModel;
import opennlp.tools.tokenize.TokenizerModel;

/**
 * Loads the English OpenNLP models shipped as Maven jars ({@code opennlp-models-sentdetect-en},
 * {@code opennlp-models-tokenizer-en}). Each such jar holds a {@code model.properties} at its
 * root naming its {@code .bin} (e.g. {@code opennlp-en-ud-ewt-sentence-1.3-2.5.4.bin}); since all
 * the jars use the same properties path, we enumerate every copy and open the named model beside
 * it, so a version bump of the model jars needs no code change. Models are immutable and
 * thread-safe, so each is loaded once.
 */
final class ClassPathModels {
  private static volatile SentenceModel sentenceModel;
  private static volatile TokenizerModel tokenizerModel;

  private ClassPathModels() {}

  static SentenceModel englishSentenceModel() {
    if (sentenceModel == null) {
      synchronized (ClassPathModels.class) {
        if (sentenceModel == null) {
          sentenceModel = load("-sentence-", SentenceModel::new);
        }
      }
    }
    return sentenceModel;
  }

  static TokenizerModel englishTokenizerModel() {
    if (tokenizerModel == null) {
      synchronized (ClassPathModels.class) {
        if (tokenizerModel == null) {
          tokenizerModel = load("-tokens-", TokenizerModel::new);
        }
      }
    }
    return tokenizerModel;
  }

  private interface ModelReader<M> {
    M read(InputStream in) throws IOException;
  }

  private static <M> M load(String kindMarker, ModelReader<M> reader) {
    try {
      Enumeration<URL> found = ClassPathModels.class.getClassLoader().getResources("model.properties");
      while (found.hasMoreElements()) {
        URL propertiesUrl = found.nextElement();
        Properties properties = new Properties();
        try (InputStream in = propertiesUrl.openStream()) {
          properties.load(in);
        }
        String name = properties.getProperty("model.name", "");
        if ("en".equals(properties.getProperty("model.language")) && name.contains(kindMarker)) {
          URL modelUrl = new URL(propertiesUrl, name);
          try (InputStream in = modelUrl.openStream()) {
            return reader.read(in);
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read OpenNLP model from the classpath", e);
    }
    throw new IllegalStateException("no English OpenNLP model with '" + kindMarker
        + "' in its name on the classpath (is opennlp-models-*-en a dependency?)");
  }
}
