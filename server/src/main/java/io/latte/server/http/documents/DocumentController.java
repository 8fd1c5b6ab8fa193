package io.latte.server.http.documents;

import io.latte.server.http.api.DocumentBody;
import io.latte.server.http.api.UpsertBody;
import io.latte.server.http.api.WriteResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.validation.Validated;
import jakarta.validation.Valid;
import java.io.IOException;

/**
 * {@code POST /v1/documents} (batch upsert), {@code GET /v1/documents/{id}}, {@code DELETE
 * /v1/documents/{id}}. Writes are committed before they are acknowledged; with an API key
 * configured they need it ({@code io.latte.server.http.filters.ApiKeyFilter}).
 */
@Controller("/v1/documents")
@Validated
@ExecuteOn(TaskExecutors.IO)
class DocumentController {
  private final DocumentService service;

  DocumentController(DocumentService service) {
    this.service = service;
  }

  @Post
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  WriteResponse upsert(@Valid @Body UpsertBody body) throws IOException {
    return service.upsert(body.documents());
  }

  @Get("/{id}")
  @Produces(MediaType.APPLICATION_JSON)
  DocumentBody get(@PathVariable String id) throws IOException {
    return service.get(id);
  }

  @Delete("/{id}")
  @Produces(MediaType.APPLICATION_JSON)
  WriteResponse delete(@PathVariable String id) throws IOException {
    return service.delete(id);
  }
}
