package dev.opateams.contract;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.IOException;
import java.util.Set;

/**
 * Validates each decoded request body of the server models with a plain
 * bean validator, before Jersey calls the resource method.
 *
 * <p>Jersey 4.0.2 alone skips the constraints of every nullable property.
 * Its {@code ValidateOnExecutionTraversableResolver} looks for a getter whose
 * return type fits the field of the same name. The generated models keep a
 * nullable property in a {@code JsonNullable<T>} field and put the
 * constraints on a getter that returns {@code T}, so the resolver finds no
 * getter and marks the property unreachable: {@code client_session_duration:
 * 10} passed without this interceptor.
 */
final class BodyValidationInterceptor implements ReaderInterceptor, AutoCloseable {

  private static final String MODEL_PACKAGE = "dev.opateams.server.model.";

  private final ValidatorFactory factory = Validation.buildDefaultValidatorFactory();
  private final Validator validator = factory.getValidator();

  @Override
  public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
    Object entity = context.proceed();
    if (entity != null && entity.getClass().getName().startsWith(MODEL_PACKAGE)) {
      Set<ConstraintViolation<Object>> violations = validator.validate(entity);
      if (!violations.isEmpty()) {
        throw new ConstraintViolationException(violations);
      }
    }
    return entity;
  }

  @Override
  public void close() {
    factory.close();
  }
}
