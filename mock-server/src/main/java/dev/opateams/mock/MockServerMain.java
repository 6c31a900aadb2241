package dev.opateams.mock;

import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * The command line of the executable jar: starts a {@link MockServer},
 * prints its base URL and the demo credentials, and runs until SIGTERM or
 * Ctrl-C. Exit status 2 means invalid options, 1 a failed start; after
 * SIGTERM the JVM exits with 143 (128 + 15).
 */
public final class MockServerMain {

  static final String USAGE = String.join(System.lineSeparator(),
      "Usage: java -jar opa-teams-mock-server.jar [options]",
      "",
      "Runs an in-memory OPA Teams API until it receives SIGTERM or Ctrl-C.",
      "",
      "Options:",
      "  --port N              port to listen on, 0 for any free port (default 8080)",
      "  --bind ADDRESS        address to listen on: localhost or an IP address of this machine",
      "                        (default 127.0.0.1; host names are not looked up)",
      "  --seed FILE           JSON file with the initial teams, users, servers and settings",
      "                        (default: the built-in demo seed; see seed-example.json)",
      "  --latency MS          delay added to every API request, in milliseconds (default 0)",
      "  --token-lifetime S    lifetime of issued bearer tokens, in seconds (default 3600)",
      "  --rate-limit N        API requests allowed per minute, all teams together (default 10000)",
      "  --fail-429 SHARE      share of API requests, 0 to 1, that get 429 Too Many Requests (default 0)",
      "  --fail-503 SHARE      share of API requests, 0 to 1, that get 503 Service Unavailable (default 0)",
      "  --help                print this help and exit",
      "",
      "Every option that takes a value also accepts the form --option=value.");

  private MockServerMain() {
  }

  public static void main(String[] args) {
    configureLogging();
    int status = run(args, System.out, System.err);
    if (status >= 0) {
      System.exit(status);
    }
  }

  /** Sets slf4j-simple's format unless the user set it; it has no effect with another provider. */
  private static void configureLogging() {
    System.setProperty("org.slf4j.simpleLogger.showDateTime",
        System.getProperty("org.slf4j.simpleLogger.showDateTime", "true"));
    System.setProperty("org.slf4j.simpleLogger.dateTimeFormat",
        System.getProperty("org.slf4j.simpleLogger.dateTimeFormat", "yyyy-MM-dd'T'HH:mm:ss.SSSXXX"));
    System.setProperty("org.slf4j.simpleLogger.logFile",
        System.getProperty("org.slf4j.simpleLogger.logFile", "System.err"));
  }

  /**
   * Parses the options and runs the server until the JVM shuts down.
   *
   * @return the exit status for an early end (help, invalid options, failed start); -1 after a normal stop
   */
  static int run(String[] args, PrintStream out, PrintStream err) {
    MockServer.Builder builder = MockServer.builder().port(8080);
    try {
      if (!parse(args, builder)) {
        out.println(USAGE);
        return 0;
      }
    } catch (IllegalArgumentException e) {
      err.println("Error: " + e.getMessage());
      err.println("Run with --help for the list of options.");
      return 2;
    }

    MockServer server;
    try {
      server = builder.build().start();
    } catch (UncheckedIOException e) {
      String hint = e.getCause() instanceof BindException ? "; choose another port with --port." : "";
      err.println("Error: " + e.getMessage() + hint);
      return 1;
    } catch (IllegalArgumentException e) {
      err.println("Error: " + e.getMessage());
      return 1;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      server.stop();
      stopped.countDown();
    }, "opa-mock-shutdown"));

    ServiceUserCredentials demo = server.demoCredentials();
    out.println("OPA Teams mock server: " + server.baseUri() + " (API reference: " + server.baseUri() + "/docs)");
    out.println("Demo service user " + demo.name() + " of team " + demo.teamName() + ": key_id="
        + demo.keyId() + " key_secret=" + demo.keySecret());
    out.flush();
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return -1;
  }

  /**
   * Applies the options to the builder; returns false when help was requested.
   * An option takes its value from the next argument or after an equals sign,
   * as in {@code --port 8080} and {@code --port=8080}.
   */
  private static boolean parse(String[] args, MockServer.Builder builder) {
    double share429 = 0;
    double share503 = 0;
    for (int i = 0; i < args.length; i++) {
      String argument = args[i];
      if (argument.equals("--help") || argument.equals("-h")) {
        return false;
      }
      if (!argument.startsWith("--")) {
        throw new IllegalArgumentException("Unexpected argument '" + argument + "'.");
      }
      int equals = argument.indexOf('=');
      String option = equals < 0 ? argument : argument.substring(0, equals);
      String value;
      if (equals >= 0) {
        value = argument.substring(equals + 1);
      } else if (i + 1 < args.length) {
        value = args[++i];
      } else {
        throw new IllegalArgumentException("The option " + option + " needs a value.");
      }
      switch (option) {
        case "--port" -> builder.port(integer(option, value, 0, 65535));
        case "--bind" -> bindAddress(builder, value);
        case "--seed" -> builder.seed(Seed.fromFile(Path.of(value)));
        case "--latency" -> builder.latency(Duration.ofMillis(integer(option, value, 0, 600_000)));
        case "--token-lifetime" -> builder.tokenLifetime(Duration.ofSeconds(integer(option, value, 1, 31_536_000)));
        case "--rate-limit" -> builder.rateLimitPerMinute(integer(option, value, 1, Integer.MAX_VALUE));
        case "--fail-429" -> share429 = share(option, value);
        case "--fail-503" -> share503 = share(option, value);
        case "--help" -> throw new IllegalArgumentException("The option --help takes no value.");
        default -> throw new IllegalArgumentException("Unknown option " + option + ".");
      }
    }
    if (share429 + share503 > 1) {
      throw new IllegalArgumentException("--fail-429 and --fail-503 add up to more than 1.");
    }
    builder.faults(share429, share503);
    return true;
  }

  private static void bindAddress(MockServer.Builder builder, String value) {
    try {
      builder.bindAddress(value);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("Invalid value for --bind: '" + value
          + "' (expected localhost or an IP address of this machine; host names are not looked up).", e);
    }
  }

  private static int integer(String option, String value, int minimum, int maximum) {
    try {
      int number = Integer.parseInt(value);
      if (number >= minimum && number <= maximum) {
        return number;
      }
    } catch (NumberFormatException e) {
      // Reported below with the expected range.
    }
    throw new IllegalArgumentException("Invalid value for " + option + ": '" + value
        + "' (expected an integer from " + minimum + " to " + maximum + ").");
  }

  private static double share(String option, String value) {
    try {
      double share = Double.parseDouble(value);
      if (share >= 0 && share <= 1) {
        return share;
      }
    } catch (NumberFormatException e) {
      // Reported below with the expected range.
    }
    throw new IllegalArgumentException("Invalid value for " + option + ": '" + value
        + "' (expected a number from 0 to 1).");
  }
}
