package dev.opateams.contract;

import java.util.Objects;

/**
 * One difference between the spec and the generated code.
 *
 * @param subject the operationId, or the schema name for a model difference
 * @param element the part that differs, for example {@code query.count} or {@code body.client_session_duration}
 * @param detail the expected and the actual value
 */
public record Mismatch(String subject, String element, String detail) {

  public Mismatch {
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(element, "element");
    Objects.requireNonNull(detail, "detail");
  }

  /** Returns {@code subject: element: detail}, the line that a report prints. */
  @Override
  public String toString() {
    return subject + ": " + element + ": " + detail;
  }
}
