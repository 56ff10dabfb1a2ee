package org.mlmsuite.eval.classification;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Parity with scikit-learn 1.9.1 ({@code precision_recall_fscore_support} with average None, macro,
 * micro and weighted, {@code accuracy_score}, {@code matthews_corrcoef}, {@code confusion_matrix})
 * on seeded synthetic predictions: 4 topics (500 samples), 2 classes (301), and 10 labels with
 * non-ASCII and astral-plane names, one never predicted (1,000). Expected figures are what
 * scikit-learn printed; doubles are compared exactly.
 */
class ScikitLearnParityTest {

  @Test
  void topicsMatchesScikitLearn() {
    List<String> names = List.of("World", "Sports", "Business", "Sci/Tech");
    ClassificationReport r = ClassificationMetrics.evaluate(
        decode("cbdaaacabaaddabadaabadababcdbacbabcaaabddcddccbbbacdcdcaadbcbddaacccddaacdaacdcdcadcbadabcbbdddabddcbdcdcdbbabbbbadbccabdccbadddddaddababdbacaaabacaabdbcccdaaddddcabaccdbabcbacaccbcbcbbbdbbdcaacdcbcdccababdbcbdadcaadbdbdcadddabbbabdbdcbbaaabdbbacbcbccdbacddbbadbabbbdaacdaabbcaadaadcbcddbcbdbdaddcabdabcabcbcbdbaddbbbddcdbccacacddadccaabaaccabcbdcdbdcacabdacaacabacadacdcbababcabbccbcdbccacaaabdbdadddcbbcbbdcabaacdbaadcbcadbbcdaccccbacbcbacdadcbbaacabdadaccbabdcdbcbadbabaaabcaddaabdcadaaadcacbbbddd", names),
        decode("cbdabccdcabdcabbaaddadabacccbadbdbcaaaccdbddcdbbbaaacbcacdbdbddadcccadadccadcdbdcadcbbacbcbbdddabddcbdcbcdbadbbbbddbccabbccbaddddbadbababcbacacacacabddadbcdaadddccabbbcdbabcbaaaacdcbcbbbdbbdcaaaccbcdccdddcdbcdaadbaacacbabddddadcbabcbdcbbdaabdbbadbcbdcdaacddbbbbdbbabddaddcabbcaaaccacbcddbcadbaadacacdacccbcbcbabaddabbdcccbcdacaadddbccaadbbcbababdcdbdbacabdacaacabccddabccbdbaacabdbcbcdccddcacbbdcdcaddcbbcdbdcacaaaccaaccbcabbaccacbdabbcbcbaacadcbbaacabbbdaccbaadcdbcbadaacadabcbababbdbadaaadcaabbbbdd", names));
    assertEquals(List.of("Business", "Sci/Tech", "Sports", "World"), r.labels());
    assertEquals(List.of(0.6693548387096774, 0.6724137931034483, 0.7164179104477612, 0.7301587301587301), r.perClass().stream().map(ClassScores::precision).toList());
    assertEquals(List.of(0.7217391304347827, 0.6554621848739496, 0.7384615384615385, 0.6764705882352942), r.perClass().stream().map(ClassScores::recall).toList());
    assertEquals(List.of(0.694560669456067, 0.6638297872340425, 0.7272727272727273, 0.7022900763358778), r.perClass().stream().map(ClassScores::f1).toList());
    assertEquals(List.of(115L, 119L, 130L, 136L), r.perClass().stream().map(ClassScores::support).toList());
    assertScores(List.of(0.6970863181049043, 0.6980333605013913, 0.6969883150746786), r.macro());
    assertScores(List.of(0.698, 0.698, 0.698), r.micro());
    assertScores(List.of(0.6988579269814389, 0.698, 0.6978542531908654), r.weighted());
    assertEquals(0.698, r.accuracy(), 0.0);
    assertEquals(0.5974038752868985, r.matthewsCorrelation(), 0.0);
    assertEquals(List.of(List.of(83L, 10L, 12L, 10L), List.of(17L, 78L, 11L, 13L), List.of(13L, 10L, 96L, 11L), List.of(11L, 18L, 15L, 92L)), r.confusionMatrix().counts());
  }
  @Test
  void sentimentMatchesScikitLearn() {
    List<String> names = List.of("positive", "negative");
    ClassificationReport r = ClassificationMetrics.evaluate(
        decode("bbbaabaabbaaabbaaaaaaaabbbaabbaabbbabbabaaababbaaaaaabbbbaabbabbabaaaaaabbaabaabbabbaabbaaabaaaabbabbbaaaaaabbbababaabaaaaabbabaaaababbbbbaaaababaaaabbbaaaabbaababbaaabbbaaababbaaabbaabbababababbaaaaabbbbbbbaababaaabbbabbaaabbbabbbabaababaaabbaabaabbbabbbbbbaababbbaabbaabaaaababaaabbaabaaabbabaabbabb", names),
        decode("abbaabaabbaabbbaaabaaaabbbaabbaabbbbbbabaaababbaaaaaabbbbabbbabbaaabbbaabbaabaabbaabaabbbaabaaaabbaabbabaaaabaaabaababaaaaabbaaaaaababbbbbaaaababaaaabbabaabbbbabbbbaaabbbaabbabbaaabaaabbababababbaaaaabbbbabbaababaaabbaabbababbaababaaaaaabaababaabbabababbbbabaaaaabbaabbaabaabababaaabbabbaaabbabbaaaabb", names));
    assertEquals(List.of("negative", "positive"), r.labels());
    assertEquals(List.of(0.8478260869565217, 0.8588957055214724), r.perClass().stream().map(ClassScores::precision).toList());
    assertEquals(List.of(0.8357142857142857, 0.8695652173913043), r.perClass().stream().map(ClassScores::recall).toList());
    assertEquals(List.of(0.841726618705036, 0.8641975308641975), r.perClass().stream().map(ClassScores::f1).toList());
    assertEquals(List.of(140L, 161L), r.perClass().stream().map(ClassScores::support).toList());
    assertScores(List.of(0.8533608962389971, 0.852639751552795, 0.8529620747846167), r.macro());
    assertScores(List.of(0.8538205980066446, 0.8538205980066446, 0.8538205980066446), r.micro());
    assertScores(List.of(0.8537470457238209, 0.8538205980066446, 0.8537459438134246), r.weighted());
    assertEquals(0.8538205980066446, r.accuracy(), 0.0);
    assertEquals(0.7060002794849104, r.matthewsCorrelation(), 0.0);
    assertEquals(List.of(List.of(117L, 23L), List.of(21L, 140L)), r.confusionMatrix().counts());
  }
  @Test
  void unicodeMatchesScikitLearn() {
    List<String> names = List.of("\u00e4", "z", "\u00d6", "a", "B", "\ud83d\ude00", "\ufb01", "\u00e9", "c", "Z");
    ClassificationReport r = ClassificationMetrics.evaluate(
        decode("djicfjhjbjaheiddhiihgcdcigabcjaeaehjgggjhcfbachdegegigjfijgjdfaejcfijjbdjeebbhhbfbgcaeggbajjagjfieidaeabbjiadgejecafffcgghigjibjiegdegeieifagjfagjjcafhffjehajaafehejjfcfcffjeegbajceidedfcgbbjffdhcbfdjhedbaidfjcefbjfjcgeiehfgegjgagcdahjigidahieifdbjebdaaidgjaahbciedaiigajbfceihafddbibcdecahjgaedejiigahfaacababhabiihfcfbfggjefedfgbciagbjcafhjigajgafhfgghaddiejbgdgcaffiebhbigbfjibjahcdgaibjbgcafbabhejebajiidbibiaifjcbdcdhjgefjgfigbgidgcgjjihcgccbhhihjccedcjifdiegjjjedeaehgdcjfdfhcghjdhjiahbgahddbdeddeccjaecafcgbbbbeeafhjfaaffgghbdjhgcifbebgbhiebiffheebfjiibhifaejcccfhbbicfjgiechhecbbciijgfbeegacahiediffghibfhbcejbbjbcdjggcjjcgdiicjcdefeahggfijehiehajdabdhcihddidaihbjecchbjaafjdibhiaffffcbjabfdbdgdhfbagbdcghhbigdheahhghchaeffhifjgdadefchidcdacjgicacbjchhcaaghfgaadgaghaddbghdcfjbfbjaeehehdieafffbagbjjababaciahadifdhfhfagejgbecgbigifigcgifcfghdhhfecijghaccahbbfdjajahhffabdgbfjebhbddaccjabdeddiigijfidhcjbabjabdebbhgdjbhfgjhbejhgdbiahebffdhbifgbjiddfafdghbedfcddjhigfdjghghjaeacbaceiiahaddehgaf", names),
        decode("djbgdehjbdhiehfddiiiaahfidefdjaeheadggdjhffdhdhdjgdbigjfejifadaejjfdebihfgeaahgbgbddabggeajhegdddegdaddbdjbdddefedaffffggffgjgidiejdddjidabagjfaijjdifhffjefebaffghhdjfjgjfgbdhggaeffidhdbdbgafffdhdjgdjdddaahdeddebbjffagefehfgeiigadddafjigejiijeiadbjdbdidadafdffbejhdfiiidjaidjihaidjdgddieihajgbedejifgahaiahddabdhggiafddifggjbfebgfbjiagejdadhhbdhihafhgigaaddiejagdgbbeijebhbagbfjibdaedaiaiajifddfdgfhjbabhjjddeihijiiifbbhdhjaaijgehebjadddgjjiedgbhbfhhahdhebdjiddieggddegeaghggddfgfggghjahjibhigjedgdghdifgbbgddbedggebdeeeedjfagifeghdbghgdbfdedafhfehidbhhihfjiijhbfidefddfhbgihfjgiebhbfdhidihjgfbdegjfiheedifgifdbghbidjbfabjhjggdjjbgddedjddefjfhgghjfehiidiiahbfhiiifeifaghhjeddhbeabagdibeifffffigfdaddhdgdhdbegbdbjfgbifdfeadggddjdeffjijagdadfidhgdjdafjgidbdejbdebbagdfggbddagfbibbghbdfddfhjdhahehbijbfbfbagbjahhgbadiidggdfdbfdjaghbgjfbbeigafigeibjgejidbhfediigeadjdhgbhdgajjhbgfhdjgbbjehjbddaagjagdagddijfjaidaajbdbjgaiggbbgafidfhjhfffhgbdbaihbfdbhbdjgbjfdddaedhhijbfdedjdigfbjgdahdehadfadeibajjddeegeb", names));
    assertEquals(List.of("B", "Z", "a", "c", "z", "\u00d6", "\u00e4", "\u00e9", "\ufb01", "\ud83d\ude00"), r.labels());
    assertEquals(List.of(0.5, 0.5784313725490197, 0.29473684210526313, 0.48514851485148514, 0.41904761904761906, 0.0, 0.4943820224719101, 0.4845360824742268, 0.5416666666666666, 0.49107142857142855), r.perClass().stream().map(ClassScores::precision).toList());
    assertEquals(List.of(0.4772727272727273, 0.5514018691588785, 0.5894736842105263, 0.5104166666666666, 0.4074074074074074, 0.0, 0.4074074074074074, 0.46078431372549017, 0.6310679611650486, 0.5188679245283019), r.perClass().stream().map(ClassScores::recall).toList());
    assertEquals(List.of(0.4883720930232558, 0.5645933014354066, 0.3929824561403509, 0.49746192893401014, 0.4131455399061033, 0.0, 0.4467005076142132, 0.4723618090452261, 0.5829596412556054, 0.5045871559633027), r.perClass().stream().map(ClassScores::f1).toList());
    assertEquals(List.of(88L, 107L, 95L, 96L, 108L, 87L, 108L, 102L, 103L, 106L), r.perClass().stream().map(ClassScores::support).toList());
    assertScores(List.of(0.4289020548737619, 0.45540999615424543, 0.43631644333174746), r.macro());
    assertScores(List.of(0.461, 0.461, 0.461), r.micro());
    assertScores(List.of(0.4363847340802061, 0.461, 0.443053265186878), r.weighted());
    assertEquals(0.461, r.accuracy(), 0.0);
    assertEquals(0.4042883329981722, r.matthewsCorrelation(), 0.0);
    assertEquals(List.of(List.of(42L, 7L, 11L, 2L, 2L, 0L, 4L, 10L, 4L, 6L), List.of(5L, 59L, 12L, 5L, 6L, 0L, 3L, 3L, 4L, 10L), List.of(2L, 3L, 56L, 4L, 11L, 0L, 5L, 3L, 7L, 4L), List.of(4L, 5L, 8L, 49L, 8L, 0L, 5L, 5L, 6L, 6L), List.of(6L, 3L, 14L, 8L, 44L, 0L, 9L, 9L, 9L, 6L), List.of(2L, 7L, 43L, 4L, 9L, 0L, 4L, 5L, 5L, 8L), List.of(7L, 5L, 12L, 8L, 10L, 0L, 44L, 10L, 7L, 5L), List.of(7L, 4L, 14L, 6L, 5L, 0L, 6L, 47L, 4L, 9L), List.of(2L, 5L, 9L, 8L, 3L, 0L, 5L, 3L, 65L, 3L), List.of(7L, 4L, 11L, 7L, 7L, 0L, 4L, 2L, 9L, 55L)), r.confusionMatrix().counts());
  }


  private static void assertScores(List<Double> expected, AveragedScores actual) {
    assertEquals(expected, List.of(actual.precision(), actual.recall(), actual.f1()));
  }

  /** Each character of {@code codes} ('a', 'b', ...) stands for names[code - 'a']. */
  private static List<String> decode(String codes, List<String> names) {
    return codes.chars().mapToObj(c -> names.get(c - 'a')).toList();
  }
}
