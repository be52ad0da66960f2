#pragma once

#include <QStringView>

/**
 * The one test of a blob's name (a photo field's value, the {sha256} of /api/v1/blobs): the
 * lower-case hex SHA-256 of its bytes, 64 digits. The survey validator, the server's blob store
 * and its blob references call it, so that what a record may name and what the server stores
 * agree.
 */
namespace gx {

[[nodiscard]] inline bool isBlobName(QStringView text)
{
    if (text.size() != 64)
        return false;
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        if (!((u >= u'0' && u <= u'9') || (u >= u'a' && u <= u'f')))
            return false;
    }
    return true;
}

} // namespace gx
