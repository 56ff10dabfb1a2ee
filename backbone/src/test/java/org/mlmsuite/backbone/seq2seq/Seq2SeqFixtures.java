package org.mlmsuite.backbone.seq2seq;

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

/** A letters vocabulary, micro backbones and synthetic copy/reverse corpora for seq2seq tests. */
final class Seq2SeqFixtures {
  static final List<String> LETTERS = List.of("a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l");
  static final WordPieceTokenizer TOKENIZER = new WordPieceTokenizer(vocabulary(), TokenizerConfig.uncased());

  private Seq2SeqFixtures() {}

  private static Vocabulary vocabulary() {
    List<String> tokens = new ArrayList<>(Vocabulary.SPECIAL_TOKENS);
    tokens.addAll(LETTERS);
    tokens.addAll(List.of(".", ",", "-", "'", "(", ")", "\""));
    return new Vocabulary(tokens);
  }

  /** L1/H32 backbone with max 64 positions and no dropout, random weights from {@code seed}. */
  static ModelDirectory microBackbone(Path dir, long seed) {
    TransformerConfig config = TransformerConfig.micro(TOKENIZER.vocabulary().size()).withMaxPositions(64);
    return UntrainedBackbone.write(dir, config, TOKENIZER, seed);
  }

  /** Random letter sequences of 2..maxLength letters; target = source, or reversed. */
  static List<TextPair> letterPairs(int count, int maxLength, boolean reverse, long seed) {
    Random random = new Random(seed);
    List<TextPair> out = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      int n = 2 + random.nextInt(maxLength - 1);
      List<String> letters = new ArrayList<>(n);
      for (int k = 0; k < n; k++) {
        letters.add(LETTERS.get(random.nextInt(LETTERS.size())));
      }
      String source = String.join(" ", letters);
      if (reverse) {
        java.util.Collections.reverse(letters);
      }
      out.add(new TextPair(source, String.join(" ", letters), "synthetic:" + (i + 1)));
    }
    return out;
  }
}
