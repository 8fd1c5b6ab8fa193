package io.latte.server.http.documents;

import io.latte.server.http.api.DocumentBody;
import io.latte.server.http.api.StrictJson;
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
  private final StrictJson json;

  DocumentController(DocumentService service, StrictJson json) {
    this.service = service;
    this.json = json;
  }

  @Post
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  WriteResponse upsert(@Body byte[] body) throws IOException {
    return service.upsert(json.readValid(body, UpsertBody.class).documents());
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
