package dev.opateams.client;

import dev.opateams.client.model.CheckedOutResource;
import dev.opateams.client.model.CheckedOutResourceList;
import dev.opateams.client.model.CheckinRequest;
import dev.opateams.client.model.CheckoutResourceType;
import dev.opateams.client.model.JsonWebKeySet;
import dev.opateams.client.model.Role;
import dev.opateams.client.model.RoleList;
import dev.opateams.client.model.Server;
import dev.opateams.client.model.ServerList;
import dev.opateams.client.model.ServiceToken;
import dev.opateams.client.model.ServiceTokenRequest;
import dev.opateams.client.model.TeamSettings;
import dev.opateams.client.model.TeamStats;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A client of the OPA Teams API for one Team. It authenticates, follows paging links, turns error
 * responses into typed exceptions and retries where that is safe.
 *
 * <pre>{@code
 * try (OpaTeamsClient client = OpaTeamsClient.builder()
 *     .baseUrl("https://your-org.pam.okta.com")
 *     .teamName("Your_OPA_Team")
 *     .serviceUser(keyId, keySecret)
 *     .build()) {
 *   client.listServers().stream().map(Server::getHostname).forEach(System.out::println);
 * }
 * }</pre>
 *
 * <p>The client is immutable and thread-safe; build one per Team and share it. {@link #close()}
 * releases its threads. Every operation throws {@link OpaApiException} (a subclass by status) for
 * an error response, {@link OpaTeamsException} when no usable response arrived,
 * {@link IllegalArgumentException} for a request that fails validation before it is sent, and
 * {@link IllegalStateException} after {@link #close()}.
 */
public final class OpaTeamsClient implements AutoCloseable {

  private static final AtomicInteger CLIENT_NUMBERS = new AtomicInteger();

  private final URI baseUrl;
  private final String teamName;
  private final String teamPath;
  private final Integer pageSize;
  private final Clock clock;
  private final HttpTransport transport;
  private final TokenSource tokens;
  private final ServiceUserCredentials credentials;

  private OpaTeamsClient(Builder builder) {
    this.baseUrl = builder.baseUrl;
    this.teamName = builder.teamName;
    this.teamPath = stripTrailingSlash(baseUrl.getRawPath()) + "/v1/teams/"
        + QueryString.encode(teamName);
    this.pageSize = builder.pageSize;
    this.clock = builder.clock;
    this.credentials = builder.credentials;

    ExecutorService executor =
        Executors.newCachedThreadPool(daemonThreads(CLIENT_NUMBERS.incrementAndGet()));
    HttpClient httpClient = HttpClient.newBuilder()
        .connectTimeout(builder.connectTimeout)
        // A redirect could carry the bearer token to another origin; it is reported instead.
        .followRedirects(HttpClient.Redirect.NEVER)
        .executor(executor)
        .build();
    this.transport = new HttpTransport(httpClient, executor, builder.readTimeout,
        builder.retryPolicy, builder.sleeper, clock, builder.logLevel);

    if (credentials != null) {
      this.tokens = new TokenSource.ServiceUser(() -> createServiceToken(credentials), clock);
    } else if (builder.bearerToken != null) {
      this.tokens = TokenSource.fixed(builder.bearerToken);
    } else {
      this.tokens = TokenSource.supplied(builder.tokenSupplier);
    }
  }

  /** Starts a builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** The base URL that requests go to, for example {@code https://your-org.pam.okta.com}. */
  public URI baseUrl() {
    return baseUrl;
  }

  /** The Team in every request path. */
  public String teamName() {
    return teamName;
  }

  /** Lists every Server available to the caller ({@code listServers}), lazily, page by page. */
  public PagedIterable<Server> listServers() {
    return listServers(ListServersRequest.all());
  }

  /** Lists the Servers that match {@code request} ({@code listServers}), lazily, page by page. */
  public PagedIterable<Server> listServers(ListServersRequest request) {
    Objects.requireNonNull(request, "request must not be null");
    QueryString query = new QueryString();
    request.addTo(query);
    query.add("count", request.pageSize() != null ? request.pageSize() : pageSize);
    return paged(Operation.LIST_SERVERS, query, ServerList.class, ServerList::getList);
  }

  /** Lists the resources that the caller has checked out ({@code listCheckedOutResources}). */
  public PagedIterable<CheckedOutResource> listCheckedOutResources() {
    return listCheckedOutResources(ListCheckedOutResourcesRequest.all());
  }

  /** Lists the checked-out resources that match {@code request}. */
  public PagedIterable<CheckedOutResource> listCheckedOutResources(
      ListCheckedOutResourcesRequest request) {
    Objects.requireNonNull(request, "request must not be null");
    QueryString query = new QueryString();
    request.addTo(query);
    query.add("count", request.pageSize() != null ? request.pageSize() : pageSize);
    return paged(Operation.LIST_CHECKED_OUT_RESOURCES, query, CheckedOutResourceList.class,
        CheckedOutResourceList::getList);
  }

  /** Lists the roles available to the Team ({@code listRoles}). */
  public PagedIterable<Role> listRoles() {
    return paged(Operation.LIST_ROLES, new QueryString(), RoleList.class, RoleList::getList);
  }

  /** Returns the Team's settings ({@code getTeamSettings}). */
  public TeamSettings getTeamSettings() {
    return call(Operation.GET_TEAM_SETTINGS, null, TeamSettings.class);
  }

  /**
   * Changes the settings that {@code update} names and leaves the others unchanged
   * ({@code updateTeamSettings}). Both 204 and 200 count as success.
   *
   * @throws IllegalArgumentException if a value is out of its documented range; nothing is sent
   */
  public void updateTeamSettings(SettingsUpdate update) {
    Objects.requireNonNull(update, "update must not be null");
    call(Operation.UPDATE_TEAM_SETTINGS, update.toModel(), null);
  }

  /** Returns the counts of the Team's objects ({@code getTeamStats}). */
  public TeamStats getTeamStats() {
    return call(Operation.GET_TEAM_STATS, null, TeamStats.class);
  }

  /** Returns the public keys of the Team's vault ({@code getVaultJwks}). */
  public JsonWebKeySet getVaultJwks() {
    return call(Operation.GET_VAULT_JWKS, null, JsonWebKeySet.class);
  }

  /**
   * Checks in a resource that the caller checked out ({@code checkinResource}). Never retried
   * once the request may have reached the server.
   *
   * @throws IllegalArgumentException if {@code resourceId} is empty; nothing is sent
   */
  public void checkinResource(String resourceId, CheckoutResourceType resourceType) {
    Objects.requireNonNull(resourceId, "resourceId must not be null");
    Objects.requireNonNull(resourceType, "resourceType must not be null");
    call(Operation.CHECKIN_RESOURCE,
        new CheckinRequest().resourceId(resourceId).resourceType(resourceType), null);
  }

  /**
   * Exchanges service-user credentials for a bearer token ({@code createServiceToken}). The
   * client does this itself when it was built with {@link Builder#serviceUser}; call it directly
   * only to hand a token to other code.
   *
   * @throws OpaTeamsException if the token is for another Team than {@link #teamName()}
   */
  public AccessToken createServiceToken(ServiceUserCredentials credentials) {
    Objects.requireNonNull(credentials, "credentials must not be null");
    ServiceTokenRequest body = new ServiceTokenRequest()
        .keyId(credentials.keyId())
        .keySecret(credentials.keySecret());
    URI uri = uri(Operation.CREATE_SERVICE_TOKEN, new QueryString());
    HttpResponse<byte[]> response =
        transport.send(Operation.CREATE_SERVICE_TOKEN, uri, serialize(body), null);
    ServiceToken token = decode(Operation.CREATE_SERVICE_TOKEN, uri, response.body(),
        ServiceToken.class);
    return toAccessToken(token, uri);
  }

  /**
   * Stops the client and releases its HTTP threads. Calls after this throw
   * {@link IllegalStateException}. Calling it again does nothing.
   */
  @Override
  public void close() {
    transport.close();
  }

  @Override
  public String toString() {
    return "OpaTeamsClient{baseUrl=" + baseUrl + ", teamName=" + teamName + ", closed="
        + transport.isClosed() + "}";
  }

  /** Whether {@link #close()} has stopped every thread of the transport; for tests. */
  boolean isTransportTerminated() {
    return transport.isTerminated();
  }

  private <T> T call(Operation operation, Object body, Class<T> responseType) {
    byte[] json = null;
    if (body != null) {
      RequestValidation.validate(operation, body);
      json = serialize(body);
    }
    URI uri = uri(operation, new QueryString());
    HttpResponse<byte[]> response = transport.send(operation, uri, json, tokens);
    return responseType == null ? null : decode(operation, uri, response.body(), responseType);
  }

  private <L, T> PagedIterable<T> paged(Operation operation, QueryString query, Class<L> listType,
      Function<L, List<T>> items) {
    URI first = uri(operation, query);
    return new PagedIterable<>(() -> new PageIterator<>(operation, first, pageUri -> {
      HttpResponse<byte[]> response = transport.send(operation, pageUri, null, tokens);
      List<T> pageItems = items.apply(decode(operation, pageUri, response.body(), listType));
      String next = LinkHeader.findNext(response.headers().allValues("Link"));
      return new PageIterator.Page<>(pageItems == null ? List.of() : pageItems,
          next == null ? null : checkNextLink(operation, pageUri, next));
    }));
  }

  /**
   * Resolves a {@code rel="next"} link and accepts it only on the base URL's origin and the
   * operation's path, so that a server cannot send the client (and its bearer token) elsewhere.
   */
  private URI checkNextLink(Operation operation, URI current, String link) {
    URI next;
    try {
      next = current.resolve(new URI(link));
    } catch (URISyntaxException | IllegalArgumentException e) {
      throw new OpaTeamsException(operation.operationId()
          + " sent a rel=\"next\" link that is not a valid URI: " + link, e);
    }
    if (!origin(next).equals(origin(baseUrl))) {
      throw new OpaTeamsException(operation.operationId() + " sent a rel=\"next\" link to "
          + origin(next) + ", which is not the origin of the base URL, " + origin(baseUrl)
          + "; the link was not followed");
    }
    if (!Objects.equals(next.getRawPath(), current.getRawPath())) {
      throw new OpaTeamsException(operation.operationId() + " sent a rel=\"next\" link to the path "
          + next.getRawPath() + " instead of " + current.getRawPath()
          + "; the link was not followed");
    }
    return next;
  }

  private static String origin(URI uri) {
    String scheme = String.valueOf(uri.getScheme()).toLowerCase(Locale.ROOT);
    int port = uri.getPort();
    if (port == -1) {
      port = scheme.equals("https") ? 443 : scheme.equals("http") ? 80 : -1;
    }
    String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
    return scheme + "://" + host + ":" + port;
  }

  private URI uri(Operation operation, QueryString query) {
    String path = teamPath + operation.pathSuffix();
    String text = origin(baseUrl) + path + (query.isEmpty() ? "" : "?" + query);
    return URI.create(text);
  }

  private AccessToken toAccessToken(ServiceToken token, URI uri) {
    // ServiceToken.toString() prints the bearer token, so the model never reaches a message.
    if (token.getBearerToken() == null || token.getBearerToken().isBlank()
        || token.getExpiresAt() == null || token.getTeamName() == null) {
      throw new OpaTeamsException(HttpTransport.describeRequest(Operation.CREATE_SERVICE_TOKEN,
          uri) + " returned a token without bearer_token, expires_at or team_name");
    }
    if (!token.getTeamName().equals(teamName)) {
      throw new OpaTeamsException(HttpTransport.describeRequest(Operation.CREATE_SERVICE_TOKEN,
          uri) + " returned a token for team \"" + token.getTeamName()
          + "\", but the client is configured for team \"" + teamName
          + "\"; the token was rejected");
    }
    return new AccessToken(token.getBearerToken(), token.getExpiresAt().toInstant(),
        token.getTeamName());
  }

  private static byte[] serialize(Object body) {
    try {
      return Json.MAPPER.writeValueAsBytes(body);
    } catch (JsonProcessingException e) {
      // Only the type is named: the body may hold a key secret.
      throw new OpaTeamsException(
          "Could not write the request body of type " + body.getClass().getSimpleName());
    }
  }

  private static <T> T decode(Operation operation, URI uri, byte[] body, Class<T> type) {
    try {
      return Json.MAPPER.readValue(body, type);
    } catch (JsonProcessingException e) {
      String problem = HttpTransport.describeRequest(operation, uri)
          + " returned a body that is not a valid " + type.getSimpleName();
      if (operation == Operation.CREATE_SERVICE_TOKEN) {
        // The parser's message can quote a token value, so it is left out here.
        throw new OpaTeamsException(problem);
      }
      throw new OpaTeamsException(problem + ": " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new OpaTeamsException(HttpTransport.describeRequest(operation, uri)
          + " returned a body that could not be read", e);
    }
  }

  private static String stripTrailingSlash(String path) {
    if (path == null) {
      return "";
    }
    return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
  }

  private static ThreadFactory daemonThreads(int clientNumber) {
    AtomicInteger threadNumbers = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable,
          "opa-teams-client-" + clientNumber + "-http-" + threadNumbers.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }

  static int checkPageSize(int pageSize) {
    if (pageSize < 1) {
      throw new IllegalArgumentException("pageSize must be at least 1, but was: " + pageSize);
    }
    return pageSize;
  }

  /**
   * Builds an {@link OpaTeamsClient}. {@link #baseUrl}, {@link #teamName} and exactly one of
   * {@link #serviceUser}, {@link #bearerToken} and {@link #tokenSupplier} are required. Not
   * thread-safe.
   */
  public static final class Builder {

    private URI baseUrl;
    private String teamName;
    private ServiceUserCredentials credentials;
    private String bearerToken;
    private Supplier<String> tokenSupplier;
    private Duration connectTimeout = Duration.ofSeconds(10);
    private Duration readTimeout = Duration.ofSeconds(30);
    private RetryPolicy retryPolicy = RetryPolicy.defaults();
    private LogLevel logLevel = LogLevel.BASIC;
    private Clock clock = Clock.systemUTC();
    private Sleeper sleeper = Sleeper.SYSTEM;
    private Integer pageSize;

    private Builder() {
    }

    /**
     * Sets the base URL of the OPA organization, for example
     * {@code https://your-org.pam.okta.com}. It must use https; plain http is accepted only for a
     * loopback host such as 127.0.0.1, for tests and local mock servers.
     *
     * @throws IllegalArgumentException if the URL is not absolute, has a query, fragment or user
     *     info, or uses http for a host that is not loopback
     */
    public Builder baseUrl(String baseUrl) {
      Objects.requireNonNull(baseUrl, "baseUrl must not be null");
      URI parsed;
      try {
        parsed = new URI(baseUrl);
      } catch (URISyntaxException e) {
        throw new IllegalArgumentException(
            "baseUrl must be an absolute http or https URL, but was: \"" + baseUrl + "\"", e);
      }
      this.baseUrl = checkBaseUrl(parsed, baseUrl);
      return this;
    }

    /** Sets the base URL; see {@link #baseUrl(String)}. */
    public Builder baseUrl(URI baseUrl) {
      Objects.requireNonNull(baseUrl, "baseUrl must not be null");
      return baseUrl(baseUrl.toString());
    }

    /**
     * Sets the Team name that goes into every request path.
     *
     * @throws IllegalArgumentException if {@code teamName} is blank
     */
    public Builder teamName(String teamName) {
      Objects.requireNonNull(teamName, "teamName must not be null");
      if (teamName.isBlank()) {
        throw new IllegalArgumentException(
            "teamName must not be blank, but was: \"" + teamName + "\"");
      }
      this.teamName = teamName;
      return this;
    }

    /**
     * Authenticates as a service user: the client exchanges the API key for a bearer token with
     * {@code createServiceToken}, caches it and renews it shortly before it expires and after a
     * 401.
     *
     * @throws IllegalArgumentException if {@code keyId} is not a UUID or {@code keySecret} is
     *     empty or longer than 512 characters
     */
    public Builder serviceUser(String keyId, String keySecret) {
      return serviceUser(ServiceUserCredentials.of(keyId, keySecret));
    }

    /** Authenticates as a service user; see {@link #serviceUser(String, String)}. */
    public Builder serviceUser(ServiceUserCredentials credentials) {
      this.credentials = Objects.requireNonNull(credentials, "credentials must not be null");
      return this;
    }

    /** Sends this bearer token with every request. It is not renewed: a 401 is thrown. */
    public Builder bearerToken(String bearerToken) {
      Objects.requireNonNull(bearerToken, "bearerToken must not be null");
      if (bearerToken.isBlank()) {
        throw new IllegalArgumentException("bearerToken must not be blank");
      }
      this.bearerToken = bearerToken;
      return this;
    }

    /**
     * Asks {@code tokenSupplier} for the bearer token before every request, and once more after a
     * 401 before the single retry. The supplier must be thread-safe and should cache.
     */
    public Builder tokenSupplier(Supplier<String> tokenSupplier) {
      this.tokenSupplier = Objects.requireNonNull(tokenSupplier, "tokenSupplier must not be null");
      return this;
    }

    /**
     * Sets how long opening a connection may take; default 10 seconds.
     *
     * @throws IllegalArgumentException if {@code connectTimeout} is zero or negative
     */
    public Builder connectTimeout(Duration connectTimeout) {
      this.connectTimeout = checkPositive(connectTimeout, "connectTimeout");
      return this;
    }

    /**
     * Sets how long the client waits for the response headers of one attempt; default 30 seconds.
     *
     * @throws IllegalArgumentException if {@code readTimeout} is zero or negative
     */
    public Builder readTimeout(Duration readTimeout) {
      this.readTimeout = checkPositive(readTimeout, "readTimeout");
      return this;
    }

    /** Sets when the client retries; default {@link RetryPolicy#defaults()}. */
    public Builder retryPolicy(RetryPolicy retryPolicy) {
      this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy must not be null");
      return this;
    }

    /** Sets how much of each exchange is logged at DEBUG; default {@link LogLevel#BASIC}. */
    public Builder logLevel(LogLevel logLevel) {
      this.logLevel = Objects.requireNonNull(logLevel, "logLevel must not be null");
      return this;
    }

    /** Sets the clock for token expiry and {@code Retry-After}; default the UTC system clock. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock must not be null");
      return this;
    }

    /** Sets how the client waits between retries; default {@link Sleeper#SYSTEM}. */
    public Builder sleeper(Sleeper sleeper) {
      this.sleeper = Objects.requireNonNull(sleeper, "sleeper must not be null");
      return this;
    }

    /**
     * Sets the page size ({@code count}) of list operations; by default none is sent and the
     * server uses 100.
     *
     * @throws IllegalArgumentException if {@code pageSize} is less than 1
     */
    public Builder pageSize(int pageSize) {
      this.pageSize = checkPageSize(pageSize);
      return this;
    }

    /**
     * Builds the client.
     *
     * @throws IllegalStateException if the base URL, the Team name or the credentials are
     *     missing, or more than one kind of credentials is set
     */
    public OpaTeamsClient build() {
      if (baseUrl == null) {
        throw new IllegalStateException("baseUrl is required, for example "
            + "https://your-org.pam.okta.com");
      }
      if (teamName == null) {
        throw new IllegalStateException("teamName is required");
      }
      int kinds = (credentials == null ? 0 : 1) + (bearerToken == null ? 0 : 1)
          + (tokenSupplier == null ? 0 : 1);
      if (kinds == 0) {
        throw new IllegalStateException(
            "Credentials are required: set one of serviceUser, bearerToken or tokenSupplier");
      }
      if (kinds > 1) {
        throw new IllegalStateException(
            "Only one of serviceUser, bearerToken and tokenSupplier may be set, but " + kinds
                + " were set");
      }
      return new OpaTeamsClient(this);
    }

    @Override
    public String toString() {
      return "OpaTeamsClient.Builder{baseUrl=" + baseUrl + ", teamName=" + teamName
          + ", credentials=" + (credentials != null ? credentials
              : bearerToken != null ? "bearerToken=<redacted>"
              : tokenSupplier != null ? "tokenSupplier" : "none")
          + "}";
    }

    private static URI checkBaseUrl(URI url, String text) {
      String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
      if (!url.isAbsolute() || url.getHost() == null
          || !(scheme.equals("http") || scheme.equals("https"))) {
        throw new IllegalArgumentException(
            "baseUrl must be an absolute http or https URL, but was: \"" + text + "\"");
      }
      if (url.getRawQuery() != null || url.getRawFragment() != null
          || url.getRawUserInfo() != null) {
        throw new IllegalArgumentException(
            "baseUrl must not have a query, fragment or user info, but was: \"" + text + "\"");
      }
      if (scheme.equals("http") && !isLoopback(url.getHost())) {
        throw new IllegalArgumentException("baseUrl must use https unless its host is a loopback"
            + " address, but was: \"" + text + "\"");
      }
      return url;
    }

    /** Checks the host by its literal form only, so that building a client resolves no names. */
    private static boolean isLoopback(String host) {
      String bare = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
      if (bare.equalsIgnoreCase("localhost")) {
        return true;
      }
      boolean literal = bare.contains(":") || bare.matches("[0-9.]+");
      if (!literal) {
        return false;
      }
      try {
        return InetAddress.getByName(bare).isLoopbackAddress();
      } catch (UnknownHostException e) {
        return false;
      }
    }

    private static Duration checkPositive(Duration duration, String name) {
      Objects.requireNonNull(duration, name + " must not be null");
      if (duration.isZero() || duration.isNegative()) {
        throw new IllegalArgumentException(name + " must be positive, but was: " + duration);
      }
      return duration;
    }
  }
}
