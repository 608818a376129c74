// Swagger UI over the document named by the container's data-spec (this gateway's /openapi.yaml).
window.addEventListener('DOMContentLoaded', () => {
  const container = document.getElementById('swagger-ui');
  window.ui = window.SwaggerUIBundle({
    url: container.dataset.spec,
    domNode: container,
    deepLinking: true,
    // The document is served by this very gateway: no validator badge calling out to the internet.
    validatorUrl: null,
  });
});
