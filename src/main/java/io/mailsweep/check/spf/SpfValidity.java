package io.mailsweep.check.spf;

/** Whether receivers can evaluate a domain's SPF policy. */
public enum SpfValidity {
  /** One syntactically valid record; every lookup within the limits. */
  VALID,
  /** No SPF record (or the domain does not exist): check_host() returns none. */
  NONE,
  /** Receivers return permerror: several records, a syntax error, a limit exceeded, ... */
  PERMERROR,
  /** A lookup the policy needs failed even after retries: receivers return temperror. */
  TEMPERROR
}
