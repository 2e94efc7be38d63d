package io.flowgate.flow.session;

import io.flowgate.flow.decision.Decision;
import io.flowgate.flow.session.SessionView.Document;
import io.flowgate.flow.session.SessionView.TechnologyResult;
import io.flowgate.store.SessionRecord;
import io.flowgate.store.SessionReview;
import io.flowgate.store.VideoArchive;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Builds the integrator's view of a stored session. */
public final class SessionViews {

    private static final DateTimeFormatter VENDOR_DATE = DateTimeFormatter.ofPattern("dd.MM.uuuu")
            .withResolverStyle(ResolverStyle.STRICT);

    private SessionViews() {
    }

    /**
     * The view of a stored session; {@code includeRaw} adds the vendor's results. A redacted session is its tombstone:
     * no document, no raw results, and its technologies without {@code resultReceived} (nothing is kept to say).
     */
    public static SessionView of(SessionRecord session, boolean includeRaw) {
        Map<String, Object> results = StoredResults.read(session.resultJson());
        Decision decision = session.decision() == null ? null : new Decision(session.decision(), session.decisionReasons());
        boolean redacted = session.redacted();
        return new SessionView(session.sessionId(), session.reference(), session.flow(), session.status().name(),
                session.statusReason(), redacted
                        ? session.technologies().stream().map(code -> new TechnologyResult(code, null, null)).toList()
                        : technologies(session.technologies(), session.interchangeableTech(), results),
                redacted ? null : document(results), decision,
                session.createdAt(), session.updatedAt(), session.completedAt(), session.expiresAt(),
                videoArchive(session.videoArchive()), WebhookView.of(session.webhook()),
                session.resultTruncated() ? Boolean.TRUE : null, includeRaw && !redacted ? results : null,
                session.metadata().isEmpty() ? null : session.metadata(),
                review(session.review()), redacted ? Boolean.TRUE : null, session.redactedAt());
    }

    private static SessionView.ReviewView review(SessionReview review) {
        return review == null ? null
                : new SessionView.ReviewView(review.outcome(), review.reviewer(), review.reviewedAt(), review.note());
    }

    private static SessionView.VideoArchiveView videoArchive(VideoArchive archive) {
        return archive == null ? null
                : new SessionView.VideoArchiveView(archive.status().name(), archive.attempts(), archive.lastError());
    }

    static List<TechnologyResult> technologies(List<String> codes, List<List<String>> interchangeable,
            Map<String, Object> results) {
        Map<String, String> replacements = RequiredResults.replacements(codes, interchangeable, results.keySet());
        return codes.stream().map(code -> new TechnologyResult(code,
                ResultFields.forTechnology(code).map(results::containsKey).orElse(null), replacements.get(code)))
                .toList();
    }

    private static Document document(Map<String, Object> results) {
        if (!(results.get("document_recognition_result") instanceof Map<?, ?> fields)) {
            return null;
        }
        return new Document(text(fields, "first_name"), text(fields, "last_name"), text(fields, "patronymic"),
                text(fields, "personal_number"), date(text(fields, "date_of_birth")).orElse(null),
                text(fields, "document_number"), text(fields, "authority"));
    }

    static Optional<LocalDate> date(String vendorDate) {
        if (vendorDate == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(vendorDate.strip(), VENDOR_DATE));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static String text(Map<?, ?> fields, String name) {
        Object value = fields.get(name);
        return value == null ? null : String.valueOf(value);
    }
}
