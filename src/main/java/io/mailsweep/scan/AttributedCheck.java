package io.mailsweep.scan;

import io.mailsweep.check.Check;
import io.mailsweep.check.CheckResult;
import io.mailsweep.check.CheckResult.Attribute;
import io.mailsweep.check.ScanTarget;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/** A check whose results gain report attributes derived from the result itself. */
final class AttributedCheck implements Check {
  private final Check check;
  private final Function<CheckResult, List<Attribute>> attributes;

  AttributedCheck(Check check, Function<CheckResult, List<Attribute>> attributes) {
    this.check = check;
    this.attributes = attributes;
  }

  @Override
  public String name() {
    return check.name();
  }

  @Override
  public CompletableFuture<CheckResult> run(ScanTarget target) {
    return check.run(target).thenApply(r -> r.withAttributes(attributes.apply(r)));
  }
}
