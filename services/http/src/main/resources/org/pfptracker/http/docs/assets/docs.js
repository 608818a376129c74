// Swagger UI over the document named by the container's data-spec: the OpenAPI document of the server that
// served this page.
window.addEventListener('DOMContentLoaded', () => {
  const container = document.getElementById('swagger-ui');
  window.ui = window.SwaggerUIBundle({
    url: container.dataset.spec,
    domNode: container,
    deepLinking: true,
    tryItOutEnabled: true,
    // The document is served by this very server: no validator badge calling out to the internet.
    validatorUrl: null,
  });
});
