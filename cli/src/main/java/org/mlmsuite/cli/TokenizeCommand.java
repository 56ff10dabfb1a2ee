package org.mlmsuite.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.mlmsuite.backbone.text.Encoding;
import org.mlmsuite.backbone.text.TokenizerConfig;
import org.mlmsuite.backbone.text.WordPieceTokenizer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code mlm tokenize}: one JSON object (ids, tokens, type_ids) per input line. */
@Command(name = "tokenize", header = "Tokenize lines from stdin with a WordPiece vocabulary; prints ids and tokens as JSON.", mixinStandardHelpOptions = true,
    description = "Tokenize lines from stdin with a WordPiece vocabulary (BERT rules); "
        + "prints one JSON object per line with ids, tokens and type_ids.")
public final class TokenizeCommand implements Callable<Integer> {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Option(names = "--vocab", required = true, description = "vocab.txt to use.")
  Path vocab;

  @Option(names = "--pair", description = "Each line is textA<TAB>textB.")
  boolean pair;

  @Option(names = "--cased", description = "Keep case and accents (BERT cased); default is uncased.")
  boolean cased;

  @Option(names = "--max-length", defaultValue = "512", description = "Truncate to this many tokens, [CLS]/[SEP] included (default ${DEFAULT-VALUE}).")
  int maxLength;

  @Override
  public Integer call() throws Exception {
    WordPieceTokenizer tokenizer = WordPieceTokenizer.load(vocab, new TokenizerConfig(!cased, maxLength));
    BufferedReader in = StrictStdin.open();
    BufferedWriter out = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8));
    int lineNumber = 0;
    try {
      for (String line; (line = in.readLine()) != null; ) {
      lineNumber++;
      Encoding e;
      if (pair) {
        int tab = line.indexOf('\t');
        if (tab < 0) {
          throw new IllegalArgumentException("stdin:" + lineNumber + ": --pair expects textA<TAB>textB but the line has no tab");
        }
        e = tokenizer.encodePair(line.substring(0, tab), line.substring(tab + 1));
      } else {
        e = tokenizer.encode(line);
      }
      ObjectNode node = JSON.createObjectNode();
      node.set("ids", JSON.valueToTree(e.ids()));
      node.set("tokens", JSON.valueToTree(e.tokens()));
      node.set("type_ids", JSON.valueToTree(e.typeIds()));
      out.write(JSON.writeValueAsString(node));
      out.newLine();
      }
    } finally {
      out.flush(); // lines before a bad one are still printed
    }
    return 0;
  }
}
