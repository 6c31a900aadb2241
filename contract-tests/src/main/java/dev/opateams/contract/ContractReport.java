package dev.opateams.contract;

import java.util.List;
import java.util.stream.Collectors;

/** The mismatches that one run of {@link ContractChecker} found, in the order it found them. */
public final class ContractReport {

  private final List<Mismatch> mismatches;

  ContractReport(List<Mismatch> mismatches) {
    this.mismatches = List.copyOf(mismatches);
  }

  public List<Mismatch> mismatches() {
    return mismatches;
  }

  /** Returns one line per mismatch, as {@link Mismatch#toString()} writes it. */
  public List<String> lines() {
    return mismatches.stream().map(Mismatch::toString).collect(Collectors.toList());
  }

  public boolean conforms() {
    return mismatches.isEmpty();
  }

  /**
   * Throws an {@link AssertionError} that lists every mismatch when there is at least one.
   *
   * @throws AssertionError if the generated code does not conform to the spec
   */
  public void assertConforms() {
    if (!conforms()) {
      throw new AssertionError(format());
    }
  }

  /** Returns a summary line followed by one line per mismatch. */
  public String format() {
    if (conforms()) {
      return "The generated client and server stubs conform to the spec.";
    }
    return mismatches.size() + " mismatches between the spec and the generated code:\n  "
        + String.join("\n  ", lines());
  }

  @Override
  public String toString() {
    return format();
  }
}
