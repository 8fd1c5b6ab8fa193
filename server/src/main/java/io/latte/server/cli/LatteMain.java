package io.latte.server.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of {@code ./latte}. */
@Command(
    name = "latte",
    mixinStandardHelpOptions = true,
    versionProvider = LatteVersion.class,
    description = "Late-interaction (ColBERT / XTR) search on Apache Lucene.",
    subcommands = {
      EncodeCommand.class,
      EvalCommand.class,
      DemoCommand.class,
      IndexCommand.class,
      SearchCommand.class,
      DeleteCommand.class,
      StatsCommand.class,
      CheckCommand.class,
      BenchCommand.class,
      BenchScaleCommand.class,
      CompressionCommand.class,
      RegressCommand.class,
      ServeCommand.class,
      CommandLine.HelpCommand.class
    })
public final class LatteMain implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    launcherStderr();
    quietJavaUtilLogging();
    System.exit(run(args));
  }

  /**
   * The launcher starts the JVM with stderr through a filter that drops the JVM's start-up warning
   * about the incubator module, and passes the real stderr as {@code -Dlatte.stderr.fd}: everything
   * latte prints goes there directly, so it is written before the process exits (a filter in between
   * could still be writing when a script reads the output). Kept as it is when that fails.
   */
  private static void launcherStderr() {
    String fd = System.getProperty("latte.stderr.fd");
    if (fd == null || !fd.matches("[0-9]{1,4}")) {
      return;
    }
    try {
      // append: when stderr is a file, write at its end rather than from offset 0
      var out = new java.io.FileOutputStream("/dev/fd/" + fd, true);
      System.setErr(new java.io.PrintStream(out, true, System.err.charset()));
    } catch (java.io.IOException | RuntimeException e) {
      // no /dev/fd here: the filtered stderr still works
    }
  }

  /**
   * Lucene and our kernels log their SIMD choice at INFO through java.util.logging; the CLI prints
   * its own results, so only warnings get through (LATTE_DEBUG shows everything).
   */
  private static void quietJavaUtilLogging() {
    if (System.getenv("LATTE_DEBUG") == null) {
      java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.WARNING);
    }
  }

  /** Runs the CLI and returns its exit code (tests call this instead of {@link #main}). */
  public static int run(String... args) {
    return run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
  }

  /** Runs the CLI with picocli's own output going to {@code out} and {@code err}. */
  public static int run(PrintWriter out, PrintWriter err, String... args) {
    CommandLine cli = new CommandLine(new LatteMain());
    cli.setOut(out);
    cli.setErr(err);
    cli.setParameterExceptionHandler(LatteMain::badUsage);
    cli.setExecutionExceptionHandler(LatteMain::failed);
    return cli.execute(args);
  }

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  private static int badUsage(CommandLine.ParameterException e, String[] args) {
    PrintWriter err = e.getCommandLine().getErr();
    err.println("latte: " + e.getMessage() + " (see 'latte " + e.getCommandLine().getCommandName() + " --help')");
    return 2;
  }

  private static int failed(Exception e, CommandLine cli, CommandLine.ParseResult parsed) {
    PrintWriter err = cli.getErr();
    err.println("latte: " + oneLine(e));
    if (System.getenv("LATTE_DEBUG") != null) {
      e.printStackTrace(err);
    }
    return 1;
  }

  /** The message users need, without a stack trace: the innermost useful message. */
  static String oneLine(Throwable e) {
    Throwable t = e;
    if (t instanceof UncheckedIOException && t.getCause() != null) {
      t = t.getCause();
    }
    String msg = t.getMessage();
    if (msg == null || msg.isBlank()) {
      msg = t.getClass().getSimpleName();
    } else if (t instanceof IOException && !(t.getClass() == IOException.class)) {
      msg = t.getClass().getSimpleName() + ": " + msg;
    }
    return msg.replace('\n', ' ');
  }
}
