package io.mailsweep.report;

import io.mailsweep.report.LinkRecorder.SheetLinks;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import org.apache.commons.compress.archivers.zip.Zip64Mode;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.commons.compress.archivers.zip.ZipFile;

/**
 * Finishes a workbook that POI wrote: copies it into the target file, putting the rows of the
 * streamed tables into their sheets and adding the recorded hyperlinks. A streamed sheet's part is
 * POI's empty sheet split at its sheet data, its head and tail deflated as pieces of their own and
 * the rows' deflated piece between them ({@link DeflatedPiece}): the rows are copied as they were
 * compressed. A linked sheet gets a {@code <hyperlinks>} element at its place after the sheet data
 * (the element order of CT_Worksheet, ECMA-376 Part 1) and one external relationship per link in
 * its {@code .rels} part, as Excel itself writes them. Other entries are copied compressed as they
 * are; memory does not grow with a sheet.
 */
final class PackageFinisher {

  private static final String REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
  private static final String HYPERLINK_TYPE = REL_NS + "/hyperlink";
  private static final String XML_DECLARATION = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";
  private static final byte[] SHEET_DATA_END = "</sheetData>".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] ROOT = "<worksheet".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] R_DECLARATION = "xmlns:r=".getBytes(StandardCharsets.US_ASCII);

  /** Bytes read to find the root element's start tag, which POI writes first. */
  private static final int HEAD_BYTES = 4_096;

  /** Elements that follow {@code hyperlinks} in a worksheet; the links go before the first found. */
  private static final String[] AFTER_HYPERLINKS = {"<printOptions", "<pageMargins", "<pageSetup", "<headerFooter",
      "<rowBreaks", "<colBreaks", "<customProperties", "<cellWatches", "<ignoredErrors", "<smartTags", "<drawing",
      "<legacyDrawing", "<legacyDrawingHF", "<drawingHF", "<picture", "<oleObjects", "<controls", "<webPublishItems",
      "<tableParts", "<extLst", "</worksheet>"};

  /** Largest worksheet tail (after the sheet data) or relationships part read whole; POI writes a few KB. */
  static final int MAX_PART_TAIL = 16 << 20;

  private PackageFinisher() {}

  /**
   * Copies {@code workbook} to {@code target} with the rows of {@code streamed} (by entry name)
   * put into their sheets and the links of {@code recorder} added.
   */
  static void copy(Path workbook, Path target, LinkRecorder recorder, Map<String, FastDeflateWorkbook.Streamed> streamed)
      throws IOException {
    Map<String, SheetLinks> links = recorder.byEntry();
    try (ZipFile zip = ZipFile.builder().setPath(workbook).get();
        ZipArchiveOutputStream out = new ZipArchiveOutputStream(target)) {
      out.setUseZip64(Zip64Mode.AsNeeded);
      out.setLevel(FastDeflateWorkbook.LEVEL);
      for (ZipArchiveEntry entry : Collections.list(zip.getEntriesInPhysicalOrder())) {
        SheetLinks sheet = links.get(entry.getName());
        SheetLinks relsOf = links.get(sheetOfRels(entry.getName()));
        FastDeflateWorkbook.Streamed rows = streamed.get(entry.getName());
        if (rows != null) {
          streamedSheet(zip, entry, out, rows.rows(), sheet);
        } else if (sheet != null) {
          sheet(zip, entry, out, sheet);
        } else if (relsOf != null) {
          String rels = new String(part(zip, entry), StandardCharsets.UTF_8);
          int end = rels.lastIndexOf("</Relationships>");
          if (end < 0) {
            throw new IOException(entry.getName() + " has no </Relationships>");
          }
          relationships(out, entry.getName(), rels.substring(0, end), rels.substring(end), relsOf);
        } else {
          out.addRawArchiveEntry(new ZipArchiveEntry(entry), zip.getRawInputStream(entry));
        }
        if (sheet != null && zip.getEntry(relsName(entry.getName())) == null) {
          relationships(out, relsName(entry.getName()), XML_DECLARATION + "<Relationships xmlns=\""
              + "http://schemas.openxmlformats.org/package/2006/relationships\">", "</Relationships>", sheet);
        }
      }
    }
  }

  /**
   * A streamed table's sheet: POI's empty sheet up to its sheet data's end tag, the rows, then the
   * rest of POI's sheet with the links (if any) put in; head and tail deflated here, the rows copied
   * as they are.
   */
  private static void streamedSheet(ZipFile zip, ZipArchiveEntry entry, ZipArchiveOutputStream out, DeflatedPiece rows,
      SheetLinks links) throws IOException {
    byte[] part = part(zip, entry);
    int end = Bytes.indexOf(part, SHEET_DATA_END, 0);
    if (end < 0) {
      throw new IOException(entry.getName() + " has no </sheetData>");
    }
    byte[] head = Arrays.copyOf(part, end);
    String tail = new String(part, end, part.length - end, StandardCharsets.UTF_8);
    if (links != null) {
      head = declareRelationships(head);
      tail = withLinks(tail, links);
    }
    List<DeflatedPiece> pieces = List.of(DeflatedPiece.of(head, false), rows,
        DeflatedPiece.of(tail.getBytes(StandardCharsets.UTF_8), true));
    DeflatedPiece whole = DeflatedPiece.concat(pieces);
    ZipArchiveEntry copy = new ZipArchiveEntry(entry.getName());
    copy.setTime(entry.getTime());
    copy.setMethod(ZipEntry.DEFLATED);
    copy.setCrc(whole.crc());
    copy.setSize(whole.size());
    copy.setCompressedSize(whole.compressedSize());
    try (InputStream in = DeflatedPiece.open(pieces)) {
      out.addRawArchiveEntry(copy, in);
    }
  }

  /** A small part of the package, read whole (at most {@link #MAX_PART_TAIL} bytes). */
  private static byte[] part(ZipFile zip, ZipArchiveEntry entry) throws IOException {
    try (InputStream in = zip.getInputStream(entry)) {
      return Bytes.readAtMost(in, MAX_PART_TAIL);
    }
  }

  /** {@code tail}, a sheet's XML from {@code </sheetData>} on, with a {@code <hyperlinks>} element at its place. */
  private static String withLinks(String tail, SheetLinks links) throws IOException {
    int at = insertionPoint(tail);
    StringBuilder out = new StringBuilder(tail.length() + 48 * links.count() + 32);
    out.append(tail, 0, at).append("<hyperlinks>");
    each(links, (n, cell, url) -> out.append("<hyperlink ref=\"").append(cell).append("\" r:id=\"rIdL").append(n)
        .append("\"/>"));
    return out.append("</hyperlinks>").append(tail, at, tail.length()).toString();
  }

  private static void sheet(ZipFile zip, ZipArchiveEntry entry, ZipArchiveOutputStream out, SheetLinks links)
      throws IOException {
    out.putArchiveEntry(new ZipArchiveEntry(entry.getName()));
    try (InputStream in = zip.getInputStream(entry)) {
      byte[] head = declareRelationships(in.readNBytes(HEAD_BYTES));
      byte[] rest = Bytes.copyThrough(new SequenceInputStream(new ByteArrayInputStream(head), in), out, SHEET_DATA_END);
      String tail = new String(rest, StandardCharsets.UTF_8) + new String(Bytes.readAtMost(in, MAX_PART_TAIL), StandardCharsets.UTF_8);
      write(out, withLinks(tail, links));
    }
    out.closeArchiveEntry();
  }

  private static void relationships(ZipArchiveOutputStream out, String name, String head, String tail,
      SheetLinks links) throws IOException {
    out.putArchiveEntry(new ZipArchiveEntry(name));
    write(out, head);
    each(links, (n, cell, url) -> write(out, "<Relationship Id=\"rIdL" + n + "\" Type=\"" + HYPERLINK_TYPE
        + "\" Target=\"" + attribute(url) + "\" TargetMode=\"External\"/>"));
    write(out, tail);
    out.closeArchiveEntry();
  }

  /**
   * The worksheet's first bytes with the relationships namespace declared on its root element, as
   * Excel writes it, if POI left it out (it does on sheets without links).
   */
  private static byte[] declareRelationships(byte[] head) throws IOException {
    int root = Bytes.indexOf(head, ROOT, 0);
    int end = root < 0 ? -1 : Bytes.indexOf(head, new byte[] {'>'}, root);
    if (end < 0) {
      throw new IOException("worksheet root element not within its first " + HEAD_BYTES + " bytes");
    }
    if (Bytes.indexOf(Arrays.copyOf(head, end), R_DECLARATION, root) >= 0) {
      return head;
    }
    byte[] declaration = (" " + new String(R_DECLARATION, StandardCharsets.US_ASCII) + "\"" + REL_NS + "\"")
        .getBytes(StandardCharsets.US_ASCII);
    byte[] out = new byte[head.length + declaration.length];
    System.arraycopy(head, 0, out, 0, end);
    System.arraycopy(declaration, 0, out, end, declaration.length);
    System.arraycopy(head, end, out, end + declaration.length, head.length - end);
    return out;
  }

  private static int insertionPoint(String tail) {
    int at = tail.length();
    for (String element : AFTER_HYPERLINKS) {
      int found = tail.indexOf(element);
      if (found >= 0 && found < at && (element.startsWith("</") || isElementStart(tail, found + element.length()))) {
        at = found;
      }
    }
    return at;
  }

  /** True when the character after a tag name ends the name, so that "<drawing" does not match "<drawingHF". */
  private static boolean isElementStart(String text, int afterName) {
    char c = afterName < text.length() ? text.charAt(afterName) : '>';
    return c == ' ' || c == '>' || c == '/' || c == '\t' || c == '\n' || c == '\r';
  }

  @FunctionalInterface
  private interface Link {
    void accept(int n, String cell, String url) throws IOException;
  }

  private static void each(SheetLinks links, Link link) throws IOException {
    try (BufferedReader in = Files.newBufferedReader(links.file, StandardCharsets.UTF_8)) {
      int n = 0;
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        int tab = line.indexOf('\t');
        link.accept(++n, line.substring(0, tab), line.substring(tab + 1));
      }
    }
  }

  private static void write(OutputStream out, String text) throws IOException {
    out.write(text.getBytes(StandardCharsets.UTF_8));
  }

  private static String attribute(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }

  private static String relsName(String sheetEntry) {
    int slash = sheetEntry.lastIndexOf('/');
    return sheetEntry.substring(0, slash) + "/_rels" + sheetEntry.substring(slash) + ".rels";
  }

  /** The sheet entry a relationships entry belongs to, or "" for any other entry. */
  private static String sheetOfRels(String entry) {
    int rels = entry.indexOf("/_rels/");
    return rels < 0 || !entry.endsWith(".rels") ? ""
        : entry.substring(0, rels) + "/" + entry.substring(rels + 7, entry.length() - 5);
  }
}
