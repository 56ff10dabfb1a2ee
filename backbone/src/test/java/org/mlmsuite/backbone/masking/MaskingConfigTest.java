package org.mlmsuite.backbone.masking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MaskingConfigTest {
  private final ObjectMapper json = new ObjectMapper();

  @Test
  void parsesEachStrategyWithPublishedDefaults() {
    assertEquals(new MaskingConfig.RandomTokens(MaskingRates.BERT), MaskingConfig.parse("random"));
    assertEquals(new MaskingConfig.WholeWords(MaskingRates.BERT), MaskingConfig.parse("whole-word"));
    assertEquals(new MaskingConfig.Spans(MaskingRates.BERT, 0.2, 10), MaskingConfig.parse("span"));
    assertEquals(new MaskingConfig.Entities(MaskingRates.BERT, new MaskingConfig.WholeWords(null)),
        MaskingConfig.parse("entity"));
    assertEquals(new MaskingConfig.Entities(null, new MaskingConfig.Spans(null, 0, 0)),
        MaskingConfig.parse("entity+span"));
  }

  @Test
  void parsesMixturesAndSchedules() {
    MaskingConfig.Mixture constant = assertInstanceOf(MaskingConfig.Mixture.class,
        MaskingConfig.parse("mixture:random=0.5,span=0.3,entity=0.2"));
    assertEquals(3, constant.strategies().size());
    assertEquals(List.of(new MaskingSchedule.Point(0, List.of(0.5, 0.3, 0.2))), constant.schedule().points());

    MaskingConfig.Mixture scheduled = assertInstanceOf(MaskingConfig.Mixture.class,
        MaskingConfig.parse("mixture: random=1..0.2, entity+span=0..0.8"));
    assertEquals(List.of(new MaskingSchedule.Point(0, List.of(1.0, 0.0)), new MaskingSchedule.Point(1, List.of(0.2, 0.8))),
        scheduled.schedule().points());
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "bert", "mixture:", "mixture:random", "mixture:random=x",
      "mixture:random=-1,span=1", "mixture:random=0,span=0", "mixture:foo=1", "mixture:random=1..2..3",
      "entity+entity"})
  void badStringsGiveOneClearError(String spec) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MaskingConfig.parse(spec));
    assertTrue(e.getMessage().contains("'"), e.getMessage());
    assertTrue(!e.getMessage().contains("\n"), e.getMessage());
  }

  @Test
  void roundTripsThroughJson() throws Exception {
    MaskingConfig config = new MaskingConfig.Mixture(
        List.of(new MaskingConfig.RandomTokens(new MaskingRates(0.2, 0.8, 0.1, 40)),
            new MaskingConfig.Entities(null, new MaskingConfig.Spans(null, 0.3, 5))),
        new MaskingSchedule(List.of(new MaskingSchedule.Point(0, List.of(1.0, 0.0)),
            new MaskingSchedule.Point(0.6, List.of(0.5, 0.5)))));
    String text = json.writeValueAsString(config);
    assertTrue(text.contains("\"type\":\"mixture\"") && text.contains("\"type\":\"entity\""), text);
    assertEquals(config, json.readValue(text, MaskingConfig.class));
  }

  @Test
  void missingFieldsInJsonTakeDefaults() throws Exception {
    assertEquals(MaskingConfig.parse("span"), json.readValue("{\"type\":\"span\"}", MaskingConfig.class));
    assertEquals(MaskingConfig.parse("entity"), json.readValue("{\"type\":\"entity\"}", MaskingConfig.class));
    assertEquals(new MaskingConfig.RandomTokens(new MaskingRates(0.2, 0.8, 0.1, 0)),
        json.readValue("{\"type\":\"random\",\"rates\":{\"maskRate\":0.2}}", MaskingConfig.class));
  }
}
