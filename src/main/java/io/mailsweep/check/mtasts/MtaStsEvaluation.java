package io.mailsweep.check.mtasts;

import io.mailsweep.check.CheckResult;

/** The MTA-STS check's result with the mode and validity the report shows in their own columns. */
public record MtaStsEvaluation(CheckResult result, MtaStsPosture posture) {}
