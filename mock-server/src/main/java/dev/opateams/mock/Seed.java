package dev.opateams.mock;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * The initial state of a mock server: teams with their service users and
 * roles, servers, checked-out resources, settings and vault keys. A seed is
 * a JSON document, described in the module's {@code seed-example.json}, and
 * is checked completely when it is loaded. {@link MockServer#reset()}
 * returns the server to its seed.
 */
public final class Seed {

  private static final String DEFAULT_RESOURCE = "/dev/opateams/mock/default-seed.json";

  private final String source;
  private final JsonNode json;
  private final MockState.Summary summary;

  private Seed(String source, JsonNode json) {
    this.source = source;
    this.json = json;
    this.summary = new SeedReader(source).read(json).summary();
  }

  /**
   * The built-in seed: the team {@code Your_OPA_Team} with the service users
   * {@code demo-admin} (every role) and {@code demo-end-user} (end_user),
   * five servers, two checked-out resources, settings and one vault key, and
   * the team {@code Other_Team} for cross-team checks.
   */
  public static Seed defaults() {
    try (InputStream in = Seed.class.getResourceAsStream(DEFAULT_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("The default seed " + DEFAULT_RESOURCE + " is missing from the jar");
      }
      return fromJson("the default seed", new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("failed to read the default seed", e);
    }
  }

  /**
   * Reads a seed file.
   *
   * @throws IllegalArgumentException when the file is missing, is not JSON or breaks the seed format;
   *     the message names the file and the JSON path of the wrong value
   */
  public static Seed fromFile(Path file) {
    Objects.requireNonNull(file, "file");
    String content;
    try {
      content = Files.readString(file);
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException("Seed file " + file + " does not exist.", e);
    } catch (IOException e) {
      throw new IllegalArgumentException("Seed file " + file + " could not be read: " + e.getMessage(), e);
    }
    return fromJson("seed file " + file, content);
  }

  /**
   * Reads a seed from a JSON string.
   *
   * @param source a description of where the JSON came from, used in error messages
   * @throws IllegalArgumentException when the JSON is malformed or breaks the seed format
   */
  public static Seed fromJson(String source, String json) {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(json, "json");
    JsonNode tree;
    try {
      tree = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).readTree(json);
    } catch (JsonProcessingException e) {
      String where = e.getLocation() == null ? ""
          : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
      throw new IllegalArgumentException("In " + source + ": not valid JSON" + where + ".", e);
    }
    if (tree == null || !tree.isObject()) {
      throw new IllegalArgumentException("In " + source + ": the seed must be a JSON object with a teams array.");
    }
    return new Seed(source, ((ObjectNode) tree).deepCopy());
  }

  /** Returns the credentials of the seed's first service user in its first team. */
  ServiceUserCredentials firstServiceUser() {
    return summary.firstServiceUser();
  }

  /** Returns the credentials of the named service user. */
  ServiceUserCredentials serviceUser(String name) {
    return summary.serviceUser(name);
  }

  /** Builds a fresh mutable state from this seed. */
  MockState newState() {
    return new SeedReader(source).read(json);
  }

  @Override
  public String toString() {
    return "Seed[" + source + "]";
  }
}
