// Swagger UI for the mock server's own copy of the spec. validatorUrl is
// null so that the page never contacts the public validator service.
window.ui = SwaggerUIBundle({
  url: '/openapi.yaml',
  dom_id: '#swagger-ui',
  validatorUrl: null,
  displayOperationId: true,
  deepLinking: true,
  tryItOutEnabled: false,
  presets: [SwaggerUIBundle.presets.apis],
  layout: 'BaseLayout'
});
