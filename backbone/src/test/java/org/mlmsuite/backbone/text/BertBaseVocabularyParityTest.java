package org.mlmsuite.backbone.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlmsuite.backbone.pretrained.BertBaseJar;

/**
 * The imported BERT-Base's own vocabulary (30,522 pieces from the real jar), uncased (lower-case
 * and strip accents): our tokenizer gives Hugging Face's ids, tokens and type ids on the mirror's
 * real lines, the hand-written hard cases and pairs.
 */
class BertBaseVocabularyParityTest {
  @TempDir Path tmp;

  @Test
  void googlesVocabularyTokenizesAsHuggingFaceDoes() throws Exception {
    Vocabulary vocab = BertBaseJar.vocabulary();
    assertEquals(30522, vocab.size());
    WordPieceTokenizer ours = new WordPieceTokenizer(vocab, new TokenizerConfig(true, 100_000));
    List<String> texts = new ArrayList<>(MirrorSamples.lines(500));
    texts.addAll(WordPieceParityTest.HARD_CASES);
    List<String> failures = new ArrayList<>();
    int compared = 0;
    try (HuggingFaceTokenizer hf = HuggingFaceReference.open(vocab, true, 0, false, tmp)) {
      for (int i = 0; i < texts.size(); i++) {
        String a = texts.get(i);
        String b = i % 3 == 0 && i + 1 < texts.size() ? texts.get(i + 1) : null;
        Encoding mine = ours.encode(a, b, 0, 0);
        ai.djl.huggingface.tokenizers.Encoding theirs = b == null ? hf.encode(a) : hf.encode(a, b);
        int[] hfIds = Arrays.stream(theirs.getIds()).mapToInt(x -> (int) x).toArray();
        int[] hfTypes = Arrays.stream(theirs.getTypeIds()).mapToInt(x -> (int) x).toArray();
        if (!Arrays.equals(hfIds, mine.ids()) || !Arrays.equals(hfTypes, mine.typeIds())
            || !Arrays.equals(theirs.getTokens(), mine.tokens())) {
          failures.add(a + (b == null ? "" : " / " + b) + "\n  HF:   " + Arrays.toString(theirs.getTokens())
              + "\n  ours: " + Arrays.toString(mine.tokens()));
        }
        compared++;
      }
    }
    System.out.printf("BERT-Base vocabulary parity: %d of %d texts differ from Hugging Face%n", failures.size(), compared);
    assertTrue(compared >= 3000, "compared " + compared);
    assertTrue(failures.isEmpty(), failures.size() + " of " + compared + " differ, e.g.\n"
        + String.join("\n", failures.subList(0, Math.min(5, failures.size()))));
  }
}
