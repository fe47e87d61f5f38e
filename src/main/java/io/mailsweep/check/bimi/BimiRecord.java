package io.mailsweep.check.bimi;

import io.mailsweep.check.dmarc.TagList;
import java.util.List;

/**
 * A readable BIMI assertion record (draft-brand-indicators-for-message-identification-10 §4.3).
 *
 * @param location the l= URL if it is a usable https URL, else null
 * @param evidence the a= URL (mark certificate) if it is a usable https URL, else null
 * @param declined l= and a= both empty: an explicit refusal to take part (§4.3.1)
 * @param avatarPreference avp=: "brand" (default) or "personal"
 * @param localPartSelectors lps=true
 */
public record BimiRecord(
    String text,
    List<TagList.Tag> tags,
    String location,
    String evidence,
    boolean declined,
    String avatarPreference,
    boolean localPartSelectors) {

  public BimiRecord {
    tags = List.copyOf(tags);
  }
}
