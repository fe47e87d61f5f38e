package io.mailsweep.check.mtasts;

import io.mailsweep.net.https.FetchOutcome;

/** The finding for a policy fetch that reached the server but got no usable policy (RFC 8461 §3.3). */
final class FetchFindings {
  private FetchFindings() {}

  /** For a conclusive outcome other than OK. */
  static MtaStsFinding of(FetchOutcome outcome) {
    return switch (outcome) {
      case HTTP_STATUS -> MtaStsFinding.MTASTS_POLICY_NOT_SERVED;
      case REDIRECT -> MtaStsFinding.MTASTS_POLICY_REDIRECT;
      case WRONG_CONTENT_TYPE -> MtaStsFinding.MTASTS_POLICY_CONTENT_TYPE;
      case TOO_LARGE -> MtaStsFinding.MTASTS_POLICY_TOO_LARGE;
      case TLS_FAILED -> MtaStsFinding.MTASTS_POLICY_TLS_FAILED;
      case PROTOCOL_ERROR -> MtaStsFinding.MTASTS_POLICY_MALFORMED_RESPONSE;
      case OK, CONNECT_FAILED, TIMEOUT -> throw new IllegalArgumentException(outcome + " is not a fetch failure");
    };
  }
}
