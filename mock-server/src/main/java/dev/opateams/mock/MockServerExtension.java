package dev.opateams.mock;

import java.util.Objects;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * A JUnit 5 extension that starts a {@link MockServer} on 127.0.0.1 and a
 * free port before the first test of a class, resets its state before each
 * test, and stops it after the last one. Test methods, constructors and
 * lifecycle methods can take a {@link MockServer} parameter.
 *
 * <pre>{@code
 * @ExtendWith(MockServerExtension.class)
 * class MyTest {
 *   @Test
 *   void listsServers(MockServer server) {
 *     URI base = server.baseUri();
 *     ServiceUserCredentials admin = server.demoCredentials();
 *   }
 * }
 *
 * // or, with settings of its own:
 * @RegisterExtension
 * static final MockServerExtension MOCK = MockServerExtension.using(
 *     () -> MockServer.builder().tokenLifetime(Duration.ofSeconds(5)));
 * }</pre>
 */
public final class MockServerExtension
    implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, ParameterResolver {

  private final Supplier<MockServer.Builder> configuration;
  private MockServer server;
  /** The unique ID of the class context that started the server; nested classes reuse it. */
  private String owner;

  /** Creates an extension with the default settings and seed. */
  public MockServerExtension() {
    this(MockServer::builder);
  }

  private MockServerExtension(Supplier<MockServer.Builder> configuration) {
    this.configuration = configuration;
  }

  /**
   * Returns an extension whose server comes from the given builder. The port is
   * always set to 0, so that parallel test classes do not collide.
   */
  public static MockServerExtension using(Supplier<MockServer.Builder> configuration) {
    return new MockServerExtension(Objects.requireNonNull(configuration, "configuration"));
  }

  /**
   * Returns the running server.
   *
   * @throws IllegalStateException outside the tests of the class that uses the extension
   */
  public MockServer server() {
    if (server == null) {
      throw new IllegalStateException("The mock server runs only during the tests of the class that uses it");
    }
    return server;
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    if (server == null) {
      server = configuration.get().port(0).build().start();
      owner = context.getUniqueId();
    }
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    server().reset();
  }

  @Override
  public void afterAll(ExtensionContext context) {
    if (server != null && context.getUniqueId().equals(owner)) {
      server.stop();
      server = null;
      owner = null;
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
    return parameterContext.getParameter().getType() == MockServer.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
    return server();
  }
}
