package dev.opateams.client;

import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;

/**
 * Logs HTTP exchanges at DEBUG as far as the {@link LogLevel} allows, with secrets redacted and 403
 * bodies left out.
 */
final class WireLog {

  static final int MAX_LOGGED_BODY_CHARS = 64 * 1024;

  private final Logger log;
  private final LogLevel level;

  WireLog(Logger log, LogLevel level) {
    this.log = log;
    this.level = level;
  }

  void request(Operation operation, HttpRequest request, byte[] body) {
    if (level == LogLevel.NONE || !log.isDebugEnabled()) {
      return;
    }
    StringBuilder line = new StringBuilder("--> ").append(request.method()).append(' ')
        .append(request.uri()).append(" (").append(operation.operationId()).append(')');
    if (atLeast(LogLevel.HEADERS)) {
      appendHeaders(line, request.headers());
    }
    if (atLeast(LogLevel.BODY) && body != null) {
      line.append("\n").append(bodyText(body));
    }
    log.debug(line.toString());
  }

  void response(Operation operation, HttpRequest request, HttpResponse<byte[]> response,
      long elapsedNanos) {
    if (level == LogLevel.NONE || !log.isDebugEnabled()) {
      return;
    }
    byte[] body = response.body();
    StringBuilder line = new StringBuilder("<-- ").append(response.statusCode()).append(' ')
        .append(request.method()).append(' ').append(request.uri()).append(" (")
        .append(operation.operationId()).append(", ")
        .append(TimeUnit.NANOSECONDS.toMillis(elapsedNanos)).append(" ms, ")
        .append(body.length).append("-byte body)");
    if (atLeast(LogLevel.HEADERS)) {
      appendHeaders(line, response.headers());
    }
    if (atLeast(LogLevel.BODY) && body.length > 0) {
      if (response.statusCode() == 403) {
        // A 403 body can list the caller's roles and the Team's state; it stays out of logs.
        line.append("\n<403 body of ").append(body.length).append(" bytes not logged>");
      } else {
        line.append("\n").append(bodyText(body));
      }
    }
    log.debug(line.toString());
  }

  private boolean atLeast(LogLevel required) {
    return level.compareTo(required) >= 0;
  }

  private static void appendHeaders(StringBuilder line, HttpHeaders headers) {
    for (Map.Entry<String, List<String>> header : headers.map().entrySet()) {
      for (String value : header.getValue()) {
        line.append("\n").append(header.getKey()).append(": ")
            .append(Redaction.isSecretHeader(header.getKey()) ? Redaction.REDACTED : value);
      }
    }
  }

  private static String bodyText(byte[] body) {
    String text = Redaction.redactJson(new String(body, StandardCharsets.UTF_8));
    if (text.length() <= MAX_LOGGED_BODY_CHARS) {
      return text;
    }
    return text.substring(0, MAX_LOGGED_BODY_CHARS) + "... (" + text.length() + " characters)";
  }
}
