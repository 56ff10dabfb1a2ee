package org.mlmsuite.spark;

import java.net.URI;
import org.apache.hadoop.fs.RawLocalFileSystem;

/**
 * The local disk under the scheme {@code mlmcopy://}: a stand-in for {@code hdfs://} or
 * {@code s3a://}, so tests take the copy-to-local path of {@link ModelLocation}.
 */
public class CopyingTestFileSystem extends RawLocalFileSystem {
  @Override
  public URI getUri() {
    return URI.create("mlmcopy:///");
  }

  @Override
  public String getScheme() {
    return "mlmcopy";
  }
}
