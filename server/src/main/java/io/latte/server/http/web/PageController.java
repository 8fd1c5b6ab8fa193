package io.latte.server.http.web;

import io.latte.searcher.SearchMode;
import io.latte.server.http.api.SearchBody;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The search page at {@code /} (its script and style are static resources under {@code /static/})
 * and the OpenAPI document of the API at {@code /openapi.yaml} (also {@code /v1/openapi.yaml}).
 */
@Controller
final class PageController {
  static final String OPENAPI_RESOURCE = "openapi/latte-v1.yaml";
  static final String PAGE_RESOURCE = "public/index.html";
  static final String YAML = "application/yaml";

  /** Where the page's mode selector gets one option per search mode of the engine. */
  static final String MODES_PLACEHOLDER = "<!--MODES-->";

  private final String page = withModes(resource(PAGE_RESOURCE));
  private final String openApi = resource(OPENAPI_RESOURCE);

  @Get
  @Produces(MediaType.TEXT_HTML)
  HttpResponse<String> page() {
    return HttpResponse.ok(page).header("Cache-Control", "no-cache");
  }

  @Get("/openapi.yaml")
  @Produces(YAML)
  String openApi() {
    return openApi;
  }

  @Get("/v1/openapi.yaml")
  @Produces(YAML)
  String openApiV1() {
    return openApi;
  }

  private static String withModes(String html) {
    StringBuilder options = new StringBuilder();
    for (SearchMode m : SearchMode.values()) {
      String label = m.label();
      options.append("<option value=\"").append(label).append('"')
          .append(label.equals(SearchBody.DEFAULT_MODE) ? " selected" : "").append('>').append(label).append("</option>");
    }
    return html.replace(MODES_PLACEHOLDER, options);
  }

  private static String resource(String name) {
    try (InputStream in = PageController.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("resource " + name + " is missing from the server jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
