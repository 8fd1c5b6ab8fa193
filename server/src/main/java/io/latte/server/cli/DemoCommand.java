package io.latte.server.cli;

import io.latte.eval.demo.Demo;
import io.latte.models.TokenEncoder;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code latte demo}: the main job on the embedded model and the bundled sample collection. */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = "Encode the bundled sample collection, index it (temporary folder), search it exactly and with"
        + " xtr and colbert through the searcher, show token matches and metrics.")
public final class DemoCommand implements Callable<Integer> {
  @Mixin ModelOptions model;

  @Override
  public Integer call() throws Exception {
    try (TokenEncoder encoder = model.open()) {
      new Demo(encoder, System.out).run();
    }
    return 0;
  }
}
