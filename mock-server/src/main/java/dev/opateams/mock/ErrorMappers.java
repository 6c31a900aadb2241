package dev.opateams.mock;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.opateams.server.model.ErrorCause;
import dev.opateams.server.model.ErrorResponse;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.List;
import org.glassfish.jersey.server.ContainerRequest;
import org.glassfish.jersey.server.ParamException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns every exception into the spec's error body. Client mistakes that
 * Jersey detects itself (no matching path, method, content type or accepted
 * type) keep their status; anything unexpected becomes a 500 that is logged
 * once with the request id and never shows a class name or stack trace to
 * the client.
 */
final class ErrorMappers {

  private static final Logger LOG = LoggerFactory.getLogger(ErrorMappers.class);

  private ErrorMappers() {
  }

  /** Builds the error response for a status, error name, message and causes. */
  static Response response(int status, String error, String message, List<ErrorCause> causes) {
    ErrorResponse body = new ErrorResponse().code(status).error(error).message(message);
    if (!causes.isEmpty()) {
      body.errorCause(causes);
    }
    return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
  }

  static Response response(ApiException exception) {
    return response(exception.status(), exception.error(), exception.getMessage(), exception.causes());
  }

  static final class ApiExceptionMapper implements ExceptionMapper<ApiException> {
    @Override
    public Response toResponse(ApiException exception) {
      return response(exception);
    }
  }

  static final class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

    @Inject
    private Provider<ContainerRequest> requestProvider;

    @Override
    public Response toResponse(WebApplicationException exception) {
      ContainerRequestContext request = requestProvider.get();
      int status = exception.getResponse().getStatus();
      String method = request.getMethod();
      String path = "/" + request.getUriInfo().getPath();
      if (exception instanceof ParamException param) {
        // Reached only when a parameter passed RequestRules but still failed to convert.
        return response(ApiException.invalid(locationType(param), param.getParameterName(), "invalid value"));
      }
      return switch (status) {
        case 404 -> response(404, "resource_does_not_exist",
            "No operation matches " + method + " " + path + ".", List.of());
        case 405 -> withAllow(exception, response(405, "invalid_request",
            "The method " + method + " is not allowed on " + path + ".", List.of()));
        case 406 -> response(406, "invalid_request",
            "The response can only be application/json; check the Accept header.",
            List.of(ApiException.cause("must accept application/json", "header", HttpHeaders.ACCEPT)));
        case 415 -> response(415, "unsupported_content_type",
            "The Content-Type must be application/json, not "
                + describe(request.getHeaderString(HttpHeaders.CONTENT_TYPE)) + ".",
            List.of(ApiException.cause("must be application/json", "header", HttpHeaders.CONTENT_TYPE)));
        default -> status >= 500
            ? internalError(exception)
            : response(status, "invalid_request", "The request is invalid.", List.of());
      };
    }

    private static String locationType(ParamException exception) {
      return exception instanceof ParamException.PathParamException ? "path" : "query";
    }

    private static Response withAllow(WebApplicationException exception, Response response) {
      if (exception instanceof NotAllowedException) {
        String allow = exception.getResponse().getHeaderString(HttpHeaders.ALLOW);
        if (allow != null) {
          response.getHeaders().putSingle(HttpHeaders.ALLOW, allow);
        }
      }
      return response;
    }

    private static String describe(String contentType) {
      return contentType == null ? "missing" : "'" + contentType + "'";
    }

    private Response internalError(Throwable exception) {
      return ErrorMappers.internalError(requestProvider.get(), exception);
    }
  }

  /** A body that Jackson could not bind although it passed the schema check: still the client's mistake. */
  static final class JsonProcessingExceptionMapper implements ExceptionMapper<JsonProcessingException> {
    @Override
    public Response toResponse(JsonProcessingException exception) {
      return response(400, "invalid_request", "The request body does not match the schema.",
          List.of(ApiException.bodyCause("does not match the schema")));
    }
  }

  static final class FallbackMapper implements ExceptionMapper<Throwable> {

    @Inject
    private Provider<ContainerRequest> requestProvider;

    @Override
    public Response toResponse(Throwable exception) {
      return internalError(requestProvider.get(), exception);
    }
  }

  private static Response internalError(ContainerRequestContext request, Throwable exception) {
    Object requestId = request.getProperty(RequestLifecycleFilter.REQUEST_ID);
    LOG.error("Request {} {} /{} failed", requestId, request.getMethod(),
        request.getUriInfo().getPath(), exception);
    return response(500, "unknown_error",
        "The mock server failed; see its log for request " + requestId + ".", List.of());
  }
}
