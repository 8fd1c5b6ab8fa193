package io.latte.server.http.search;

import io.latte.server.http.api.SearchBody;
import io.latte.server.http.api.SearchResponse;
import io.latte.server.http.api.StrictJson;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.validation.Validated;
import java.io.IOException;

/** {@code POST /v1/search}. */
@Controller("/v1/search")
@Validated
@ExecuteOn(TaskExecutors.IO)
class SearchController {
  private final SearchService service;
  private final StrictJson json;

  SearchController(SearchService service, StrictJson json) {
    this.service = service;
    this.json = json;
  }

  @Post
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  SearchResponse search(@Body byte[] body) throws IOException {
    return service.search(json.readValid(body, SearchBody.class));
  }
}
