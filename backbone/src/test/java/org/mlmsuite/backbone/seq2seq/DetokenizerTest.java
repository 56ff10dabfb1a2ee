package org.mlmsuite.backbone.seq2seq;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mlmsuite.backbone.text.TokenizerConfig;
import org.mlmsuite.backbone.text.Vocabulary;
import org.mlmsuite.backbone.text.WordPieceTokenizer;

class DetokenizerTest {

  private static String join(String spaced) {
    return Detokenizer.join(List.of(spaced.split(" ")));
  }

  @Test
  void restoresMosesStyleSpacingAroundPunctuation() {
    assertEquals("A man in a t-shirt, smiling.", join("A man in a t - shirt , smiling ."));
    assertEquals("The dog's ball (red) is \"new\"!", join("The dog ' s ball ( red ) is \" new \" !"));
    assertEquals("Zwei Männer: einer lacht; 50% - nein?", join("Zwei Männer : einer lacht ; 50 % - nein ?"));
    assertEquals("", join(""));
  }

  @Test
  void keepsSpeakerTagsInOnePiece() {
    assertEquals("#Person1# asks #Person2# about it.", join("# Person1 # asks # Person2 # about it ."));
    assertEquals("a # b", join("a # b"));
    assertEquals("# #", join("# #"));
  }

  @Test
  void gluesWordPiecesAndDropsSpecialTokens() {
    Vocabulary v = new Vocabulary(List.of("[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]",
        "ein", "hund", "##e", "lauft", "##t", ".", "-"));
    WordPieceTokenizer tok = new WordPieceTokenizer(v, TokenizerConfig.uncased());
    int[] ids = tok.encode("Ein Hunde-Hund Lauftt.").ids();
    assertEquals("ein hunde-hund lauftt.", new Detokenizer(v).detokenize(ids));
  }
}
