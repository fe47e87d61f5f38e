package io.mailsweep.check.mx;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailsweep.domain.DomainName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Parsing MX data and recognising targets that are addresses. */
class MxRecordTest {
  @Test
  void parsesPresentationData() {
    assertThat(MxRecord.parse("10 MX1.Example.com.")).isEqualTo(new MxRecord(10, DomainName.of("mx1.example.com")));
    assertThat(MxRecord.parse("0 .").isNull()).isTrue();
    assertThat(MxRecord.parse("ten mx.example.com.")).isNull();
    assertThat(MxRecord.parse("10")).isNull();
  }

  @ParameterizedTest
  @CsvSource({"127.0.0.1., true", "[127.0.0.1]., true", "2001:db8::1., true", "mx1.example.com., false",
      "1.2.3.example.com., false", "10.example., false"})
  void recognisesIpLiterals(String target, boolean literal) {
    assertThat(MxRecord.parse("10 " + target).ipLiteral()).isEqualTo(literal);
  }
}
