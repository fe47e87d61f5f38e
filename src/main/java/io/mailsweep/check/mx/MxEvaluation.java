package io.mailsweep.check.mx;

import io.mailsweep.check.CheckResult;

/** The MX check's result together with the host list a transport probe needs. */
public record MxEvaluation(CheckResult result, MxHosts hosts) {}
