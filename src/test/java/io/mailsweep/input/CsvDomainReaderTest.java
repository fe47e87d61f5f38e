package io.mailsweep.input;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CsvDomainReaderTest {
  @TempDir Path dir;

  @ParameterizedTest(name = "[{index}] {2}")
  @CsvSource(delimiter = '|', quoteCharacter = '\0', textBlock = """
      domain,name\\nacme.com,Acme\\nfoo.com,Foo            | ,  | comma
      domain;name\\nacme.com;Acme, Inc.\\nfoo.com;Foo      | ;  | semicolon
      domain\\tname\\nacme.com\\tAcme\\nfoo.com\\tFoo      | \\t | tab
      acme.com\\nfoo.com                                   | ,  | single column
      """)
  void detectsDelimiter(String content, String delimiter, String label) throws IOException {
    try (CsvDomainReader reader = reader(unescape(content), null)) {
      assertEquals(unescape(delimiter).charAt(0), reader.delimiter());
      assertEquals("acme.com", reader.next().rawValue());
    }
  }

  @Test
  void bomIsStripped() throws IOException {
    Path file = dir.resolve("bom.csv");
    Files.write(file, concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
        "Domain,Name\nacme.com,Acme\n".getBytes(UTF_8)));
    try (CsvDomainReader reader = CsvDomainReader.open(file)) {
      assertEquals("Domain", reader.domainColumnName());
      assertEquals(new InputRow(2, "acme.com", List.of("Acme")), reader.next());
    }
  }

  @Test
  void quotedValuesKeepDelimitersAndLineBreaksAndLinesStayPhysical() throws IOException {
    String csv = """
        domain,notes
        a.com,"x, y"
        b.com,"line1
        
        # not a comment"
        c.com,"say ""hi""\"
        """;
    assertEquals(List.of(
        new InputRow(2, "a.com", List.of("x, y")),
        new InputRow(3, "b.com", List.of("line1\n\n# not a comment")),
        new InputRow(6, "c.com", List.of("say \"hi\""))), readAll(csv, null));
  }

  @Test
  void crlfAndBareCrLineEndsCountOneLineEach() throws IOException {
    String csv = "domain,notes\r\na.com,\"x\r\ny\"\r\n\r\nb.com,z\rc.com,w";
    List<InputRow> rows = readAll(csv, null);
    assertEquals(List.of(2L, 5L, 6L), rows.stream().map(InputRow::lineNo).toList());
    assertEquals("x\r\ny", rows.get(0).extras().get(0));
  }

  @Test
  void blankLinesAndCommentsAreSkippedButCounted() throws IOException {
    String csv = String.join("\n",
        "# vendor export, 2024",
        "",
        "domain,name",
        "   # indented comment, with \"a stray quote",
        "a.com,A",
        " \t ",
        ",",
        "#c",
        "b.com,B",
        "");
    try (CsvDomainReader reader = reader(csv, null)) {
      assertEquals("domain", reader.domainColumnName());
      assertEquals(new InputRow(5, "a.com", List.of("A")), reader.next());
      assertEquals(new InputRow(9, "b.com", List.of("B")), reader.next());
      assertNull(reader.next());
    }
  }

  @Test
  void requestedColumnIsFoundIgnoringCaseAndSpaces() throws IOException {
    String csv = "Name;Website ;Contact\nAcme;acme.com;ap@acme.com\n";
    try (CsvDomainReader reader = reader(csv, " website")) {
      assertEquals("Website", reader.domainColumnName());
      assertEquals(List.of("Name", "Contact"), reader.extraColumnNames());
      assertEquals(new InputRow(2, "acme.com", List.of("Acme", "ap@acme.com")), reader.next());
    }
  }

  @Test
  void missingRequestedColumnNamesItAndListsTheHeader() throws IOException {
    Path file = write("Name,Website,Contact\nAcme,acme.com,ap@acme.com\n");
    InputException e = assertThrows(InputException.class,
        () -> CsvDomainReader.open(file, "Domain", CsvLimits.DEFAULTS));
    assertTrue(e.getMessage().contains("'Domain' not found"), e.getMessage());
    assertTrue(e.getMessage().contains("'Name', 'Website', 'Contact'"), e.getMessage());
  }

  @Test
  void requestedColumnInAnEmptyFileIsMissing() throws IOException {
    Path file = write("# nothing here\n\n");
    InputException e = assertThrows(InputException.class,
        () -> CsvDomainReader.open(file, "domain", CsvLimits.DEFAULTS));
    assertTrue(e.getMessage().contains("'domain' not found"), e.getMessage());
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(delimiter = '|', quoteCharacter = '\0', textBlock = """
      Company,E-mail,Website\\nAcme,ap@acme.com,acme.com       | Website     | acme.com
      Company,Contact E-Mail\\nAcme,ap@acme.com                 | Company     | Acme
      Company,DOMAIN_NAME\\nAcme,acme.com                       | DOMAIN_NAME | acme.com
      id,Email,Host\\n1,ap@acme.com,mx.acme.com                 | Host        | mx.acme.com
      Vendor,Notes\\nAcme,none                                  | Vendor      | Acme
      """)
  void detectsHeader(String content, String column, String firstRaw) throws IOException {
    try (CsvDomainReader reader = reader(unescape(content), null)) {
      assertEquals(column, reader.domainColumnName());
      InputRow first = reader.next();
      assertEquals(2, first.lineNo());
      assertEquals(firstRaw, first.rawValue());
    }
  }

  @Test
  void headerlessFileUsesFirstColumnAndPositionalNames() throws IOException {
    try (CsvDomainReader reader = reader("acme.com,Acme,x\nfoo.com,Foo,y\n", null)) {
      assertEquals("column 1", reader.domainColumnName());
      assertEquals(List.of("column 2", "column 3"), reader.extraColumnNames());
      assertEquals(new InputRow(1, "acme.com", List.of("Acme", "x")), reader.next());
      assertEquals(new InputRow(2, "foo.com", List.of("Foo", "y")), reader.next());
      assertNull(reader.next());
    }
  }

  @Test
  void extrasArePaddedToTheHeaderAndKeepTrailingCells() throws IOException {
    String csv = "name,domain,country,size\nAcme,acme.com\nFoo,foo.com,DE,10,extra1,extra2\nBar\n";
    try (CsvDomainReader reader = reader(csv, null)) {
      assertEquals(List.of("name", "country", "size"), reader.extraColumnNames());
      assertEquals(List.of("Acme", "", ""), reader.next().extras());
      assertEquals(List.of("Foo", "DE", "10", "extra1", "extra2"), reader.next().extras());
      assertEquals(new InputRow(4, "", List.of("Bar", "", "")), reader.next());
    }
  }

  @Test
  void oversizedValueIsTruncatedAndTheRowMarked() throws IOException {
    String csv = "domain,notes\nacme.com," + "n".repeat(5_000) + "\nfoo.com,ok\n";
    try (CsvDomainReader reader = reader(csv, null)) {
      InputRow marked = reader.next();
      assertEquals(1_000, marked.extras().get(0).length());
      assertEquals("value in 'notes' longer than 1000 characters", marked.problem());
      InputRow next = reader.next();
      assertEquals(new InputRow(3, "foo.com", List.of("ok")), next);
      assertTrue(next.wellFormed());
    }
  }

  @Test
  void rowWiderThanTheColumnLimitIsMarkedAndCut() throws IOException {
    CsvLimits limits = new CsvLimits(1_000, 3, 64 * 1024);
    try (CsvDomainReader reader = CsvDomainReader.open(write("a.com,1,2,3,4\n"), null, limits)) {
      InputRow row = reader.next();
      assertEquals(List.of("1", "2"), row.extras());
      assertEquals("5 columns, more than the limit of 3", row.problem());
    }
  }

  @Test
  void headerWiderThanTheColumnLimitFailsTheFile() throws IOException {
    CsvLimits limits = new CsvLimits(1_000, 3, 64 * 1024);
    Path file = write("domain,a,b,c\nacme.com,1,2,3\n");
    InputException e = assertThrows(InputException.class,
        () -> CsvDomainReader.open(file, null, limits));
    assertTrue(e.getMessage().contains("4 columns, more than the limit of 3"), e.getMessage());
  }

  @Test
  void giganticQuotedValueFailsTheFileAtItsLine() throws IOException {
    Path file = dir.resolve("huge.csv");
    try (Writer out = Files.newBufferedWriter(file)) {
      out.write("domain,notes\nacme.com,ok\nfoo.com,\"");
      for (int i = 0; i < 1_000; i++) {
        out.write("x".repeat(10_000));
      }
      out.write("\"\nbar.com,ok\n");
    }
    try (CsvDomainReader reader = CsvDomainReader.open(file)) {
      assertEquals("acme.com", reader.next().rawValue());
      InputException e = assertThrows(InputException.class, reader::next);
      assertTrue(e.getMessage().startsWith("record at line 3 of " + file + " is longer than 65536"),
          e.getMessage());
      assertThrows(InputException.class, reader::next);
    }
  }

  @Test
  void endlessQuoteIsCutOffAfterABoundedRead() {
    EndlessQuote text = new EndlessQuote();
    InputException e = assertThrows(InputException.class,
        () -> CsvDomainReader.open(text, "endless", null, CsvLimits.DEFAULTS));
    assertTrue(e.getMessage().contains("line 1 of endless is longer than 65536"), e.getMessage());
    assertTrue(text.served < 256 * 1024, "read " + text.served + " characters");
  }

  @Test
  void unterminatedQuoteAtEndOfFileNamesTheLine() throws IOException {
    try (CsvDomainReader reader = reader("domain\nacme.com\n\"foo.com\nbar.com\n", null)) {
      assertEquals("acme.com", reader.next().rawValue());
      InputException e = assertThrows(InputException.class, reader::next);
      assertTrue(e.getMessage().startsWith("unterminated quoted value in the record at line 3"),
          e.getMessage());
    }
  }

  @Test
  void malformedUtf8IsReplacedAndRejectedByTheNormaliser() throws IOException {
    Path file = dir.resolve("latin1.csv");
    Files.write(file, concat("domain,name\nm".getBytes(UTF_8),
        new byte[] {(byte) 0xFC, (byte) 0xC3, (byte) 0x28},
        "ller.de,M\u00fcller\nacme.com,Acme\n".getBytes(UTF_8)));
    try (CsvDomainReader reader = CsvDomainReader.open(file)) {
      InputRow bad = reader.next();
      assertEquals(2, bad.lineNo());
      assertEquals("m\uFFFD\uFFFD(ller.de", bad.rawValue());
      Normalised verdict = new DomainNormaliser().normalise(bad.rawValue());
      assertTrue(verdict instanceof Normalised.Rejected r
          && r.reason().contains("invalid characters"), verdict.toString());
      assertEquals(List.of("M\u00fcller"), bad.extras());
      assertEquals(new InputRow(3, "acme.com", List.of("Acme")), reader.next());
    }
  }

  @Test
  void skipResumesAfterTheSkippedRecords() throws IOException {
    StringBuilder csv = new StringBuilder("domain\n");
    for (int i = 1; i <= 10; i++) {
      csv.append(i == 5 ? "# comment\n" : "").append("d").append(i).append(".com\n");
    }
    try (CsvDomainReader reader = reader(csv.toString(), null)) {
      reader.skip(0);
      reader.skip(6);
      assertEquals(new InputRow(9, "d7.com", List.of()), reader.next());
      reader.skip(100);
      assertNull(reader.next());
    }
  }

  @Test
  void skipCountsTheFirstRecordOfAHeaderlessFile() throws IOException {
    try (CsvDomainReader reader = reader("a.com\nb.com\nc.com\n", null)) {
      reader.skip(2);
      assertEquals(new InputRow(3, "c.com", List.of()), reader.next());
    }
  }

  @Test
  void emptyFileHasNoRows() throws IOException {
    try (CsvDomainReader reader = reader("", null)) {
      assertNull(reader.next());
      assertEquals("column 1", reader.domainColumnName());
    }
  }

  @Test
  void missingFileIsReported() {
    Path missing = dir.resolve("nope.csv");
    InputException e = assertThrows(InputException.class, () -> CsvDomainReader.open(missing));
    assertEquals("file not found: " + missing, e.getMessage());
  }

  @Test
  void directoryIsNotARegularFile() {
    InputException e = assertThrows(InputException.class, () -> CsvDomainReader.open(dir));
    assertEquals("not a regular file: " + dir, e.getMessage());
  }

  private CsvDomainReader reader(String content, String column) throws IOException {
    return CsvDomainReader.open(write(content), column, CsvLimits.DEFAULTS);
  }

  private List<InputRow> readAll(String content, String column) throws IOException {
    List<InputRow> rows = new ArrayList<>();
    try (CsvDomainReader reader = reader(content, column)) {
      for (InputRow row = reader.next(); row != null; row = reader.next()) {
        rows.add(row);
      }
    }
    return rows;
  }

  private Path write(String content) throws IOException {
    return Files.writeString(dir.resolve("vendors.csv"), content, UTF_8);
  }

  private static String unescape(String s) {
    return s.replace("\\n", "\n").replace("\\t", "\t");
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.writeBytes(part);
    }
    return out.toByteArray();
  }

  /** A quote that never closes: '"' then 'a' for ever. */
  private static final class EndlessQuote extends Reader {
    long served;

    @Override
    public int read(char[] target, int offset, int length) {
      for (int i = 0; i < length; i++) {
        target[offset + i] = served++ == 0 ? '"' : 'a';
      }
      return length;
    }

    @Override
    public void close() {}
  }
}
