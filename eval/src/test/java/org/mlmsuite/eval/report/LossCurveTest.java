package org.mlmsuite.eval.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class LossCurveTest {
  @TempDir Path tmp;

  @Test
  void drawsTheLossesOfTheLogAsAStandaloneStyledSvg() throws Exception {
    Files.writeString(tmp.resolve("train-log.jsonl"), """
        {"step":25,"loss":3.0,"lr":0.1}
        {"step":50,"loss":2.0,"lr":0.1,"eval_dev_loss":2.5,"eval_accuracy":0.5}
        {"step":75,"loss":"NaN","lr":0.1}
        {"step":100,"loss":1.0,"lr":0.05,"eval_dev_loss":1.5,"eval_accuracy":0.7}
        """);
    Path file = LossCurve.write(tmp);
    assertEquals(tmp.resolve("loss-curve.svg"), file);
    String svg = Files.readString(file);
    Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    NodeList lines = doc.getElementsByTagName("polyline");
    assertEquals(2, lines.getLength(), "training loss and dev loss; not lr, not accuracy");
    Element loss = (Element) lines.item(0);
    assertEquals("loss", loss.getAttribute("data-series"));
    assertEquals(3, loss.getAttribute("points").trim().split(" ").length, "the non-numeric loss is left out");
    assertEquals("eval_dev_loss", ((Element) lines.item(1)).getAttribute("data-series"));
    // On its own, the file carries the chart styles a report page would give it.
    String style = doc.getElementsByTagName("style").item(0).getTextContent();
    assertTrue(style.contains("svg .plot-area"), style);
    assertFalse(svg.contains("eval_accuracy"));
  }
}
