package io.mailsweep.input;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DelimiterSnifferTest {

  @ParameterizedTest(name = "[{index}] {2}")
  @CsvSource(delimiter = '|', quoteCharacter = '\0', textBlock = """
      a,b\\nc,d                                  | ,  | comma
      a;b\\nc;d                                  | ;  | semicolon
      a\\tb\\nc\\td                              | \\t | tab
      a;b\\nAcme, Inc.;d\\ne;f                   | ;  | stray commas in values
      a,b\\nc,"x; y; z"\\nd,"w;v"                | ,  | semicolons inside quotes
      a,b\\nc,"line\\n;;;;\\nmore"\\nd,e         | ,  | quoted line break
      # x;y;z\\n\\n   # p;q\\na,b\\nc,d            | ,  | comments and blank lines
      a\\tb\\tc\\nd\\te\\nf\\tg\\th\\ni\\tj\\tk         | \\t | ragged rows, tabs agree most
      a;b,c\\nd;e,f                              | ,  | tie goes to comma
      a;b;c,d\\ne;f;g,h                          | ;  | tie on records, more columns
      vendor.com\\nother.com                     | ,  | no delimiter: one column
      ""                                         | ,  | empty
      """)
  void picksTheConsistentDelimiter(String sample, String expected, String label)
      throws IOException {
    assertEquals(unescape(expected).charAt(0), sniff(unescape(sample)));
  }

  @Test
  void recordCutOffByTheSampleIsNotCounted() {
    assertEquals(';', DelimiterSniffer.sniff("a;b\nc;d\ne,f,g,h,i,j", false));
    assertEquals(',', DelimiterSniffer.sniff("a,b,c,d,e", false));
  }

  @Test
  void leavesTheReaderWhereItWas() throws IOException {
    BufferedReader in = new BufferedReader(new StringReader("a;b\nc;d\n"));
    DelimiterSniffer.sniff(in);
    assertEquals("a;b", in.readLine());
  }

  private static char sniff(String text) throws IOException {
    return DelimiterSniffer.sniff(new BufferedReader(new StringReader(text)));
  }

  private static String unescape(String s) {
    return s.replace("\"\"", "").replace("\\n", "\n").replace("\\t", "\t");
  }
}
