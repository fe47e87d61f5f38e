package io.mailsweep.policy;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where profiles come from: the shipped ones, in the jar under {@code profiles/NAME.yml}, and
 * custom ones, files named by a path. Shipped profiles are read once per call; they are small.
 */
public final class ProfileCatalog {
  /** The shipped profiles, in the order {@code mailsweep profiles} lists them. */
  public static final List<String> SHIPPED = List.of("baseline", "bod-18-01", "bulk-sender-2024", "strict");

  private ProfileCatalog() {}

  public static List<Profile> shipped() {
    List<Profile> out = new ArrayList<>();
    for (String name : SHIPPED) {
      out.add(shipped(name).orElseThrow());
    }
    return out;
  }

  /** The shipped profile of that name, if there is one. */
  public static Optional<Profile> shipped(String name) {
    if (!SHIPPED.contains(name)) {
      return Optional.empty();
    }
    String resource = "profiles/" + name + ".yml";
    InputStream in = ProfileCatalog.class.getClassLoader().getResourceAsStream(resource);
    if (in == null) {
      throw new IllegalStateException("the shipped profile " + resource + " is missing from the jar");
    }
    try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
      return Optional.of(ProfileReader.read(reader, resource + " (shipped)"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A shipped profile by name, else a profile file by path; a {@link ProfileException} naming the
   * shipped profiles when it is neither.
   */
  public static Profile load(String nameOrPath) {
    Optional<Profile> shipped = shipped(nameOrPath.trim());
    if (shipped.isPresent()) {
      return shipped.get();
    }
    Path file = Path.of(nameOrPath);
    if (!Files.isRegularFile(file)) {
      throw new ProfileException("no profile '" + nameOrPath + "': not a shipped profile (" + String.join(", ", SHIPPED)
          + ") nor a file");
    }
    return load(file);
  }

  /** The profile in a file. */
  public static Profile load(Path file) {
    try {
      if (Files.size(file) > Yaml12.MAX_CHARS) {
        throw new ProfileException(file + ": larger than " + Yaml12.MAX_CHARS + " bytes");
      }
      try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
        return ProfileReader.read(reader, file.toString());
      }
    } catch (IOException e) {
      throw new ProfileException(file + ": cannot be read: " + e.getMessage());
    }
  }
}
