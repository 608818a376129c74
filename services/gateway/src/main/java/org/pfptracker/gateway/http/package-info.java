/**
 * The HTTP side: routes ({@link org.pfptracker.gateway.http.CommandRoutes}), the request pipeline from body
 * to 202 or problem, the OpenAPI document and health endpoints.
 */
package org.pfptracker.gateway.http;
