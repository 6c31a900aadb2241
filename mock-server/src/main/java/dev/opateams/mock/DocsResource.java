package dev.opateams.mock;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * The documentation pages: {@code /openapi.yaml} serves the spec with this
 * server listed first under {@code servers}, and {@code /docs} serves
 * Swagger UI from its webjar, so that the page loads nothing from another
 * host. The class is public only because Jersey calls its methods by
 * reflection; it is not meant to be used directly.
 */
@Path("/")
@Singleton
public final class DocsResource {

  private static final String WEBJAR_PROPERTIES = "/META-INF/maven/org.webjars/swagger-ui/pom.properties";
  private static final String OWN_FILES = "/dev/opateams/mock/docs/";
  private static final Pattern ASSET_NAME = Pattern.compile("[A-Za-z0-9._-]+");
  private static final Map<String, String> TYPES = Map.of(
      "css", "text/css; charset=utf-8",
      "js", "text/javascript; charset=utf-8",
      "html", "text/html; charset=utf-8",
      "png", "image/png",
      "map", "application/json");

  private final byte[] spec;
  private final String webjarRoot;

  @Inject
  DocsResource(MockBackend backend) {
    this.spec = specFor(backend.spec(), backend.baseUri());
    this.webjarRoot = "/META-INF/resources/webjars/swagger-ui/" + webjarVersion() + "/";
  }

  @GET
  @Path("openapi.yaml")
  public Response openApi() {
    return Response.ok(spec, "application/yaml").build();
  }

  @GET
  @Path("docs")
  public Response page() {
    return asset(OWN_FILES + "index.html", "html");
  }

  @GET
  @Path("docs/{file}")
  public Response file(@PathParam("file") String file) {
    if (!ASSET_NAME.matcher(file).matches() || file.startsWith(".")) {
      throw ApiException.notFound("No documentation file " + file + ".", "path", "file");
    }
    String extension = file.substring(file.lastIndexOf('.') + 1);
    if (file.equals("docs-init.js")) {
      return asset(OWN_FILES + file, extension);
    }
    return asset(webjarRoot + file, extension);
  }

  private static Response asset(String resource, String extension) {
    String type = TYPES.get(extension);
    InputStream in = DocsResource.class.getResourceAsStream(resource);
    if (type == null || in == null) {
      throw ApiException.notFound("No documentation file " + resource.substring(resource.lastIndexOf('/') + 1) + ".",
          "path", "file");
    }
    try (in) {
      return Response.ok(in.readAllBytes(), type).build();
    } catch (IOException e) {
      throw new UncheckedIOException("failed to read " + resource, e);
    }
  }

  /** Renders the spec as YAML with this server's base URL first under servers, so that "Try it out" calls the mock. */
  private static byte[] specFor(ApiSpec apiSpec, URI baseUri) {
    ObjectMapper yaml = new ObjectMapper(new YAMLFactory()
        .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
        .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES));
    ObjectNode root = apiSpec.root().deepCopy();
    ArrayNode servers = yaml.createArrayNode();
    servers.addObject().put("url", baseUri.toString()).put("description", "This mock server.");
    for (JsonNode server : root.path("servers")) {
      if (!server.path("url").asText().equals(baseUri.toString())) {
        servers.add(server);
      }
    }
    root.set("servers", servers);
    try {
      return yaml.writeValueAsBytes(root);
    } catch (IOException e) {
      throw new UncheckedIOException("failed to write the spec as YAML", e);
    }
  }

  private static String webjarVersion() {
    Properties properties = new Properties();
    try (InputStream in = DocsResource.class.getResourceAsStream(WEBJAR_PROPERTIES)) {
      if (in == null) {
        throw new IllegalStateException("The swagger-ui webjar is not on the classpath: " + WEBJAR_PROPERTIES);
      }
      properties.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException("failed to read " + WEBJAR_PROPERTIES, e);
    }
    return properties.getProperty("version");
  }
}
