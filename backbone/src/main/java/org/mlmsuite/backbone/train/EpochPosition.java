package org.mlmsuite.backbone.train;

/** Where an epoch-based {@link BatchSource} stands: {@code "<epoch>:<batch index in the epoch>"}. */
record EpochPosition(long epoch, int batch) {
  /** Reads a saved position; anything but two non-negative integers is refused, naming it. */
  static EpochPosition parse(String position) {
    String[] parts = position.split(":");
    try {
      if (parts.length != 2) {
        throw new NumberFormatException();
      }
      long epoch = Long.parseLong(parts[0]);
      int batch = Integer.parseInt(parts[1]);
      if (epoch < 0 || batch < 0) {
        throw new NumberFormatException();
      }
      return new EpochPosition(epoch, batch);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("batch source: bad position '" + position + "'", e);
    }
  }

  @Override
  public String toString() {
    return epoch + ":" + batch;
  }
}
