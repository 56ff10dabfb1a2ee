package org.mlmsuite.datasets;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Inputs are lines of the AG News release; expected outputs decoded by hand. */
class AgNewsTextTest {
  @Test
  void ampersandLessEntitiesAreDecodedEatingTheSpaceThatReplacedTheAmpersand() {
    assertEquals("It's over. Our relationship just hasn't been working",
        AgNewsText.clean("It #39;s over. Our relationship just hasn #39;t been working"));
    assertEquals("the $10 million Ansari X Prize", AgNewsText.clean("the  #36;10 million Ansari X Prize"));
    assertEquals("users of the new AT&T Wireless", AgNewsText.clean("users of the new AT amp;T Wireless"));
    assertEquals("investigating Merck & Co. in connection",
        AgNewsText.clean("investigating Merck  amp; Co. in connection"));
    assertEquals("\"Let's hope it rains,\" he", AgNewsText.clean(" quot;Let's hope it rains, quot; he"));
    assertEquals("Western & South", AgNewsText.clean("Western  amp;amp;amp; South"));
  }

  @Test
  void windows1252NumbersAndNamedEntities() {
    assertEquals("to show up\u2014dung beetles.", AgNewsText.clean("to show up #151;dung beetles."));
    assertEquals("for a better iPod \u2026. PeopleSoft", AgNewsText.clean("for a better iPod   hellip;. PeopleSoft"));
    assertEquals("As for what exactly", AgNewsText.clean("As for nbsp;what exactly"));
  }

  @Test
  void backslashLineBreaksAndRevealedHtmlTagsBecomeSpaces() {
    assertEquals("A second team of rocketeers competing",
        AgNewsText.clean("A second\\team of rocketeers competing"));
    assertEquals("Kimberly-Clark Corp. KMB.N said on Monday",
        AgNewsText.clean("Kimberly-Clark Corp. &lt;A HREF=\"http://www.investor.reuters.com/FullQuote.aspx?ticker=KMB.N"
            + " target=/stocks/quickinfo/fullquote\"&gt;KMB.N&lt;/A&gt; said on  Monday"));
    assertEquals("1 < 2 and a > b", AgNewsText.clean("1 &lt; 2 and a &gt; b"));
  }
}
