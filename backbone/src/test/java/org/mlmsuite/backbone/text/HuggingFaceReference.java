package org.mlmsuite.backbone.text;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Hugging Face's own tokenizer (native Rust library, through DJL) configured as BERT with our
 * vocabulary: the reference our {@link WordPieceTokenizer} must match exactly.
 */
final class HuggingFaceReference {
  private static final ObjectMapper JSON = new ObjectMapper();

  private HuggingFaceReference() {}

  /** A tokenizer.json equivalent to BertTokenizerFast for this vocabulary. */
  static String tokenizerJson(Vocabulary vocab, boolean lowercase) {
    ObjectNode root = JSON.createObjectNode();
    root.put("version", "1.0");
    root.putNull("truncation");
    root.putNull("padding");
    ArrayNode added = root.putArray("added_tokens");
    for (String special : Vocabulary.SPECIAL_TOKENS) {
      added.addObject().put("id", vocab.id(special)).put("content", special).put("single_word", false)
          .put("lstrip", false).put("rstrip", false).put("normalized", false).put("special", true);
    }
    root.putObject("normalizer").put("type", "BertNormalizer").put("clean_text", true)
        .put("handle_chinese_chars", true).putNull("strip_accents").put("lowercase", lowercase);
    root.putObject("pre_tokenizer").put("type", "BertPreTokenizer");
    ObjectNode post = root.putObject("post_processor");
    post.put("type", "TemplateProcessing");
    ArrayNode single = post.putArray("single");
    special(single, Vocabulary.CLS, 0);
    sequence(single, "A", 0);
    special(single, Vocabulary.SEP, 0);
    ArrayNode pair = post.putArray("pair");
    special(pair, Vocabulary.CLS, 0);
    sequence(pair, "A", 0);
    special(pair, Vocabulary.SEP, 0);
    sequence(pair, "B", 1);
    special(pair, Vocabulary.SEP, 1);
    ObjectNode specials = post.putObject("special_tokens");
    for (String s : new String[] {Vocabulary.CLS, Vocabulary.SEP}) {
      ObjectNode t = specials.putObject(s);
      t.put("id", s);
      t.putArray("ids").add(vocab.id(s));
      t.putArray("tokens").add(s);
    }
    root.putObject("decoder").put("type", "WordPiece").put("prefix", "##").put("cleanup", true);
    ObjectNode model = root.putObject("model");
    model.put("type", "WordPiece").put("unk_token", Vocabulary.UNK).put("continuing_subword_prefix", "##")
        .put("max_input_chars_per_word", 100);
    ObjectNode v = model.putObject("vocab");
    for (int i = 0; i < vocab.size(); i++) {
      v.put(vocab.token(i), i);
    }
    try {
      return JSON.writeValueAsString(root);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void special(ArrayNode template, String token, int typeId) {
    template.addObject().putObject("SpecialToken").put("id", token).put("type_id", typeId);
  }

  private static void sequence(ArrayNode template, String id, int typeId) {
    template.addObject().putObject("Sequence").put("id", id).put("type_id", typeId);
  }

  /**
   * Opens Hugging Face's tokenizer for this vocabulary.
   *
   * @param maxLength truncate longest-first to this length; 0: no truncation
   * @param padToMaxLength pad every encoding to {@code maxLength}
   */
  static HuggingFaceTokenizer open(Vocabulary vocab, boolean lowercase, int maxLength, boolean padToMaxLength, Path dir)
      throws IOException {
    Path file = dir.resolve("tokenizer-" + lowercase + ".json");
    Files.writeString(file, tokenizerJson(vocab, lowercase));
    HuggingFaceTokenizer.Builder builder = HuggingFaceTokenizer.builder().optTokenizerPath(file).optAddSpecialTokens(true);
    if (maxLength > 0) {
      builder.optTruncation(true).optMaxLength(maxLength);
    } else {
      builder.optTruncation(false);
    }
    if (padToMaxLength) {
      builder.optPadToMaxLength();
    } else {
      builder.optPadding(false);
    }
    return builder.build();
  }
}
