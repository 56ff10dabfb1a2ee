package org.mlmsuite.backbone.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class LossCurveSvgTest {

  private static Document parse(String svg) throws Exception {
    return DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void plotsPointsAtHandComputedCoordinates() throws Exception {
    // Plot area: x 60..580 for steps 0..100, y 320 (min loss 1) .. 20 (max loss 3).
    List<LossCurveSvg.Point> loss = List.of(new LossCurveSvg.Point(25, 3), new LossCurveSvg.Point(50, 2),
        new LossCurveSvg.Point(100, 1));
    Document doc = parse(LossCurveSvg.render(loss, "accuracy",
        List.of(new LossCurveSvg.Point(50, 0.5), new LossCurveSvg.Point(100, 0.7))));
    Element polyline = (Element) doc.getElementsByTagName("polyline").item(0);
    assertEquals("190.0,20.0 320.0,170.0 580.0,320.0", polyline.getAttribute("points").trim());
    assertEquals(2, doc.getElementsByTagName("circle").getLength());
    Element last = (Element) doc.getElementsByTagName("circle").item(1);
    assertEquals("580.0", last.getAttribute("cx"));
    assertEquals("20.0", last.getAttribute("cy"));
  }

  @Test
  void thinsLongRunsAndSkipsNonFiniteValues() throws Exception {
    List<LossCurveSvg.Point> loss = new ArrayList<>();
    for (int i = 1; i <= 5000; i++) {
      loss.add(new LossCurveSvg.Point(i, i == 7 ? Double.NaN : 1.0 / i));
    }
    Document doc = parse(LossCurveSvg.render(loss, "", List.of()));
    String[] pts = ((Element) doc.getElementsByTagName("polyline").item(0)).getAttribute("points").trim().split(" ");
    assertTrue(pts.length <= 1000 && pts.length > 500, "points: " + pts.length);
    assertEquals("60.1,20.0", pts[0]); // step 1 holds the highest loss
    assertEquals("580.0,320.0", pts[pts.length - 1]);
    assertEquals(0, doc.getElementsByTagName("circle").getLength());
  }
}
