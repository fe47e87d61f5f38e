package io.mailsweep.testing.dns;

/** How a query arrived, which decides size limits and whether TRUNCATE applies. */
enum Transport {
  UDP,
  TCP
}
