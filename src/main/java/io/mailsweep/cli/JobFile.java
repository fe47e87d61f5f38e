package io.mailsweep.cli;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * A job file ({@code jobs/*.yml}): the scheduled form of a scan. Its keys are the {@code scan}
 * options without the leading dashes, plus {@code input}; relative paths are relative to the job
 * file's folder. It is translated into {@code scan} arguments, so both forms share one set of
 * defaults and checks.
 */
final class JobFile {
  private static final Set<String> PATH_KEYS = Set.of("input", "out", "trust-ca", "dnssec-trust-anchor");
  /** Keys that switch something on (true) or, for the "no-" options, off (false). */
  private static final Map<String, String> FLAGS = Map.of(
      "allow-private-targets", "+--allow-private-targets",
      "trust-resolver-ad", "+--trust-resolver-ad",
      "tls-versions", "---no-tls-versions",
      "weak-ciphers", "---no-weak-ciphers",
      "access-guess-hosts", "+--access-guess-hosts");
  private static final Set<String> KEYS = Set.of("name", "input", "column", "out", "resolvers", "checks",
      "threads", "partitions", "chunk", "domains-in-flight", "workers", "db", "dns-timeout", "dns-retries", "dns-backoff",
      "dns-in-flight", "dns-qps", "dns-sockets", "dns-socket-queries", "dns-cache", "domain-deadline",
      "unanswered-domains", "canary",
      "progress", "schedule", "description", "dkim-selectors", "dkim-min-bits", "dkim-good-bits", "allow-targets", "allow-private-targets", "trust-ca",
      "smtp-port", "ehlo-name", "smtp-connect-timeout", "smtp-banner-timeout", "smtp-command-timeout",
      "smtp-deadline", "tls-versions", "weak-ciphers", "smtp-concurrency", "smtp-per-subnet", "smtp-cache",
      "smtp-canary", "https-port", "https-timeout", "https-deadline", "cert-expiry-warn", "dnssec-trust-anchor",
      "trust-resolver-ad", "transport-deadline", "max-mx-hosts", "max-mx-addresses", "max-access-hosts",
      "max-access-probes", "access-guess-hosts", "contact-column", "max-contacts", "profile", "report-name",
      "keep-runs", "timezone", "format");
  /** Keys for the scheduler, not options of the scan. */
  private static final Set<String> SCHEDULE_KEYS = Set.of("schedule", "timezone", "description");
  private static final int MAX_BYTES = 256 * 1024;

  private JobFile() {}

  /** The {@code scan} arguments this job file stands for. */
  static List<String> arguments(Path file) {
    Map<String, Object> job = load(file);
    Path base = file.toAbsolutePath().getParent();
    List<String> args = new ArrayList<>();
    Object input = job.get("input");
    if (input == null) {
      throw new UserError(file + ": 'input' is required");
    }
    args.add(base.resolve(input.toString()).normalize().toString());
    for (Map.Entry<String, Object> e : job.entrySet()) {
      String key = e.getKey();
      if (key.equals("input") || SCHEDULE_KEYS.contains(key)) {
        continue;
      }
      addOption(args, key, e.getValue(), base, file);
    }
    return args;
  }

  /** Every key a job file may have. */
  static Set<String> keys() {
    return KEYS;
  }

  /** Keys for the scheduler and the reader, which {@code run} does not pass on to the scan. */
  static Set<String> scheduleKeys() {
    return SCHEDULE_KEYS;
  }

  /** The job file's keys and values as written, checked to be known keys. */
  static Map<String, Object> read(Path file) {
    return load(file);
  }

  private static void addOption(List<String> args, String key, Object value, Path base, Path file) {
    if (key.equals("canary") && Boolean.FALSE.equals(value)) {
      args.add("--no-canary");
      return;
    }
    if (FLAGS.containsKey(key)) {
      flag(args, key, value, file);
      return;
    }
    String option = switch (key) {
      case "name" -> "--job-name";
      case "resolvers" -> "--resolver";
      default -> "--" + key;
    };
    List<?> values = value instanceof List<?> list ? list : List.of(value);
    if (key.equals("checks") || key.equals("dkim-selectors") || key.equals("allow-targets")
        || key.equals("smtp-canary") || key.equals("format")) {
      values = List.of(String.join(",", values.stream().map(String::valueOf).toList()));
    }
    for (Object v : values) {
      if (v == null || v instanceof Map) {
        throw new UserError(file + ": '" + key + "' needs a value or a list of values");
      }
      args.add(option);
      args.add(isPath(key, v) ? base.resolve(v.toString()).normalize().toString() : v.toString());
    }
  }

  /** A path key, or a profile given as a file rather than a shipped profile's name. */
  private static boolean isPath(String key, Object value) {
    String v = value.toString();
    return PATH_KEYS.contains(key) || key.equals("profile") && (v.endsWith(".yml") || v.endsWith(".yaml"));
  }

  /** A true/false key: "+" flags are given when true, "-" flags (the no- options) when false. */
  private static void flag(List<String> args, String key, Object value, Path file) {
    if (!(value instanceof Boolean on)) {
      throw new UserError(file + ": '" + key + "' must be true or false");
    }
    String flag = FLAGS.get(key);
    if (flag.startsWith("+") == on) {
      args.add(flag.substring(1));
    }
  }

  private static Map<String, Object> load(Path file) {
    try {
      if (!Files.isRegularFile(file)) {
        throw new UserError("job file " + file + " does not exist");
      }
      if (Files.size(file) > MAX_BYTES) {
        throw new UserError("job file " + file + " is larger than " + MAX_BYTES + " bytes");
      }
      LoaderOptions options = new LoaderOptions();
      options.setAllowDuplicateKeys(false);
      options.setMaxAliasesForCollections(10);
      try (Reader reader = Files.newBufferedReader(file)) {
        Object root = new Yaml(new SafeConstructor(options)).load(reader);
        return validate(file, root);
      }
    } catch (IOException e) {
      throw new UserError("cannot read job file " + file + ": " + e.getMessage());
    } catch (org.yaml.snakeyaml.error.YAMLException e) {
      throw new UserError("job file " + file + " is not valid YAML: " + e.getMessage().lines().findFirst().orElse(""));
    }
  }

  private static Map<String, Object> validate(Path file, Object root) {
    if (!(root instanceof Map<?, ?> map)) {
      throw new UserError("job file " + file + " must be a mapping of option: value");
    }
    Map<String, Object> out = new LinkedHashMap<>();
    for (Map.Entry<?, ?> e : map.entrySet()) {
      String key = String.valueOf(e.getKey());
      if (!KEYS.contains(key)) {
        throw new UserError(file + ": unknown key '" + key + "'; known keys: " + String.join(", ", KEYS.stream().sorted().toList()));
      }
      out.put(key, e.getValue());
    }
    return out;
  }
}
