#pragma once

#include "core/syncprotocol.h"

#include <QJsonObject>
#include <QLatin1StringView>
#include <QString>
#include <QStringView>

#include <optional>

/**
 * Internal to gengxin_core (not part of its API; include it only from src/core): the shapes the
 * sync protocol allows for its ids, names, codes, cursors and field values (syncprotocol.h).
 * Each check refuses text that is off the protocol with a CodecError at path; they have the
 * signature of JsonReader::Check (or ObjectCheck) so that decoders pass them to the reader.
 */
namespace gx::detail {

/** The longest cursor string a peer may send (PullPage::cursor, PullCursor::decode()). */
inline constexpr int kMaxCursorLength = 256;

/** Whether text is all ASCII letters (lower case unless upper), digits and characters of extra. */
[[nodiscard]] bool allAscii(QStringView text, bool upper, QLatin1StringView extra);

/** Hlc::isValidDeviceId(). */
[[nodiscard]] std::optional<CodecError> checkDeviceId(const QString &text, const QString &path,
                                                      const ProtocolLimits &limits);
/** [a-z0-9_]+, at most 64 characters (SyncError::code). */
[[nodiscard]] std::optional<CodecError> checkErrorCode(const QString &text, const QString &path,
                                                       const ProtocolLimits &limits);
/** [A-Za-z0-9._~-]+, at most kMaxCursorLength characters (PullPage::cursor). */
[[nodiscard]] std::optional<CodecError> checkCursorShape(const QString &text, const QString &path,
                                                         const ProtocolLimits &limits);
/** A lower-case 8-4-4-4-12 UUID other than the nil one (Mutation::mutationId). */
[[nodiscard]] std::optional<CodecError> checkUuid(const QString &text, const QString &path,
                                                  const ProtocolLimits &limits);
/** [a-z][a-z0-9_]*, at most 64 characters (Mutation::entity, Change::entity). */
[[nodiscard]] std::optional<CodecError> checkEntityName(const QString &text, const QString &path,
                                                        const ProtocolLimits &limits);
/** 1..128 characters, no control characters, well-formed UTF-16 (a record's id). */
[[nodiscard]] std::optional<CodecError> checkRecordId(const QString &text, const QString &path,
                                                      const ProtocolLimits &limits);
/** At most limits.maxStringLength characters and the one text check (core/textcheck.h): field
 * values, their keys, messages. */
[[nodiscard]] std::optional<CodecError> checkText(const QString &text, const QString &path,
                                                  const ProtocolLimits &limits);
/** A record's fields: at most limits.maxFieldsPerMutation members named [A-Za-z][A-Za-z0-9_]*
 * (at most 64 characters), whose values hold bounded strings nested at most
 * limits.maxValueDepth deep. */
[[nodiscard]] std::optional<CodecError> checkFields(const QJsonObject &fields, const QString &path,
                                                    const ProtocolLimits &limits);

} // namespace gx::detail
