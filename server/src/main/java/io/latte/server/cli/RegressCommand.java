package io.latte.server.cli;

import io.latte.eval.encode.EncodingCache;
import io.latte.eval.regress.RegressionFiles;
import io.latte.eval.regress.RegressionRunner;
import io.latte.eval.regress.RegressionSpec;
import io.latte.eval.regress.RegressionTable;
import io.latte.models.TokenEncoder;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code latte regress}: the regression files' collections, every mode, against their expected values. */
@Command(
    name = "regress",
    mixinStandardHelpOptions = true,
    description = {
      "Run the regressions in regressions/<name>.json: build or reuse each collection's index, run float exact",
      "MaxSim and every mode, print one table, exit 1 when a measure deviates beyond its tolerance."
    })
public final class RegressCommand implements Callable<Integer> {
  @Parameters(paramLabel = "NAME", arity = "0..*", description = "Regressions to run (default: all, or the quick set).")
  List<String> names;

  @Option(names = "--quick", description = "Only the quick set (the files with \"quick\": true).")
  boolean quick;

  @Option(names = "--record", description = "Write the measured values into the files as the new expected values.")
  boolean record;

  @Option(names = "--dir", defaultValue = "regressions", paramLabel = "DIR",
      description = "Folder of the regression files (default ${DEFAULT-VALUE}); dataset paths are relative to its parent.")
  Path dir;

  @Option(names = "--index-root", paramLabel = "DIR",
      description = "Where indexes are kept for reuse (default <cache>/latte/regress).")
  Path indexRoot;

  @Option(names = "--cache", paramLabel = "DIR", description = "Encoding cache folder (default ~/.cache/latte/encoded).")
  Path cache;

  @Option(names = "--search-threads", paramLabel = "N", description = "Queries run concurrently (default: all cores).")
  Integer searchThreads;

  @Mixin ModelOptions model;

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    RegressionFiles files = new RegressionFiles(dir);
    List<RegressionSpec> specs = files.select(names, quick);
    EncodingCache encodings = cache != null ? new EncodingCache(cache) : EncodingCache.defaultLocation();
    Path indexes = indexRoot != null ? indexRoot : encodings.dir().getParent().resolve("regress");
    int threads = searchThreads != null ? searchThreads : Runtime.getRuntime().availableProcessors();
    RegressionTable table = new RegressionTable();
    try (TokenEncoder encoder = model.open()) {
      RegressionRunner runner = new RegressionRunner(encoder, model.effectiveDocumentTokens(), encodings, indexes,
          threads, System.out);
      for (RegressionSpec spec : specs) {
        RegressionRunner.Result r = runner.run(spec, files.root());
        if (record) {
          files.write(spec.withExpected(RegressionTable.measured(r)));
          r = new RegressionRunner.Result(spec.withExpected(RegressionTable.measured(r)), r.measures(), r.indexDir(),
              r.reused(), r.documents(), r.tokens(), r.bytesPerToken());
        }
        table.add(r);
      }
    }
    System.out.println();
    System.out.print(table.format());
    List<String> deviations = table.deviations();
    if (record) {
      System.out.println("recorded the measured values in " + dir);
      return 0;
    }
    if (!deviations.isEmpty()) {
      deviations.forEach(d -> System.out.println("DEVIATION " + d));
      spec.commandLine().getErr().println("latte: " + deviations.size() + " regression measure(s) outside tolerance: "
          + deviations.get(0));
      return 1;
    }
    System.out.println("all " + specs.size() + " regression(s) within tolerance");
    return 0;
  }
}
