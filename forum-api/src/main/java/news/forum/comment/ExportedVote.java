package news.forum.comment;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.micronaut.serde.annotation.Serdeable;

/** One of the owner's votes as their data export gives it: +1 or -1 on a comment. */
@Serdeable
public record ExportedVote(@JsonIgnore long commentRowId, @JsonIgnore long threadRowId, String commentId, int value) {
}
