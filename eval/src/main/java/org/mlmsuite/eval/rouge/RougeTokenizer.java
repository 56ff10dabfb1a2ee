package org.mlmsuite.eval.rouge;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * rouge-score's default tokenizer: lowercase, every run of characters outside [a-z0-9] becomes a
 * space, split on spaces, Porter-stem only tokens longer than 3 characters, drop empty tokens.
 * Non-ASCII letters are therefore separators, exactly as in rouge-score (and ROUGE-1.5.5).
 */
public final class RougeTokenizer {
  private static final Pattern NON_ALPHANUMERIC = Pattern.compile("[^a-z0-9]+");
  private static final Pattern VALID_TOKEN = Pattern.compile("[a-z0-9]+");

  /** Stems are memoised: corpus vocabularies are small next to token counts. Bounded to cap memory. */
  private static final int MAX_CACHED_STEMS = 200_000;

  private final PorterStemmer stemmer;
  private final Map<String, String> stems = new ConcurrentHashMap<>();

  /** @param stemmer null for no stemming */
  public RougeTokenizer(PorterStemmer stemmer) {
    this.stemmer = stemmer;
  }

  public List<String> tokenize(String text) {
    String spaced = NON_ALPHANUMERIC.matcher(text.toLowerCase(Locale.ROOT)).replaceAll(" ");
    List<String> tokens = new ArrayList<>();
    for (String raw : spaced.split(" ")) {
      String token = stemmer != null && raw.length() > 3 ? stem(raw) : raw;
      if (VALID_TOKEN.matcher(token).matches()) {
        tokens.add(token);
      }
    }
    return tokens;
  }

  private String stem(String word) {
    String cached = stems.get(word);
    if (cached != null) {
      return cached;
    }
    String stem = stemmer.stem(word);
    if (stems.size() < MAX_CACHED_STEMS) {
      stems.put(word, stem);
    }
    return stem;
  }
}
