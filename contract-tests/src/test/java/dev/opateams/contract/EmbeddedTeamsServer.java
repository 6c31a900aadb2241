package dev.opateams.contract;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import jakarta.ws.rs.ext.ContextResolver;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import org.glassfish.jersey.jackson.JacksonFeature;
import org.glassfish.jersey.server.ContainerFactory;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;
import org.openapitools.jackson.nullable.JsonNullableModule;

/**
 * A Jersey application on the JDK HTTP server, bound to the loopback address
 * on an ephemeral port. Closing it stops the server at once.
 */
final class EmbeddedTeamsServer implements AutoCloseable {

  private final HttpServer httpServer;

  private EmbeddedTeamsServer(HttpServer httpServer) {
    this.httpServer = httpServer;
  }

  /** Starts a server for the given resources and providers. */
  static EmbeddedTeamsServer start(Object... components) {
    ResourceConfig config = new ResourceConfig()
        .register(JacksonFeature.withoutExceptionMappers())
        .register(new ObjectMapperResolver(serverObjectMapper()))
        .property(ServerProperties.BV_SEND_ERROR_IN_RESPONSE, false)
        .property(ServerProperties.WADL_FEATURE_DISABLE, true);
    for (Object component : components) {
      config.register(component);
    }
    HttpHandler handler = ContainerFactory.createContainer(HttpHandler.class, config);
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      server.createContext("/", handler);
      server.start();
      return new EmbeddedTeamsServer(server);
    } catch (IOException e) {
      throw new UncheckedIOException("failed to start the embedded server on 127.0.0.1", e);
    }
  }

  /**
   * The mapper a server implementation of the stubs needs: JSR-310 dates,
   * JsonNullable, and unset optional properties left out rather than null.
   */
  static ObjectMapper serverObjectMapper() {
    return new ObjectMapper()
        .setSerializationInclusion(JsonInclude.Include.NON_NULL)
        .registerModule(new JavaTimeModule())
        .registerModule(new JsonNullableModule())
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
  }

  URI baseUri() {
    InetSocketAddress address = httpServer.getAddress();
    return URI.create("http://" + address.getAddress().getHostAddress() + ":" + address.getPort());
  }

  @Override
  public void close() {
    httpServer.stop(0);
  }

  private static final class ObjectMapperResolver implements ContextResolver<ObjectMapper> {
    private final ObjectMapper mapper;

    ObjectMapperResolver(ObjectMapper mapper) {
      this.mapper = mapper;
    }

    @Override
    public ObjectMapper getContext(Class<?> type) {
      return mapper;
    }
  }
}
