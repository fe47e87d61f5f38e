package io.mailsweep.job;

import io.mailsweep.net.dns.ResolverHealth;
import io.mailsweep.scan.ScanEngine;
import io.mailsweep.scan.SmtpCanary;
import io.mailsweep.store.RunRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * Builds the run's scan engine, whose resolver canary runs on construction, and records the
 * verdict. Runs again on every restart: a new process may face another network.
 */
public final class ResolverCheckTasklet implements Tasklet {
  private static final Logger log = LoggerFactory.getLogger(ResolverCheckTasklet.class);

  private final ScanEngines engines;
  private final RunRepository runs;

  public ResolverCheckTasklet(ScanEngines engines, RunRepository runs) {
    this.engines = engines;
    this.runs = runs;
  }

  @Override
  public RepeatStatus execute(StepContribution contribution, ChunkContext context) {
    JobParameters parameters = contribution.getStepExecution().getJobExecution().getJobParameters();
    long runId = RunParameters.runId(parameters);
    ScanEngine engine = engines.engine(runId, RunParameters.request(parameters));
    ResolverHealth health = engine.health();
    SmtpCanary.Reach smtp = engine.smtpReach();
    runs.recordResolverHealth(runId, smtp.state() == SmtpCanary.State.OFF ? health.describe()
        : health.describe() + "; SMTP " + smtp.state().name().toLowerCase(java.util.Locale.ROOT) + ": " + smtp.detail());
    if (smtp.state() == SmtpCanary.State.BLOCKED) {
      log.warn("SMTP canary: {}. MX hosts are not probed; transport results are inconclusive.", smtp.detail());
    }
    if (health.state() == ResolverHealth.State.BLIND || health.state() == ResolverHealth.State.UNREACHABLE) {
      log.warn("Resolver check: {}. Every lookup that depends on it is reported as inconclusive."
          + " Point --resolver at a recursive resolver that can reach the internet.", health.describe());
    }
    return RepeatStatus.FINISHED;
  }
}
