package org.mlmsuite.backbone.ner;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import opennlp.tools.namefind.TokenNameFinderModel;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlmsuite.backbone.masking.MaskingInput;
import org.mlmsuite.backbone.masking.TestEncodings;
import org.mlmsuite.backbone.masking.TokenSpan;
import org.mlmsuite.backbone.text.Encoding;

class EntityFinderTest {
  @TempDir static Path dir;
  static EntityFinder finder;

  @BeforeAll
  static void trainOnSyntheticData() throws IOException {
    TokenNameFinderModel model = NameFinderTrainer.train(SyntheticConll.write(dir, 300, 2),
        new NameFinderTrainingConfig(40, 1, 1));
    finder = EntityFinder.english(model);
  }

  private static List<String> describe(String text, List<EntitySpan> spans) {
    List<String> out = new ArrayList<>();
    for (EntitySpan s : spans) {
      out.add(s.type() + ":" + s.coveredText(text) + "@" + s.start());
    }
    return out;
  }

  @Test
  void mapsEntitiesBackToCharactersOfTheRawText() {
    String text = "John Smith visited Paris.  Acme Corp hired Mary Jones in Oslo.";
    assertEquals(List.of("PER:John Smith@0", "LOC:Paris@19", "ORG:Acme Corp@27", "PER:Mary Jones@43", "LOC:Oslo@57"),
        describe(text, finder.find(text)));
  }

  @Test
  void givesTheSameAnswerOnManyThreads() {
    List<String> texts = IntStream.range(0, 200).mapToObj(i -> SyntheticConll.FIRST.get(i % 8) + " "
        + SyntheticConll.LAST.get(i % 7) + " visited " + SyntheticConll.PLACES.get(i % 5) + ". The office of "
        + SyntheticConll.ORGS.get(i % 5) + " is near " + SyntheticConll.PLACES.get(i % 3) + ".").toList();
    List<List<EntitySpan>> sequential = texts.stream().map(finder::find).toList();
    List<List<EntitySpan>> parallel = texts.parallelStream().map(finder::find).toList();
    assertEquals(sequential, parallel);
    assertEquals(4, sequential.get(0).size());
  }

  @Test
  void buildsMaskingInputsForPairsWithEntitiesOnTokens() {
    // [CLS]=0 John=1 Sm=2 ##ith=3 visited=4 Paris=5 .=6 [SEP]=7 Acme=8 Corp=9 hired=10 Mary=11 Jo=12 ##nes=13 .=14 [SEP]=15
    String first = "John Sm|ith visited Paris .";
    String second = "Acme Corp hired Mary Jo|nes .";
    Encoding e = TestEncodings.encode(20, first, second);
    MaskingInput input = finder.maskingInput(e, "John Smith visited Paris.", "Acme Corp hired Mary Jones.");
    assertEquals(List.of(new TokenSpan(1, 4), new TokenSpan(5, 6), new TokenSpan(8, 10), new TokenSpan(11, 14)),
        input.entitySpans());
  }
}
