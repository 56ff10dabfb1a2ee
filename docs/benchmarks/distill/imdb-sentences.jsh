// Issue #17: the IMDB mirror's 5,000 reviews (train and dev splits of the catalog), split into sentences by
// the project's OpenNLP splitter, deduplicated, one per line: unlabeled in-domain text for the SST-2 teacher.
import java.nio.file.*;
import java.util.*;
import org.mlmsuite.datasets.*;
import org.mlmsuite.backbone.ner.*;
var splitter = SentenceSplitter.english();
var seen = new LinkedHashSet<String>();
int reviews = 0;
for (String split : List.of("train", "dev")) {
  try (var reader = LabeledTextSource.dataset("imdb", split).open(Path.of("/work/shared/datasets"), BadRowPolicy.FAIL)) {
    for (LabeledText row : reader) {
      reviews++;
      String text = row.text().replaceAll("\\s+", " ").strip();
      for (CharSpan s : splitter.split(text)) {
        String sentence = text.substring(s.start(), s.end()).strip();
        if (sentence.split(" ").length >= 3) seen.add(sentence);
      }
    }
  }
}
Files.write(Path.of("imdb-sentences.txt"), seen);
System.out.println(reviews + " reviews -> " + seen.size() + " distinct sentences of 3+ words");
/exit
