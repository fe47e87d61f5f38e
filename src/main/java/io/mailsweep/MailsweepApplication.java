package io.mailsweep;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The Spring context behind the commands; started by {@link io.mailsweep.cli.Main}. */
@SpringBootApplication
public class MailsweepApplication {}
