package org.mlmsuite.classification;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.mlmsuite.backbone.ModelDirectory;
import org.mlmsuite.backbone.UntrainedBackbone;
import org.mlmsuite.backbone.model.TransformerConfig;
import org.mlmsuite.backbone.text.TokenizerConfig;
import org.mlmsuite.backbone.text.Vocabulary;
import org.mlmsuite.backbone.text.WordPieceTokenizer;

/**
 * A trivially separable task: each review holds filler words and exactly one sentiment word
 * ("good"/"great" vs "bad"/"awful"); labels contain spaces and non-ASCII characters.
 */
final class SyntheticReviews {
  static final String POSITIVE = "très bien 😀";
  static final String NEGATIVE = "not good at all";
  static final List<String> FILLER = List.of("the", "movie", "film", "was", "a", "plot", "actors", "and", "it", "really");
  static final WordPieceTokenizer TOKENIZER = new WordPieceTokenizer(new Vocabulary(concat(
      Vocabulary.SPECIAL_TOKENS, FILLER, List.of("good", "great", "bad", "awful", "?", "##s"))),
      TokenizerConfig.uncased());

  private SyntheticReviews() {}

  static ModelDirectory backbone(Path dir) {
    return UntrainedBackbone.write(dir, TransformerConfig.micro(TOKENIZER.vocabulary().size()), TOKENIZER, 11);
  }

  /** {@code n} rows of (review, sentiment); even rows positive. */
  static List<String[]> rows(int n, long seed) {
    Random random = new Random(seed);
    List<String[]> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      boolean positive = i % 2 == 0;
      List<String> words = new ArrayList<>();
      int len = 2 + random.nextInt(8);
      for (int k = 0; k < len; k++) {
        words.add(FILLER.get(random.nextInt(FILLER.size())));
      }
      String cue = positive ? (random.nextBoolean() ? "good" : "great") : (random.nextBoolean() ? "bad" : "awful");
      words.add(random.nextInt(words.size() + 1), cue);
      out.add(new String[] {String.join(" ", words), positive ? POSITIVE : NEGATIVE});
    }
    return out;
  }

  /** Writes rows as RFC 4180 CSV with header {@code id,review,sentiment}; every third review spans two lines. */
  static Path csv(Path file, List<String[]> rows) throws IOException {
    StringBuilder sb = new StringBuilder("id,review,sentiment\n");
    for (int i = 0; i < rows.size(); i++) {
      String text = rows.get(i)[0];
      if (i % 3 == 0) {
        text = text.replaceFirst(" ", "\n") + ", \"quoted\"";
      }
      sb.append(i).append(",\"").append(text.replace("\"", "\"\"")).append("\",\"")
          .append(rows.get(i)[1]).append("\"\n");
    }
    Files.writeString(file, sb.toString(), StandardCharsets.UTF_8);
    return file;
  }

  @SafeVarargs
  private static List<String> concat(List<String>... parts) {
    List<String> out = new ArrayList<>();
    for (List<String> p : parts) {
      out.addAll(p);
    }
    return out;
  }
}
