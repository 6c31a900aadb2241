package dev.opateams.client;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Removes secrets from text that may be logged or put into an exception. */
final class Redaction {

  static final String REDACTED = "<redacted>";

  private static final Set<String> SECRET_HEADERS =
      Set.of("authorization", "proxy-authorization", "cookie", "set-cookie");

  /**
   * A {@code key_secret} or {@code bearer_token} member and its value. The value may be a string,
   * possibly cut before its closing quote, or any other JSON token.
   */
  private static final Pattern SECRET_MEMBER = Pattern.compile(
      "(\"(?:key_secret|bearer_token)\"\\s*:\\s*)(\"(?:[^\"\\\\]|\\\\.)*(?:\"|$)|[^,}\\]\\s]+)");

  private Redaction() {
  }

  /** Replaces the values of {@code key_secret} and {@code bearer_token} members in JSON text. */
  static String redactJson(String text) {
    return SECRET_MEMBER.matcher(text).replaceAll("$1\"" + REDACTED + "\"");
  }

  /** Whether a header carries credentials and so must never be logged. */
  static boolean isSecretHeader(String name) {
    return SECRET_HEADERS.contains(name.toLowerCase(Locale.ROOT));
  }
}
