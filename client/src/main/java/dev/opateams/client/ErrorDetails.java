package dev.opateams.client;

import dev.opateams.client.model.ErrorCause;
import dev.opateams.client.model.FieldError;
import java.util.List;

/** The fields of an {@link OpaApiException}, gathered from the request and the error response. */
record ErrorDetails(
    int status,
    String method,
    String path,
    String operationId,
    String errorName,
    String errorMessage,
    List<ErrorCause> errorCauses,
    List<FieldError> fieldErrors,
    String rawBody) {
}
