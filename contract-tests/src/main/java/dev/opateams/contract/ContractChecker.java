package dev.opateams.contract;

import io.swagger.v3.oas.models.OpenAPI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Compares the spec with the generated Feign client and the generated JAX-RS
 * server stubs, without a server: every operation, parameter, request body,
 * success response, model property, enum value and server-side bean
 * validation constraint, in both directions. It reports every mismatch it
 * finds, not only the first.
 *
 * <pre>{@code
 * ContractChecker.forGeneratedCode().check(TeamsApiSpec.load()).assertConforms();
 * }</pre>
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class ContractChecker {

  private static final String CLIENT_API_PACKAGE = "dev.opateams.client.api";
  private static final String CLIENT_MODEL_PACKAGE = "dev.opateams.client.model";
  private static final String SERVER_API_PACKAGE = "dev.opateams.server.api";
  private static final String SERVER_MODEL_PACKAGE = "dev.opateams.server.model";

  private final List<Class<?>> clientApis;
  private final List<Class<?>> serverApis;
  private final ClassLoader loader;

  private ContractChecker(List<Class<?>> clientApis, List<Class<?>> serverApis, ClassLoader loader) {
    this.clientApis = List.copyOf(clientApis);
    this.serverApis = List.copyOf(serverApis);
    this.loader = loader;
  }

  /**
   * Returns a checker for the generated code on this class's class loader:
   * the client interfaces in {@code dev.opateams.client.api}, the JAX-RS
   * interfaces in {@code dev.opateams.server.api} and the models of both.
   */
  public static ContractChecker forGeneratedCode() {
    ClassLoader loader = ContractChecker.class.getClassLoader();
    List<Class<?>> clientApis = interfaces(CLIENT_API_PACKAGE, loader);
    List<Class<?>> serverApis = interfaces(SERVER_API_PACKAGE, loader);
    if (clientApis.isEmpty() || serverApis.isEmpty()) {
      throw new IllegalStateException("no generated API interfaces on the classpath: found "
          + clientApis.size() + " in " + CLIENT_API_PACKAGE + " and " + serverApis.size() + " in "
          + SERVER_API_PACKAGE + "; add the opa-teams-client and opa-teams-server-stubs artifacts");
    }
    return new ContractChecker(clientApis, serverApis, loader);
  }

  private static List<Class<?>> interfaces(String packageName, ClassLoader loader) {
    List<Class<?>> interfaces = new ArrayList<>();
    for (Class<?> type : PackageClasses.list(packageName, loader)) {
      if (type.isInterface()) {
        interfaces.add(type);
      }
    }
    return interfaces;
  }

  /** Checks the generated code against a parsed spec, such as {@link TeamsApiSpec#load()}. */
  public ContractReport check(OpenAPI spec) {
    Objects.requireNonNull(spec, "spec");
    SchemaTypes types = new SchemaTypes(spec);
    List<SpecOperation> operations = SpecOperation.all(spec);
    ClientOperationChecker client = new ClientOperationChecker(types, clientApis);
    ServerOperationChecker server = new ServerOperationChecker(types, serverApis);

    List<Mismatch> mismatches = new ArrayList<>();
    Set<String> operationIds = new LinkedHashSet<>();
    for (SpecOperation operation : operations) {
      operationIds.add(operation.id());
      client.check(operation, mismatches);
      server.check(operation, mismatches);
    }
    client.checkExtraOperations(operationIds, mismatches);
    server.checkExtraOperations(operationIds, mismatches);

    new ModelChecker(spec, types,
        new ModelChecker.ModelSide(ClientOperationChecker.SIDE, CLIENT_MODEL_PACKAGE, loader),
        new ModelChecker.ModelSide(ServerOperationChecker.SIDE, SERVER_MODEL_PACKAGE, loader))
        .check(operations, mismatches);
    return new ContractReport(mismatches);
  }
}
