package io.mailsweep.check.spf;

/**
 * The analyser's judgement thresholds.
 *
 * @param broadIp4Prefix ip4 ranges shorter than this prefix are SPF_BROAD_RANGE (16)
 * @param everyoneIp4Prefix ip4 ranges shorter than this are SPF_ALLOWS_EVERYONE (8)
 * @param broadIp6Prefix ip6 ranges shorter than this prefix are SPF_BROAD_RANGE (32)
 * @param everyoneIp6Prefix ip6 ranges shorter than this are SPF_ALLOWS_EVERYONE (16)
 * @param maxWalkQueries DNS queries one analysis may make before it stops descending: bounds
 *     the work a hostile include tree can cause (40)
 */
public record SpfThresholds(
    int broadIp4Prefix, int everyoneIp4Prefix, int broadIp6Prefix, int everyoneIp6Prefix, int maxWalkQueries) {
  public static final SpfThresholds DEFAULTS = new SpfThresholds(16, 8, 32, 16, 40);
}
